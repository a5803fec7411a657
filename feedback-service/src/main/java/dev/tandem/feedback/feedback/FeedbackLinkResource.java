package dev.tandem.feedback.feedback;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.tandem.platform.idempotency.Idempotency;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
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

/**
 * A feedback item's links to features. The links are part of the item: every change bumps the item's version, and
 * PATCH/PUT/DELETE need the item's ETag in If-Match.
 */
@Path(FeedbackResource.PATH + "/{id}/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback links", description = "Links from feedback to features, with importance; product-service weighs demand from their events.")
public class FeedbackLinkResource {

    private static final String LINK_EXAMPLE = """
            {"feedbackId": "8e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b", "featureId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a",
             "featureTitle": "One-click checkout", "featureStatus": "PLANNED",
             "productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50", "importance": "IMPORTANT",
             "linkedBy": "crm-sync", "onBehalfOf": "ana.pm@example.com",
             "linkedAt": "2026-11-22T10:00:00Z", "updatedAt": "2026-11-22T10:00:00Z",
             "createdBy": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "crm-sync"},
             "updatedBy": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "crm-sync"}}""";

    @Inject
    FeedbackLinks links;

    @Inject
    Idempotency idempotency;

    @GET
    @Operation(operationId = "listFeedbackLinks", summary = "List a feedback item's links to features",
            description = "All links of the item (at most 50, so never paged), oldest first. The ETag is the "
                    + "feedback item's version: send it in If-Match to change a link.")
    @APIResponse(responseCode = "200", description = "The item's links",
            headers = @Header(name = "ETag", description = "The feedback item's version"),
            content = @Content(schema = @Schema(implementation = LinkView.Links.class),
                    examples = @ExampleObject(name = "one link", value = "{\"items\": [" + LINK_EXAMPLE + "]}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("id") UUID id) {
        Feedback feedback = find(id);
        return Versions.ok(new LinkView.Links(FeedbackLink.ofFeedback(id).stream().map(LinkView::of).toList()),
                feedback.version());
    }

    @GET
    @Path("/{featureId}")
    @Operation(operationId = "getFeedbackLink", summary = "Get one link of a feedback item",
            description = "The link to the feature with the importance the customer gave it and when it was made.")
    @APIResponse(responseCode = "200", description = "The link",
            headers = @Header(name = "ETag", description = "The feedback item's version"),
            content = @Content(schema = @Schema(implementation = LinkView.class),
                    examples = @ExampleObject(name = "link", value = LINK_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id, @PathParam("featureId") UUID featureId) {
        Feedback feedback = find(id);
        return Versions.ok(LinkView.of(findLink(id, featureId)), feedback.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "linkFeedback", summary = "Link a feedback item to a feature",
            description = "The feature must be a live (not deleted) feature of the item's product in the catalog "
                    + "(422 naming featureId otherwise); one link per feature (409). A NEW or TRIAGED item becomes "
                    + "PLANNED (dev.tandem.feedback.status-changed.v1). Publishes dev.tandem.feedback.linked.v1 "
                    + "with the customer's current annual revenue. The item's version increases.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateLinkRequest.class),
            examples = @ExampleObject(name = "important", value = """
                    {"featureId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "importance": "IMPORTANT", "onBehalfOf": "ana.pm@example.com"}""")))
    @APIResponse(responseCode = "201", description = "Linked",
            headers = {@Header(name = "Location", description = "URL of the link"),
                    @Header(name = "ETag", description = "The feedback item's new version")},
            content = @Content(schema = @Schema(implementation = LinkView.class),
                    examples = @ExampleObject(name = "link", value = LINK_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The item is linked to this feature already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response link(@PathParam("id") UUID id,
                         @Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @Valid @NotNull CreateLinkRequest request) {
        String path = FeedbackResource.PATH + "/" + id + "/links";
        return idempotency.execute(idempotencyKey, "POST " + path, request, () -> {
            Feedback feedback = find(id);
            FeedbackLink link = links.link(feedback, request.featureId(), request.importance(), request.behalf());
            return Versions.withETag(Response.created(URI.create(path + "/" + link.featureId())), feedback.version())
                    .entity(LinkView.of(link)).build();
        });
    }

    @PATCH
    @Path("/{featureId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "changeFeedbackLinkImportance", summary = "Change a link's importance",
            description = "Requires If-Match with the feedback item's ETag. Publishes dev.tandem.feedback.linked.v1 "
                    + "with previousImportance when the importance changed; the same importance changes nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeImportanceRequest.class),
            examples = @ExampleObject(name = "critical", value = "{\"importance\": \"CRITICAL\"}")))
    @APIResponse(responseCode = "200", description = "The link",
            headers = @Header(name = "ETag", description = "The feedback item's (new) version"),
            content = @Content(schema = @Schema(implementation = LinkView.class),
                    examples = @ExampleObject(name = "link", value = LINK_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response changeImportance(@PathParam("id") UUID id, @PathParam("featureId") UUID featureId,
                                     @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @Valid @NotNull ChangeImportanceRequest request) {
        Feedback feedback = find(id);
        FeedbackLink link = findLink(id, featureId);
        Versions.requireIfMatch(ifMatch, feedback.version());
        links.changeImportance(feedback, link, request.importance());
        return Versions.ok(LinkView.of(link), feedback.version());
    }

    @PUT
    @Path("/{featureId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "putFeedbackLinkImportance", summary = "Set a link's importance (same as PATCH)",
            description = "The body names the whole changeable state of a link (its importance), so PUT and PATCH "
                    + "do the same. Requires If-Match with the feedback item's ETag.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeImportanceRequest.class),
            examples = @ExampleObject(name = "nice to have", value = "{\"importance\": \"NICE_TO_HAVE\"}")))
    @APIResponse(responseCode = "200", description = "The link",
            headers = @Header(name = "ETag", description = "The feedback item's (new) version"),
            content = @Content(schema = @Schema(implementation = LinkView.class),
                    examples = @ExampleObject(name = "link", value = LINK_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response putImportance(@PathParam("id") UUID id, @PathParam("featureId") UUID featureId,
                                  @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull ChangeImportanceRequest request) {
        return changeImportance(id, featureId, ifMatch, request);
    }

    @DELETE
    @Path("/{featureId}")
    @Transactional
    @Operation(operationId = "unlinkFeedback", summary = "Remove a link",
            description = "Requires If-Match with the feedback item's ETag. Publishes dev.tandem.feedback.unlinked.v1. "
                    + "The item's status stays as it is.")
    @APIResponse(responseCode = "204", description = "Unlinked",
            headers = @Header(name = "ETag", description = "The feedback item's new version"))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response unlink(@PathParam("id") UUID id, @PathParam("featureId") UUID featureId,
                           @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Feedback feedback = find(id);
        FeedbackLink link = findLink(id, featureId);
        Versions.requireIfMatch(ifMatch, feedback.version());
        links.unlink(feedback, link);
        return Versions.withETag(Response.noContent(), feedback.version()).build();
    }

    private static Feedback find(UUID id) {
        Feedback feedback = Feedback.findById(id);
        if (feedback == null) {
            throw ProblemException.notFound("feedback", id);
        }
        return feedback;
    }

    private static FeedbackLink findLink(UUID id, UUID featureId) {
        FeedbackLink link = FeedbackLink.of(id, featureId);
        if (link == null) {
            throw ProblemException.notFound("link of feedback " + id + " to feature", featureId);
        }
        return link;
    }
}
