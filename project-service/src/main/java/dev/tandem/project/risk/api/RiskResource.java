package dev.tandem.project.risk.api;

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
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.web.Versions;
import dev.tandem.project.project.Project;
import dev.tandem.project.risk.Risk;
import dev.tandem.project.risk.RiskEvents;
import dev.tandem.project.risk.RiskStatus;
import dev.tandem.project.risk.RiskView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{projectId}/risks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risks", description = "Risks of a project: probability × impact = exposure, mitigation, owner, status.")
public class RiskResource {

    @Inject
    Idempotency idempotency;

    @Inject
    RiskEvents events;

    @Inject
    History history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createRisk", summary = "Add a risk to a project",
            description = "An OPEN risk; exposure = probability × impact. The project must exist (404) and not be "
                    + "COMPLETED or CANCELLED (409). Publishes dev.tandem.risk.created.v1. Send an Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RiskApi.CreateRisk.class),
            examples = @ExampleObject(name = "sandbox", value = """
                    {"title": "Payment provider sandbox not available in time", "probability": 3, "impact": 4,
                     "mitigation": "Mock the provider; escalate to the vendor manager.", "owner": "ben.pjm@example.com"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@PathParam("projectId") UUID projectId,
                           @HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull RiskApi.CreateRisk request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/projects/" + projectId + "/risks", request, () -> {
            Project.require(projectId).requirePlanOpen();
            Risk risk = Risk.create(projectId, request.title(), request.probability(), request.impact(),
                    request.mitigation(), request.owner());
            risk.persistAndFlush();
            events.created(risk);
            return Versions.withETag(Response.created(URI.create("/api/v1/projects/" + projectId + "/risks/"
                    + risk.id())), risk.version()).entity(RiskView.of(risk)).build();
        });
    }

    @GET
    @Operation(operationId = "listRisks", summary = "List a project's risks by exposure",
            description = "Highest exposure first, then oldest first; optionally of one status; cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of risks",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(schema = @Schema(implementation = RiskApi.RiskPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("projectId") UUID projectId, @BeanParam PageParams params,
                         @Parameter(description = "Only risks in this status") @QueryParam("status") RiskStatus status,
                         @Context UriInfo uri) {
        Project.require(projectId);
        PageRequest page = params.toPageRequest();
        List<Risk> rows;
        if (page.after() == null) {
            rows = Risk.page(projectId, status, null, null, null, page.fetchSize());
        } else {
            Cursor after = page.after();
            if (after.size() != 3) {
                throw Cursor.invalid();
            }
            int exposure;
            try {
                exposure = Integer.parseInt(after.string(0));
            } catch (NumberFormatException e) {
                throw Cursor.invalid();
            }
            rows = Risk.page(projectId, status, exposure, after.instant(1), after.uuid(2), page.fetchSize());
        }
        Page<RiskView> result = Page.of(rows, page, RiskView::of,
                r -> Cursor.of(Integer.toString(r.exposure()), r.createdAt(), r.id()));
        return PageLinks.ok(result, page, uri);
    }

    @GET
    @Path("/{riskId}")
    @Operation(operationId = "getRisk", summary = "Get a risk",
            description = "The risk with probability and impact (1-5), exposure (their product), mitigation, owner and status. The ETag is its version, needed in If-Match to update it.")
    @APIResponse(responseCode = "200", description = "The risk",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("projectId") UUID projectId, @PathParam("riskId") UUID riskId) {
        Risk risk = find(projectId, riskId);
        return Versions.ok(RiskView.of(risk), risk.version());
    }

    @PATCH
    @Path("/{riskId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateRisk", summary = "Update a risk",
            description = "Changes the fields sent, status included (OPEN ⇄ MITIGATED, either → CLOSED; a CLOSED risk "
                    + "cannot change: 409 naming the allowed moves); exposure follows. Requires If-Match. Publishes "
                    + "dev.tandem.risk.updated.v1 when something changed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RiskApi.UpdateRisk.class),
            examples = @ExampleObject(name = "mitigated", value = "{\"status\": \"MITIGATED\", \"probability\": 1}")))
    @APIResponse(responseCode = "200", description = "The updated risk",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("projectId") UUID projectId, @PathParam("riskId") UUID riskId,
                           @HeaderParam(Versions.IF_MATCH) @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull RiskApi.UpdateRisk request) {
        Risk risk = find(projectId, riskId);
        Versions.requireIfMatch(ifMatch, risk.version());
        Project.require(projectId).requirePlanOpen();
        if (risk.update(request.toChanges())) {
            Risk.flush();
            events.updated(risk);
        }
        return Versions.ok(RiskView.of(risk), risk.version());
    }

    private static final String HISTORY_EXAMPLE = """
            {"items": [
              {"at": "2027-01-12T14:20:05.310442Z",
               "actor": {"subject": "u-41b2", "kind": "PERSON", "name": "Ben Okafor"},
               "eventType": "dev.tandem.risk.updated.v1",
               "changes": {"status": {"from": "OPEN", "to": "MITIGATED"}, "probability": {"from": 3, "to": 2}}},
              {"at": "2027-01-04T09:00:00.120551Z",
               "actor": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "ppm-sync"},
               "eventType": "dev.tandem.risk.created.v1",
               "changes": {"title": {"from": null, "to": "Payment provider sandbox not available in time"},
                           "probability": {"from": null, "to": 3}, "impact": {"from": null, "to": 4}}}],
             "nextCursor": "WzQxXQ"}""";

    @GET
    @Path("/{riskId}/history")
    @Operation(operationId = "getRiskHistory", summary = "A risk's history: who changed what, newest first",
            description = "One entry per change of the risk (created, edited, status moves): when (at), who (actor: the caller the gateway "
                    + "authenticated, or project-service itself for a change made on another service's event or "
                    + "on a schedule), the event it published (eventType) and each field of the risk's view that "
                    + "changed, from → to (on creation every field set, from null). Kept for as long as the risk "
                    + "exists, independently of the event retention. Cursor-paginated; needs projects:read.")
    @APIResponse(responseCode = "200", description = "One page of the risk's changes, newest first",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response history(@PathParam("projectId") UUID projectId, @PathParam("riskId") UUID riskId, @BeanParam PageParams params,
                            @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(projectId, riskId);
        return PageLinks.ok(history.page(EventType.RISK_CREATED.aggregateType(), riskId, page), page, uri);
    }

    private static Risk find(UUID projectId, UUID riskId) {
        Project.require(projectId);
        Risk risk = Risk.findById(riskId);
        if (risk == null || !risk.projectId().equals(projectId)) {
            throw ProblemException.notFound("risk", riskId);
        }
        return risk;
    }
}
