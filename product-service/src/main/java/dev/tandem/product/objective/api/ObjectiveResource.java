package dev.tandem.product.objective.api;

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
import dev.tandem.platform.web.Versions;
import dev.tandem.product.objective.AddKeyResultRequest;
import dev.tandem.product.objective.CreateObjectiveRequest;
import dev.tandem.product.objective.KeyResult;
import dev.tandem.product.objective.KeyResultView;
import dev.tandem.product.objective.Measurement;
import dev.tandem.product.objective.MeasurementView;
import dev.tandem.product.objective.Objective;
import dev.tandem.product.objective.ObjectiveEvents;
import dev.tandem.product.objective.ObjectiveView;
import dev.tandem.product.objective.RecordMeasurementRequest;
import dev.tandem.product.objective.RecordedMeasurementView;
import dev.tandem.product.objective.UpdateObjectiveRequest;
import dev.tandem.product.product.Product;
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
 * Objectives and key results. Key results are part of the objective (no version of their own): adding one needs the
 * objective's If-Match and bumps its version. Measurements are appended facts: recording one needs no If-Match
 * (an Idempotency-Key makes retries safe) but also bumps the objective's version.
 */
@Path("/api/v1/objectives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Objectives", description = "Objectives of products per quarter, their key results and measurements.")
public class ObjectiveResource {

    static final String PATH = "/api/v1/objectives";

    @Inject
    ObjectiveEvents events;

    @Inject
    Idempotency idempotency;

