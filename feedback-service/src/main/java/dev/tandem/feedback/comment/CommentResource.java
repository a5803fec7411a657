package dev.tandem.feedback.comment;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.feedback.feedback.Feedback;
import dev.tandem.platform.idempotency.Idempotency;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.security.Actors;
import dev.tandem.platform.web.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The discussion of a feedback item: comments by team members of every discipline, in the order written. */
@Path("/api/v1/feedback/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments", description = "Cross-functional discussion on a feedback item.")
public class CommentResource {

    private static final String COMMENT_EXAMPLE = """
            {"id": "4b3a2918-7f6e-4d5c-8b4a-3f2e1d0c9b8a", "feedbackId": "8e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b",
             "author": "Bo Eng", "discipline": "ENGINEERING",
             "text": "Reproduced: the payment step waits on a slow fraud check.",
             "createdAt": "2026-11-22T10:30:00Z", "updatedAt": "2026-11-22T10:30:00Z",
             "createdBy": {"subject": "u-2c9e", "kind": "PERSON", "name": "Bo Eng"},
             "updatedBy": {"subject": "u-2c9e", "kind": "PERSON", "name": "Bo Eng"}, "version": 0}""";

    @Inject
    CommentEvents events;

    @Inject
    Idempotency idempotency;

    @Inject
    Actors actors;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "addComment", summary = "Comment on a feedback item",
            description = "Adds a comment at the end of the item's discussion. Its author is the authenticated caller "
                    + "(author, createdBy); onBehalfOf optionally names whose words the caller records, next to it. "
                    + "Publishes dev.tandem.comment.added.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateCommentRequest.class),
            examples = @ExampleObject(name = "engineering", value = """
                    {"discipline": "ENGINEERING", "text": "Reproduced: the payment step waits on a slow fraud check."}""")))
    @APIResponse(responseCode = "201", description = "Added",
            headers = {@Header(name = "Location", description = "URL of the comment"),
                    @Header(name = "ETag", description = "Its version")},
            content = @Content(schema = @Schema(implementation = CommentView.class),
                    examples = @ExampleObject(name = "comment", value = COMMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response add(@PathParam("id") UUID id,
                        @Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                        @Valid @NotNull CreateCommentRequest request) {
        String path = "/api/v1/feedback/" + id + "/comments";
        return idempotency.execute(idempotencyKey, "POST " + path, request, () -> {
            Feedback feedback = feedback(id);
            Comment comment = Comment.create(id, actors.current(), request.behalf(), request.discipline(),
                    request.text());
            comment.persistAndFlush();
            events.added(comment, feedback.productId());
            return Versions.withETag(Response.created(URI.create(path + "/" + comment.id())), comment.version())
                    .entity(CommentView.of(comment)).build();
        });
    }

    @GET
    @Operation(operationId = "listComments", summary = "List a feedback item's comments",
            description = "In the order they were written (oldest first), cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of comments",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = CommentView.CommentPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + COMMENT_EXAMPLE + "]}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        feedback(id);
        PageRequest page = params.toPageRequest();
        if (page.after() != null && page.after().size() != 2) {
            throw Cursor.invalid();
        }
        List<Comment> rows = Comment.page(id, page.after() == null ? null : page.after().instant(0),
                page.after() == null ? null : page.after().uuid(1), page.fetchSize());
        Page<CommentView> result = Page.of(rows, page, CommentView::of, c -> Cursor.of(c.createdAt(), c.id()));
        return PageLinks.ok(result, page, uri);
    }

    @GET
    @Path("/{commentId}")
    @Operation(operationId = "getComment", summary = "Get a comment",
            description = "The comment with its author, discipline, text and when it was written and last edited. Only its author may edit it.")
    @APIResponse(responseCode = "200", description = "The comment",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to edit it"),
            content = @Content(schema = @Schema(implementation = CommentView.class),
                    examples = @ExampleObject(name = "comment", value = COMMENT_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Comment comment = comment(id, commentId);
        return Versions.ok(CommentView.of(comment), comment.version(), ifNoneMatch);
    }

    @PATCH
    @Path("/{commentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "editComment", summary = "Edit a comment (its author only)",
            description = "Only the comment's author edits it: the authenticated caller must be the one who wrote "
                    + "it (createdBy), else a 403 problem naming author, whatever name the body carries. Requires "
                    + "If-Match. Publishes dev.tandem.comment.edited.v1 when the text changed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EditCommentRequest.class),
            examples = @ExampleObject(name = "edit", value = """
                    {"text": "Reproduced: the payment step waits on the fraud check (2.5 s)."}""")))
    @APIResponse(responseCode = "200", description = "The comment",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = CommentView.class),
                    examples = @ExampleObject(name = "comment", value = COMMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "The caller is not the comment's author",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response edit(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId,
                         @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull EditCommentRequest request) {
        Feedback feedback = feedback(id);
        Comment comment = comment(id, commentId);
        Versions.requireIfMatch(ifMatch, comment.version());
        if (comment.edit(actors.current(), request.text())) {
            comment.persistAndFlush();
            events.edited(comment, feedback.productId());
        }
        return Versions.ok(CommentView.of(comment), comment.version());
    }

    private static Feedback feedback(UUID id) {
        Feedback feedback = Feedback.findById(id);
        if (feedback == null) {
            throw ProblemException.notFound("feedback", id);
        }
        return feedback;
    }

    private static Comment comment(UUID feedbackId, UUID commentId) {
        Comment comment = Comment.findById(commentId);
        if (comment == null || !comment.feedbackId().equals(feedbackId)) {
            throw ProblemException.notFound("comment", commentId);
        }
        return comment;
    }
}
