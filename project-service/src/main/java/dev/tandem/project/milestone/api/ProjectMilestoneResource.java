package dev.tandem.project.milestone.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.platform.idempotency.Idempotency;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.web.Versions;
import dev.tandem.project.milestone.Milestone;
import dev.tandem.project.milestone.MilestoneEvents;
import dev.tandem.project.project.Project;
import dev.tandem.project.tracking.ProjectTracking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A project's milestones: create and list. The milestones themselves are at /api/v1/milestones/{id}. */
@Path("/api/v1/projects/{projectId}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "Milestones of a project: named due dates, reached once.")
public class ProjectMilestoneResource {

    @Inject
    Idempotency idempotency;

    @Inject
    ProjectTracking tracking;

    @Inject
    MilestoneEvents events;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createMilestone", summary = "Add a milestone to a project",
            description = "The project must exist (404) and not be COMPLETED or CANCELLED (409). Publishes "
                    + "dev.tandem.milestone.created.v1 and recomputes the project's health. Send an "
                    + "Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateMilestoneRequest.class),
            examples = @ExampleObject(name = "beta", value = """
                    {"name": "Beta release", "dueDate": "2027-03-31"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@PathParam("projectId") UUID projectId,
                           @HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateMilestoneRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/projects/" + projectId + "/milestones", request, () -> {
            Project project = project(projectId);
            project.requirePlanOpen();
            Milestone milestone = Milestone.create(projectId, request.name(), request.dueDate());
            milestone.persistAndFlush();
            tracking.afterChange(project, () -> events.created(milestone, project));
            return Versions.withETag(Response.created(URI.create(MilestoneResource.PATH + "/" + milestone.id())),
                    milestone.version()).entity(MilestoneView.of(milestone, clock)).build();
        });
    }

    @GET
    @Operation(operationId = "listMilestones", summary = "List a project's milestones",
            description = "By due date, then id; cursor-paginated: follow nextCursor (or the Link header).")
    @APIResponse(responseCode = "200", description = "One page of milestones",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(schema = @Schema(implementation = MilestonePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("projectId") UUID projectId, @BeanParam PageParams params, @Context UriInfo uri) {
        project(projectId);
        PageRequest page = params.toPageRequest();
        LocalDate afterDue = null;
        UUID afterId = null;
        if (page.after() != null) {
            try {
                afterDue = LocalDate.parse(page.after().string(0));
            } catch (DateTimeParseException e) {
                throw Cursor.invalid();
            }
            afterId = page.after().uuid(1);
        }
        List<Milestone> rows = Milestone.page(projectId, afterDue, afterId, page.fetchSize());
        Page<MilestoneView> result = Page.of(rows, page, m -> MilestoneView.of(m, clock),
                m -> Cursor.of(m.dueDate().toString(), m.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "MilestonePage")
    record MilestonePage(List<MilestoneView> items, String nextCursor) {
    }

    private static Project project(UUID id) {
        Project project = Project.findById(id);
        if (project == null) {
            throw ProblemException.notFound("project", id);
        }
        return project;
    }
}