    @Inject
    History history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createObjective", summary = "Create an objective",
            description = "Creates an objective of an existing product for a quarter (YYYY-Qn), without key results, "
                    + "and publishes dev.tandem.objective.created.v1. Send an Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateObjectiveRequest.class),
            examples = @ExampleObject(name = "adoption", value = """
                    {"productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50", "title": "Teams adopt Tandem weekly",
                     "period": "2027-Q1"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "URL of the new objective"),
                    @Header(name = "ETag", description = "Version of the new objective")},
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateObjectiveRequest request) {
        return idempotency.execute(idempotencyKey, "POST " + PATH, request, () -> {
            if (Product.findById(request.productId()) == null) {
                throw ProblemException.unprocessable("product " + request.productId() + " does not exist",
                        new Problem.FieldError("productId", "no product with this id"));
            }
            Objective objective = Objective.create(request.productId(), request.title(), request.description(),
                    request.period(), Now.instant());
            objective.persistAndFlush();
            events.created(objective);
            return Versions.withETag(Response.created(URI.create(PATH + "/" + objective.id())), objective.version())
                    .entity(ObjectiveView.of(objective))
                    .build();
        });
    }

    @GET
    @Operation(operationId = "listObjectives", summary = "List objectives",
            description = "Oldest first, cursor-paginated: follow nextCursor (or the Link header). Filters combine (AND).")
    @APIResponse(responseCode = "200", description = "One page of objectives",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = ObjectivePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@BeanParam PageParams params,
                         @Parameter(description = "Only objectives of this product")
                         @QueryParam("productId") UUID productId,
                         @Parameter(description = "Only objectives of this quarter, e.g. 2027-Q1")
                         @QueryParam("period") String period,
                         @Context UriInfo uri) {
        if (period != null && !Objective.PERIOD.matcher(period).matches()) {
            throw ProblemException.badRequest("period must be a quarter like 2027-Q1",
                    new Problem.FieldError("period", "must match " + Objective.PERIOD_PATTERN));
        }
        PageRequest page = params.toPageRequest();
        List<Objective> rows = Objective.page(productId, period, page.after(), page.fetchSize());
        Page<ObjectiveView> result = Page.of(rows, page, ObjectiveView::of, Objective::cursor);
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "ObjectivePage")
    record ObjectivePage(List<ObjectiveView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getObjective", summary = "Get an objective with its key results and progress",
            description = "The objective, its period and each key result with baseline, target, direction, current value and progress (share of the way from baseline to target, 0-100 %); the objective's progress is the mean of its key results'. The features serving it: GET /api/v1/features?objectiveId={id}. The ETag is its version (a new key result or measurement changes it); If-None-Match gives a 304 while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The objective",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to change it"),
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Objective objective = find(id);
        return Versions.ok(ObjectiveView.of(objective), objective.version(), ifNoneMatch);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateObjective", summary = "Update an objective",
            description = "Changes title, description and/or period (absent fields stay as they are). Requires "
                    + "If-Match. Publishes dev.tandem.objective.updated.v1 when something changed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateObjectiveRequest.class),
            examples = @ExampleObject(name = "move", value = """
                    {"period": "2027-Q2"}""")))
    @APIResponse(responseCode = "200", description = "The updated objective",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull UpdateObjectiveRequest request) {
        Objective objective = find(id);
        Versions.requireIfMatch(ifMatch, objective.version());
        if (objective.update(request.title(), request.description(), request.period(), Now.instant())) {
            Objective.flush();
            events.updated(objective);
        }
        return Versions.ok(ObjectiveView.of(objective), objective.version());
    }

    @POST
    @Path("/{id}/key-results")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "addKeyResult", summary = "Add a key result to an objective",
            description = "Key results are part of the objective: this needs the objective's If-Match and gives it a "
                    + "new version. The current value starts at the baseline. With INCREASE the target must be ≥ the "
                    + "baseline, with DECREASE ≤ (else 400 naming target). Publishes dev.tandem.objective.updated.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AddKeyResultRequest.class),
            examples = {
                    @ExampleObject(name = "increase", value = """
                            {"metric": "Weekly active teams", "unit": "teams", "baseline": 120, "target": 200,
                             "direction": "INCREASE"}"""),
                    @ExampleObject(name = "decrease", value = """
                            {"metric": "Churn", "unit": "%", "baseline": 4.5, "target": 3, "direction": "DECREASE"}""")}))
    @APIResponse(responseCode = "201", description = "The objective with the new key result last",
            headers = {@Header(name = "Location", description = "URL of the objective"),
                    @Header(name = "ETag", description = "The objective's new version")},
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response addKeyResult(@PathParam("id") UUID id,
                                 @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
                                 @Valid @NotNull AddKeyResultRequest request) {
        Objective objective = find(id);
        Versions.requireIfMatch(ifMatch, objective.version());
        objective.addKeyResult(request.metric(), request.unit(), request.baseline(), request.target(),
                request.direction(), Now.instant());
        Objective.flush();
        events.updated(objective);
        return Versions.withETag(Response.created(URI.create(PATH + "/" + objective.id())), objective.version())
                .entity(ObjectiveView.of(objective))
                .build();
    }

    @POST
    @Path("/{id}/key-results/{keyResultId}/measurements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "recordMeasurement", summary = "Record a measurement of a key result",
            description = "Appends a measurement; the key result's current value becomes the value of the latest "
                    + "measuredAt (recording an older one keeps the current value). No If-Match (a measurement is a "
                    + "fact); send an Idempotency-Key to make retries safe. Publishes dev.tandem.key-result.measured.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RecordMeasurementRequest.class),
            examples = @ExampleObject(name = "january", value = """
                    {"value": 150, "measuredAt": "2027-01-31T00:00:00Z", "source": "analytics"}""")))
    @APIResponse(responseCode = "201", description = "The measurement, the key result and the objective's progress",
            headers = {@Header(name = "Location", description = "URL of the key result's measurements"),
                    @Header(name = "ETag", description = "The objective's new version")},
            content = @Content(schema = @Schema(implementation = RecordedMeasurementView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response recordMeasurement(@PathParam("id") UUID id, @PathParam("keyResultId") UUID keyResultId,
                                      @HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key")
                                      String idempotencyKey,
                                      @Valid @NotNull RecordMeasurementRequest request) {
        String path = PATH + "/" + id + "/key-results/" + keyResultId + "/measurements";
        return idempotency.execute(idempotencyKey, "POST " + path, request, () -> {
            Objective objective = find(id);
            Measurement m = objective.measure(keyResultId, request.value(), request.measuredAt(), request.source(),
                    Now.instant());
            m.persist();
            Objective.flush();
            KeyResult kr = objective.keyResult(keyResultId);
            events.measured(objective, kr, m);
            var body = new RecordedMeasurementView(MeasurementView.of(m), KeyResultView.of(kr), objective.progress(),
                    objective.version());
            return Versions.withETag(Response.created(URI.create(path)), objective.version()).entity(body).build();
        });
    }

    @GET
    @Path("/{id}/key-results/{keyResultId}/measurements")
    @Operation(operationId = "listMeasurements", summary = "List a key result's measurements over time",
            description = "Oldest measuredAt first, cursor-paginated: follow nextCursor (or the Link header).")
    @APIResponse(responseCode = "200", description = "One page of measurements",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = MeasurementPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response listMeasurements(@PathParam("id") UUID id, @PathParam("keyResultId") UUID keyResultId,
                                     @BeanParam PageParams params, @Context UriInfo uri) {
        find(id).keyResult(keyResultId);
        PageRequest page = params.toPageRequest();
        List<Measurement> rows = Measurement.page(keyResultId, page.after(), page.fetchSize());
        Page<MeasurementView> result = Page.of(rows, page, MeasurementView::of, Measurement::cursor);
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "MeasurementPage")
    record MeasurementPage(List<MeasurementView> items, String nextCursor) {
    }

    private static final String HISTORY_EXAMPLE = """
            {"items": [
              {"at": "2026-11-23T08:02:11.204518Z",
               "actor": {"subject": "u-7f3a", "kind": "PERSON", "name": "Ana Lima"},
               "eventType": "dev.tandem.key-result.measured.v1",
               "changes": {"progress": {"from": 25.00, "to": 37.50}}},
              {"at": "2026-11-22T09:15:00.118204Z",
               "actor": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "crm-sync"},
               "eventType": "dev.tandem.objective.created.v1",
               "changes": {"productId": {"from": null, "to": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50"},
                           "title": {"from": null, "to": "Teams adopt Tandem weekly"}, "period": {"from": null, "to": "2027-Q1"}}}],
             "nextCursor": "WzQxXQ"}""";

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getObjectiveHistory", summary = "A objective's history: who changed what, newest first",
            description = "One entry per change of the objective (created, edited, key results added, measurements recorded): when (at), who (actor: the caller the gateway "
                    + "authenticated, or product-service itself for a change made on another service's event), the event it "
                    + "published (eventType) and each field of the objective's view that changed, from → to (on creation "
                    + "every field set, from null). Kept for as long as the objective exists, independently of the event "
                    + "retention. Cursor-paginated; needs products:read.")
    @APIResponse(responseCode = "200", description = "One page of the objective's changes, newest first",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        return PageLinks.ok(history.page(EventType.OBJECTIVE_CREATED.aggregateType(), id, page), page, uri);
    }

    private static Objective find(UUID id) {
        Objective objective = Objective.findById(id);
        if (objective == null) {
            throw ProblemException.notFound("objective", id);
        }
        return objective;
    }
}
