package dev.tandem.product.release.api;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.time.Now;
import dev.tandem.platform.web.Versions;
import dev.tandem.product.feature.Feature;
import dev.tandem.product.feature.FeatureEvents;
import dev.tandem.product.feature.FeatureStatus;
import dev.tandem.product.product.Product;
import dev.tandem.product.release.CreateReleaseRequest;
import dev.tandem.product.release.Release;
import dev.tandem.product.release.ReleaseEvents;
import dev.tandem.product.release.ReleasePlan;
import dev.tandem.product.release.ReleaseReleaseRequest;
import dev.tandem.product.release.ReleaseStatus;
import dev.tandem.product.release.ReleaseView;
import dev.tandem.product.release.UpdateReleaseRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Releases of products: target dates, and the features that ship together.")
public class ReleaseResource {

    static final String PATH = "/api/v1/releases";

    @Inject
    ReleaseEvents events;

    @Inject
    FeatureEvents featureEvents;

    @Inject
    Idempotency idempotency;

    @Inject
    History history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createRelease", summary = "Create a release",
            description = "Plans a release of an existing product (status PLANNED) and publishes "
                    + "dev.tandem.release.created.v1. Features are assigned to it through the feature PATCH "
                    + "(releaseId). Send an Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateReleaseRequest.class),
            examples = @ExampleObject(name = "2027.1", value = """
                    {"productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50", "name": "2027.1",
                     "description": "Reorder and wallet.", "targetDate": "2027-03-31"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "URL of the new release"),
                    @Header(name = "ETag", description = "Version of the new release")},
            content = @Content(schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateReleaseRequest request) {
        return idempotency.execute(idempotencyKey, "POST " + PATH, request, () -> {
            if (Product.findById(request.productId()) == null) {
                throw ProblemException.unprocessable("product " + request.productId() + " does not exist",
                        new Problem.FieldError("productId", "no product with this id"));
            }
            Release release = Release.create(request.productId(), request.name(), request.description(),
                    request.targetDate(), Now.instant());
            release.persistAndFlush();
            events.created(release);
            return Versions.withETag(Response.created(URI.create(PATH + "/" + release.id())), release.version())
                    .entity(ReleaseView.of(release))
                    .build();
        });
    }

    @GET
    @Operation(operationId = "listReleases", summary = "List releases",
            description = "Oldest first, cursor-paginated: follow nextCursor (or the Link header). Filters combine (AND).")
    @APIResponse(responseCode = "200", description = "One page of releases",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = ReleasePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@BeanParam PageParams params,
                         @Parameter(description = "Only releases of this product") @QueryParam("productId") UUID productId,
                         @Parameter(description = "Only releases in this status") @QueryParam("status") ReleaseStatus status,
                         @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        List<Release> rows = Release.page(productId, status, page.after(), page.fetchSize());
        Page<ReleaseView> result = Page.of(rows, page, ReleaseView::of, r -> Cursor.of(r.createdAt(), r.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "ReleasePage")
    record ReleasePage(List<ReleaseView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRelease", summary = "Get a release",
            description = "The release with its target date and status (PLANNED or RELEASED); its features are listed by GET /api/v1/features?releaseId={id}. The ETag is its version, needed in If-Match to update or release it; If-None-Match gives a 304 while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The release",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to change it"),
            content = @Content(schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Release release = find(id);
        return Versions.ok(ReleaseView.of(release), release.version(), ifNoneMatch);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateRelease", summary = "Update a release",
            description = "Changes name, description and/or target date of a PLANNED release (a RELEASED one is a "
                    + "409). Requires If-Match. Publishes dev.tandem.release.updated.v1 when something changed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateReleaseRequest.class),
            examples = @ExampleObject(name = "postpone", value = """
                    {"targetDate": "2027-04-15"}""")))
    @APIResponse(responseCode = "200", description = "The updated release",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull UpdateReleaseRequest request) {
        Release release = find(id);
        Versions.requireIfMatch(ifMatch, release.version());
        if (release.update(request.name(), request.description(), request.targetDate(), Now.instant())) {
            Release.flush();
            events.updated(release);
        }
        return Versions.ok(ReleaseView.of(release), release.version());
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "releaseRelease", summary = "Release a release",
            description = "Releases every DELIVERED feature of the release (→ RELEASED, with "
                    + "dev.tandem.feature.status-changed.v1 and dev.tandem.feature.released.v1 each) and marks the "
                    + "release RELEASED (dev.tandem.release.released.v1). Refused with a 409 naming each feature that "
                    + "is not DELIVERED, unless all of those are listed in force: those are moved out of the release "
                    + "(dev.tandem.feature.updated.v1 each). A force entry that is not a feature of this release is a "
                    + "422 naming it. Send {} when nothing is to be moved out. Requires If-Match.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReleaseReleaseRequest.class),
            examples = {
                    @ExampleObject(name = "all delivered", value = "{}"),
                    @ExampleObject(name = "move one out", value = """
                            {"force": ["6e2f7d8b-3c4d-4e5f-9a01-b2c3d4e5f6a7"]}""")}))
    @APIResponse(responseCode = "200", description = "The release, now RELEASED",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response release(@PathParam("id") UUID id,
                            @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
                            @Valid @NotNull ReleaseReleaseRequest request) {
        Release release = find(id);
        Versions.requireIfMatch(ifMatch, release.version());
        release.requirePlanned();
        List<Feature> features = Feature.ofRelease(id);
        Map<UUID, FeatureStatus> statuses = new LinkedHashMap<>();
        Map<UUID, Feature> byId = new LinkedHashMap<>();
        for (Feature f : features) {
            statuses.put(f.id(), f.status());
            byId.put(f.id(), f);
        }
        List<UUID> force = request.force() == null ? List.of() : request.force();
        ReleasePlan plan = ReleasePlan.of(statuses, force);
        Instant now = Now.instant();
        release.markReleased(now);
        for (UUID out : plan.moveOut()) {
            Feature f = byId.get(out);
            f.assignRelease(null, now);
        }
        Map<UUID, Feature.StatusChange> changes = new LinkedHashMap<>();
        for (UUID in : plan.release()) {
            changes.put(in, byId.get(in).moveTo(FeatureStatus.RELEASED, "released with " + release.name(), now));
        }
        Release.flush();
        for (UUID out : plan.moveOut()) {
            featureEvents.updated(byId.get(out));
        }
        for (UUID in : plan.release()) {
            Feature f = byId.get(in);
            featureEvents.statusChanged(f, changes.get(in));
            featureEvents.released(f, release.id(), release.name(), release.releasedAt());
        }
        events.released(release, plan.release(), plan.moveOut());
        return Versions.ok(ReleaseView.of(release), release.version());
    }

    private static final String HISTORY_EXAMPLE = """
            {"items": [
              {"at": "2026-11-23T08:02:11.204518Z",
               "actor": {"subject": "u-7f3a", "kind": "PERSON", "name": "Ana Lima"},
               "eventType": "dev.tandem.release.released.v1",
               "changes": {"status": {"from": "PLANNED", "to": "RELEASED"},
                           "releasedAt": {"from": null, "to": "2027-03-30T16:00:00Z"}}},
              {"at": "2026-11-22T09:15:00.118204Z",
               "actor": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "crm-sync"},
               "eventType": "dev.tandem.release.created.v1",
               "changes": {"productId": {"from": null, "to": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50"},
                           "name": {"from": null, "to": "2027.1"}, "targetDate": {"from": null, "to": "2027-03-31"}}}],
             "nextCursor": "WzQxXQ"}""";

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getReleaseHistory", summary = "A release's history: who changed what, newest first",
            description = "One entry per change of the release (created, edited, released): when (at), who (actor: the caller the gateway "
                    + "authenticated, or product-service itself for a change made on another service's event), the event it "
                    + "published (eventType) and each field of the release's view that changed, from → to (on creation "
                    + "every field set, from null). Kept for as long as the release exists, independently of the event "
                    + "retention. Cursor-paginated; needs products:read.")
    @APIResponse(responseCode = "200", description = "One page of the release's changes, newest first",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        return PageLinks.ok(history.page(EventType.RELEASE_CREATED.aggregateType(), id, page), page, uri);
    }

    private static Release find(UUID id) {
        Release release = Release.findById(id);
        if (release == null) {
            throw ProblemException.notFound("release", id);
        }
        return release;
    }
}
