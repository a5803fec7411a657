package dev.tandem.feedback.feedback;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.feedback.catalog.CatalogProduct;
import dev.tandem.feedback.customer.Customer;
import dev.tandem.feedback.sentiment.SentimentAnalyzer;
import dev.tandem.events.EventType;
import dev.tandem.platform.history.History;
import dev.tandem.platform.history.HistoryPage;
import dev.tandem.platform.idempotency.Idempotency;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
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

@Path(FeedbackResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "Feedback from every channel: triage, status, sentiment, search.")
public class FeedbackResource {

    static final String PATH = "/api/v1/feedback";
    /** On a create that names an existing (source, externalReference): the answer is that existing item. */
    public static final String DUPLICATE_HEADER = "Feedback-Duplicate";

    private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

    @Inject
    FeedbackEvents events;

    @Inject
    History history;

    @Inject
    Idempotency idempotency;

    @Inject
    FeedbackLinks links;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createFeedback", summary = "Record a feedback item",
            description = "Records the item as NEW with its computed sentiment and publishes "
                    + "dev.tandem.feedback.received.v1. The customer must exist and the product must be in the "
                    + "catalog (422 naming the field otherwise). When (source, externalReference) names an item "
                    + "recorded before, nothing is written: the answer is 200 with that item, its Location and "
                    + "`Feedback-Duplicate: true`.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateFeedbackRequest.class),
            examples = @ExampleObject(name = "support ticket", value = """
                    {"source": "SUPPORT", "externalReference": "ZD-48213",
                     "customerId": "5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f", "productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
                     "title": "Checkout is slow", "text": "The checkout page is very slow and we lose customers.",
                     "receivedAt": "2026-11-21T16:40:00Z", "tags": ["performance", "checkout"], "owner": "ana.pm@example.com"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = {@Header(name = "Location", description = "URL of the new item"),
                    @Header(name = "ETag", description = "Version of the new item")},
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "200", description = "The same (source, externalReference) was recorded before: the existing item",
            headers = {@Header(name = "Feedback-Duplicate", description = "true"),
                    @Header(name = "Location", description = "URL of the existing item"),
                    @Header(name = "ETag", description = "Its version")},
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull CreateFeedbackRequest request) {
        return idempotency.execute(idempotencyKey, "POST " + PATH, request, () -> {
            Feedback existing = Feedback.bySourceAndReference(request.source(), request.externalReference());
            if (existing != null) {
                return Versions.withETag(Response.ok(FeedbackView.of(existing)), existing.version())
                        .location(URI.create(PATH + "/" + existing.id()))
                        .header(DUPLICATE_HEADER, "true").build();
            }
            requireCustomer(request.customerId());
            requireProduct(request.productId());
            Feedback feedback = Feedback.create(request.source(), request.externalReference(), request.customerId(),
                    request.productId(), request.title(), request.text(), request.receivedAt(), request.tags(),
                    request.owner(), analyzer);
            feedback.persistAndFlush();
            events.received(feedback);
            return Versions.withETag(Response.created(URI.create(PATH + "/" + feedback.id())), feedback.version())
                    .entity(FeedbackView.of(feedback)).build();
        });
    }

    private static void requireCustomer(UUID customerId) {
        if (Customer.findById(customerId) == null) {
            throw ProblemException.unprocessable("customer " + customerId + " does not exist",
                    new Problem.FieldError("customerId", "no such customer"));
        }
    }

    private static void requireProduct(UUID productId) {
        CatalogProduct product = CatalogProduct.findById(productId);
        if (product == null) {
            throw ProblemException.unprocessable("product " + productId + " is not in the catalog",
                    new Problem.FieldError("productId", "no such product in the catalog"));
        }
        if (!product.acceptsFeedback()) {
            throw ProblemException.unprocessable("product " + productId + " was deleted",
                    new Problem.FieldError("productId", "the product was deleted and takes no new feedback"));
        }
    }

    @GET
    @Operation(operationId = "listFeedback", summary = "List and search feedback",
            description = "Newest received first by default (sort=-receivedAt; sort=receivedAt for oldest first), "
                    + "cursor-paginated: follow nextCursor (or the Link header). All filters combine with AND. "
                    + "q is a full-text search over title and text (English stemming: \"crashes\" finds \"crash\").")
    @APIResponse(responseCode = "200", description = "One page of feedback",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = FeedbackPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@BeanParam PageParams params,
                         @Parameter(description = "Only feedback about this product") @QueryParam("productId") UUID productId,
                         @Parameter(description = "Only feedback linked to this feature") @QueryParam("featureId") UUID featureId,
                         @Parameter(description = "Only feedback of this customer") @QueryParam("customerId") UUID customerId,
                         @Parameter(description = "Only feedback from this channel") @QueryParam("source") Source source,
                         @Parameter(description = "Only feedback in this status") @QueryParam("status") FeedbackStatus status,
                         @Parameter(description = "Only feedback with this tag (case-insensitive)")
                         @QueryParam("tag") @Size(max = 50) String tag,
                         @Parameter(description = "Only feedback with this sentiment label")
                         @QueryParam("sentiment") @Pattern(regexp = "negative|neutral|positive",
                                 message = "must be one of [negative, neutral, positive]") String sentiment,
                         @Parameter(description = "Only feedback this team member is accountable for")
                         @QueryParam("owner") @Size(max = 200) String owner,
                         @Parameter(description = "Received at or after this instant (ISO-8601)")
                         @QueryParam("receivedFrom") Instant receivedFrom,
                         @Parameter(description = "Received before this instant (ISO-8601)")
                         @QueryParam("receivedTo") Instant receivedTo,
                         @Parameter(description = "Full-text search over title and text")
                         @QueryParam("q") @Size(max = 200) String q,
                         @Parameter(description = "receivedAt (oldest first) or -receivedAt (newest first, default)")
                         @QueryParam("sort") @DefaultValue("-receivedAt") @Pattern(regexp = "-?receivedAt",
                                 message = "must be receivedAt or -receivedAt") String sort,
                         @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        boolean descending = sort.startsWith("-");
        String direction = descending ? "desc" : "asc";
        if (page.after() != null && (page.after().size() != 3 || !direction.equals(page.after().string(2)))) {
            throw Cursor.invalid();
        }
        FeedbackSearch search = new FeedbackSearch(productId, featureId, customerId, source, status, tag, sentiment, owner,
                receivedFrom, receivedTo, q, descending);
        List<Feedback> rows = search.page(page.after() == null ? null : page.after().instant(0),
                page.after() == null ? null : page.after().uuid(1), page.fetchSize());
        Page<FeedbackView> result = Page.of(rows, page, FeedbackView::of,
                f -> Cursor.of(f.receivedAt(), f.id(), direction));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "FeedbackPage")
    record FeedbackPage(List<FeedbackView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFeedback", summary = "Get a feedback item",
            description = "The item with source, external reference, customer, product, text, computed sentiment, tags, owner, status and its links to features. The ETag is its version (If-None-Match gives a 304 while unchanged; If-Match is needed to change it or its links).")
    @APIResponse(responseCode = "200", description = "The item",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to change it"),
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Feedback feedback = find(id);
        return Versions.ok(FeedbackView.of(feedback), feedback.version(), ifNoneMatch);
    }

    private static final String HISTORY_EXAMPLE = """
            {"items": [
              {"at": "2026-11-23T08:02:11.204518Z",
               "actor": {"subject": "u-7f3a", "kind": "PERSON", "name": "Ana Lima"},
               "eventType": "dev.tandem.feedback.linked.v1",
               "changes": {"links": {"from": [{"featureId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "importance": "IMPORTANT"}],
                                     "to": [{"featureId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "importance": "CRITICAL"}]}}},
              {"at": "2026-11-22T09:15:00.118204Z",
               "actor": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "crm-sync"},
               "eventType": "dev.tandem.feedback.received.v1",
               "changes": {"source": {"from": null, "to": "SUPPORT"}, "title": {"from": null, "to": "Checkout is slow"},
                           "status": {"from": null, "to": "NEW"}, "links": {"from": null, "to": []}}}],
             "nextCursor": "WzQxXQ"}""";

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getFeedbackHistory", summary = "A feedback item's history: who changed what, newest first",
            description = "One entry per change of the feedback item (received, edited, triaged, status moves, links to features and their importance, as the field links; a link that moves the item to PLANNED is one entry, of its status-changed event): when (at), who (actor: the caller the gateway "
                    + "authenticated, or feedback-service itself for a change made on another service's event), the "
                    + "event it published (eventType) and each field that changed, from → to (on creation every "
                    + "field set, from null). Kept for as long as the feedback item exists, independently of the event "
                    + "retention. Cursor-paginated; needs feedback:read.")
    @APIResponse(responseCode = "200", description = "One page of the feedback item's changes, newest first",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        return PageLinks.ok(history.page(EventType.FEEDBACK_RECEIVED.aggregateType(), id, page), page, uri);
    }

    private static Feedback find(UUID id) {
        Feedback feedback = Feedback.findById(id);
        if (feedback == null) {
            throw ProblemException.notFound("feedback", id);
        }
        return feedback;
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateFeedback", summary = "Triage a feedback item",
            description = "Changes only the fields sent (title, text, tags, owner, customer, product, received at). "
                    + "Requires If-Match. A title or text change recomputes the sentiment. Publishes "
                    + "dev.tandem.feedback.updated.v1 when something changed, and when the customer changed "
                    + "dev.tandem.feedback.linked.v1 again for each link (so demand follows the new customer). "
                    + "An item linked to features keeps its product (409 naming productId: unlink first), and a "
                    + "vote keeps its customer (422 naming customerId); nothing changes then.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateFeedbackRequest.class),
            examples = @ExampleObject(name = "triage", value = """
                    {"tags": ["performance", "checkout"], "owner": "ana.pm@example.com"}""")))
    @APIResponse(responseCode = "200", description = "The updated item",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The item is linked to features of its product and cannot move to another product (errors[0].field = productId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UpdateFeedbackRequest request) {
        Feedback feedback = find(id);
        Versions.requireIfMatch(ifMatch, feedback.version());
        if (request.customerId() != null) {
            requireCustomer(request.customerId());
        }
        if (request.productId() != null) {
            requireProduct(request.productId());
        }
        FeedbackLinks.requireChangeable(feedback, request.customerId(), request.productId());
        List<String> changed = feedback.update(request.title(), request.text(), request.tags(), request.owner(),
                request.customerId(), request.productId(), request.receivedAt(), analyzer);
        if (!changed.isEmpty()) {
            feedback.persistAndFlush();
            events.updated(feedback, changed);
            if (changed.contains("customerId")) {
                links.customerChanged(feedback);
            }
        }
        return Versions.ok(FeedbackView.of(feedback), feedback.version());
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "changeFeedbackStatus", summary = "Move a feedback item to another status",
            description = "NEW → TRIAGED → PLANNED → ADDRESSED → CLOSED; ARCHIVED from NEW, TRIAGED or PLANNED; SPAM "
                    + "from NEW or TRIAGED; ARCHIVED and SPAM back to NEW; CLOSED is final. Requires If-Match. An "
                    + "illegal move is a 409 naming the allowed ones. Publishes dev.tandem.feedback.status-changed.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeStatusRequest.class),
            examples = @ExampleObject(name = "triaged", value = "{\"status\": \"TRIAGED\"}")))
    @APIResponse(responseCode = "200", description = "The item in its new status",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status; the detail names the allowed ones",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response changeStatus(@PathParam("id") UUID id,
                                 @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull ChangeStatusRequest request) {
        Feedback feedback = find(id);
        Versions.requireIfMatch(ifMatch, feedback.version());
        FeedbackStatus from = feedback.moveTo(request.status());
        feedback.persistAndFlush();
        events.statusChanged(feedback, from);
        return Versions.ok(FeedbackView.of(feedback), feedback.version());
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "deleteFeedback", summary = "Delete a feedback item",
            description = "Requires If-Match. Publishes one dev.tandem.feedback.unlinked.v1 per link of the item, then "
                    + "dev.tandem.feedback.deleted.v1 with the item's last state. Its comments go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@PathParam("id") UUID id,
                           @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Feedback feedback = find(id);
        Versions.requireIfMatch(ifMatch, feedback.version());
        links.unlinkAllForDeletion(feedback);
        events.deleted(feedback);
        feedback.delete();
        return Response.noContent().build();
    }
}
