package dev.tandem.product.feature.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import dev.tandem.events.EventType;
import dev.tandem.platform.history.History;
import dev.tandem.platform.history.HistoryPage;
import dev.tandem.platform.idempotency.Idempotency;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.time.Now;
import dev.tandem.product.feature.ChangeFeatureStatusRequest;
import dev.tandem.product.feature.CreateFeatureRequest;
import dev.tandem.product.feature.Feature;
import dev.tandem.product.feature.FeatureETag;
import dev.tandem.product.feature.FeatureEvents;
import dev.tandem.product.feature.FeatureSort;
import dev.tandem.product.feature.FeatureStatus;
import dev.tandem.product.feature.FeatureView;
import dev.tandem.product.feature.FeatureViews;
import dev.tandem.product.feature.UpdateFeatureRequest;
import dev.tandem.product.planning.FeaturePlanning;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/features")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Features", description = "Features of products: problem, status, RICE score, release and objective.")
public class FeatureResource {

    static final String PATH = "/api/v1/features";

    @Inject
    FeatureEvents events;

    @Inject
    FeaturePlanning planning;

    @Inject
    Idempotency idempotency;

    @Inject
    FeatureViews views;

    @Inject
    History history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createFeature", summary = "Create a feature",
            description = "Creates a feature of an existing product as IDEA and publishes dev.tandem.feature.created.v1. "
                    + "RICE inputs are optional; the score is computed once all four are known. objectiveId "
                    + "(optional) must name an objective of the same product, else 422 naming objectiveId. "
                    + "Send an Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateFeatureRequest.class),
            examples = {
                    @ExampleObject(name = "reorder", value = """
                            {"productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50", "title": "One-click reorder",
                             "problem": "Repeat buyers re-enter the same basket every week.",
                             "reach": 1200, "impact": 2, "confidence": 80, "effort": 2.5}"""),
                    @ExampleObject(name = "for-an-objective", value = """
                            {"productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50", "title": "Saved carts",
                             "problem": "Customers lose their cart between devices.",
                             "objectiveId": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"}""")}))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "URL of the new feature"),
                    @Header(name = "ETag", description = "ETag of the new feature, e.g. \"0.0\"")},
            content = @Content(schema = @Schema(implementation = FeatureView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateFeatureRequest request) {
        return idempotency.execute(idempotencyKey, "POST " + PATH, request, () -> {
            Feature feature = planning.create(request);
            return views.etagOf(feature).addTo(Response.created(URI.create(PATH + "/" + feature.id())))
                    .entity(views.of(feature))
                    .build();
        });
    }

    @GET
    @Operation(operationId = "listFeatures", summary = "List features",
            description = "Cursor-paginated: follow nextCursor (or the Link header). Filters combine (AND). sort: "
                    + "createdAt (default, oldest first), -createdAt, score (lowest first), -score (highest first), "
                    + "demand / -demand (weighted customer demand; features without linked feedback count as 0); "
                    + "features without a score come last with -score. A cursor is valid only with its sort.")
    @APIResponse(responseCode = "200", description = "One page of features",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = FeaturePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@BeanParam PageParams params,
                         @Parameter(description = "Only features of this product")
                         @QueryParam("productId") UUID productId,
                         @Parameter(description = "Only features in this status")
                         @QueryParam("status") FeatureStatus status,
                         @Parameter(description = "Only features planned for this release")
                         @QueryParam("releaseId") UUID releaseId,
                         @Parameter(description = "Only features linked to this objective")
                         @QueryParam("objectiveId") UUID objectiveId,
                         @Parameter(description = "true: only features at risk (a delivering project is AMBER or RED); "
                                 + "false: only those not at risk",
                                 schema = @Schema(enumeration = {"true", "false"}))
                         @QueryParam("risk") String risk,
                         @Parameter(description = "Order: createdAt, -createdAt, score, -score, demand or -demand",
                                 schema = @Schema(enumeration = {"createdAt", "-createdAt", "score", "-score", "demand",
                                         "-demand"}))
                         @QueryParam("sort") String sort,
                         @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        FeatureSort order = FeatureSort.parse(sort);
        List<Feature> rows = Feature.page(productId, status, releaseId, objectiveId, parseRisk(risk), order,
                page.after(), page.fetchSize());
        FeatureViews.Context context = views.contextOf(rows);
        Page<FeatureView> result = Page.of(rows, page, f -> views.of(f, context),
                f -> order.cursorOf(f, context.demands().containsKey(f.id())
                        ? context.demands().get(f.id()).weightedDemand : null));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "FeaturePage")
    record FeaturePage(List<FeatureView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFeature", summary = "Get a feature",
            description = "The feature with its RICE inputs and score, status, release, objective, customer demand "
                    + "(from linked feedback) and risk flags (from the health of the projects delivering it). The "
                    + "ETag is \"<version>.<demand and risk version>\" (e.g. \"7.3\"): it changes with the feature "
                    + "and with its demand or risks, so If-None-Match gives a 304 only while nothing shown changed. "
                    + "Send it back in If-Match to change the feature: only its first part (the feature's version) "
                    + "must be current there.")
    @APIResponse(responseCode = "200", description = "The feature with its RICE inputs and score",
            headers = @Header(name = "ETag", description = "\"<version>.<demand and risk version>\"; send it back "
                    + "in If-Match to change the feature"),
            content = @Content(schema = @Schema(implementation = FeatureView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Feature feature = find(id);
        FeatureETag etag = views.etagOf(feature);
        if (etag.isCurrentFor(ifNoneMatch)) {
            return etag.notModified();
        }
        return etag.ok(views.of(feature));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateFeature", summary = "Update a feature",
            description = "Changes title, problem, RICE inputs, the release and/or the objective (absent fields "
                    + "stay as they are); the score is recomputed. releaseId must name a PLANNED release of the "
                    + "feature's product (else 422 naming releaseId); an empty releaseId takes the feature out of its "
                    + "release; a RELEASED feature keeps its release (409). objectiveId must name an objective of the "
                    + "feature's product (else 422 naming objectiveId); an empty objectiveId unlinks it. Requires "
                    + "If-Match (the feature's ETag; only its version part must be current). Publishes "
                    + "dev.tandem.feature.updated.v1 when something changed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateFeatureRequest.class),
            examples = {
                    @ExampleObject(name = "re-estimate", value = """
                            {"reach": 1500, "confidence": 50, "effort": 3}"""),
                    @ExampleObject(name = "link-to-objective", value = """
                            {"objectiveId": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"}"""),
                    @ExampleObject(name = "unlink-objective-and-release", value = """
                            {"objectiveId": "", "releaseId": ""}""")}))
    @APIResponse(responseCode = "200", description = "The updated feature",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = FeatureView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull UpdateFeatureRequest request) {
        Feature feature = find(id);
        views.etagOf(feature).requireIfMatch(ifMatch);
        planning.update(feature, request);
        return views.etagOf(feature).ok(views.of(feature));
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "changeFeatureStatus", summary = "Move a feature to another status",
            description = "IDEA → CANDIDATE → PLANNED → COMMITTED → IN_DELIVERY → DELIVERED, one step at a "
                    + "time; RELEASED only by releasing the feature's release (POST /api/v1/releases/{id}/release), "
                    + "so asking for it here is a 409; REJECTED (reason required) from IDEA, CANDIDATE or PLANNED; REJECTED → IDEA reopens. "
                    + "An illegal move is a 409 naming the allowed ones. Requires If-Match. Publishes "
                    + "dev.tandem.feature.status-changed.v1, and also dev.tandem.feature.committed.v1 on COMMITTED "
                    + "or dev.tandem.feature.rejected.v1 on REJECTED.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeFeatureStatusRequest.class),
            examples = {
                    @ExampleObject(name = "candidate", value = """
                            {"status": "CANDIDATE", "reason": "Asked for by 14 customers."}"""),
                    @ExampleObject(name = "reject", value = """
                            {"status": "REJECTED", "reason": "Solved by the payment provider's own wallet."}""")}))
    @APIResponse(responseCode = "200", description = "The feature in its new status",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = FeatureView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response changeStatus(@PathParam("id") UUID id,
                                 @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
                                 @Valid @NotNull ChangeFeatureStatusRequest request) {
        Feature feature = find(id);
        views.etagOf(feature).requireIfMatch(ifMatch);
        Feature.StatusChange change = feature.requestMove(request.status(), request.reason(), Now.instant());
        Feature.flush();
        events.statusChanged(feature, change);
        return views.etagOf(feature).ok(views.of(feature));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "deleteFeature", summary = "Delete a feature",
            description = "Only an IDEA can be deleted (reject it otherwise). Requires If-Match. "
                    + "Publishes dev.tandem.feature.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch) {
        Feature feature = find(id);
        views.etagOf(feature).requireIfMatch(ifMatch);
        feature.requireDeletable();
        events.deleted(feature, Now.instant());
        feature.delete();
        return Response.noContent().build();
    }

    /** true, false or absent; anything else is a 400 naming risk (Jakarta REST would read it as false). */
    private static Boolean parseRisk(String risk) {
        if (risk == null) {
            return null;
        }
        return switch (risk) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest("risk must be true or false",
                    new Problem.FieldError("risk", "must be true or false, got \"" + risk + "\""));
        };
    }

    private static final String HISTORY_EXAMPLE = """
            {"items": [
              {"at": "2026-11-23T08:02:11.204518Z",
               "actor": {"subject": "u-7f3a", "kind": "PERSON", "name": "Ana Lima"},
               "eventType": "dev.tandem.feature.status-changed.v1",
               "changes": {"status": {"from": "PLANNED", "to": "COMMITTED"}}},
              {"at": "2026-11-22T09:15:00.118204Z",
               "actor": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "crm-sync"},
               "eventType": "dev.tandem.feature.created.v1",
               "changes": {"productId": {"from": null, "to": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50"},
                           "title": {"from": null, "to": "One-click reorder"}, "status": {"from": null, "to": "IDEA"}}}],
             "nextCursor": "WzQxXQ"}""";

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getFeatureHistory", summary = "A feature's history: who changed what, newest first",
            description = "One entry per change of the feature (created, edited, status moves, release, the at-risk flag; not its demand, which is other services' data): when (at), who (actor: the caller the gateway "
                    + "authenticated, or product-service itself for a change made on another service's event), the event it "
                    + "published (eventType) and each field of the feature's view that changed, from → to (on creation "
                    + "every field set, from null). Kept for as long as the feature exists, independently of the event "
                    + "retention. Cursor-paginated; needs products:read.")
    @APIResponse(responseCode = "200", description = "One page of the feature's changes, newest first",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        return PageLinks.ok(history.page(EventType.FEATURE_CREATED.aggregateType(), id, page), page, uri);
    }

    private static Feature find(UUID id) {
        Feature feature = Feature.findById(id);
        if (feature == null) {
            throw ProblemException.notFound("feature", id);
        }
        return feature;
    }
}
