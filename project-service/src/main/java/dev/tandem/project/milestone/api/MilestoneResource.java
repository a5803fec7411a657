package dev.tandem.project.milestone.api;

import java.time.Clock;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

@Path(MilestoneResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "Milestones of a project: named due dates, reached once.")
public class MilestoneResource {

    static final String PATH = "/api/v1/milestones";

    @Inject
    MilestoneEvents events;

    @Inject
    ProjectTracking tracking;

    @Inject
    Clock clock;

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMilestone", summary = "Get a milestone",
            description = "The milestone with its due date, when it was reached (if it was), and whether it is overdue (past due, not reached) or was reached late. The ETag is its version.")
    @APIResponse(responseCode = "200", description = "The milestone (with overdue and late)",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        Milestone milestone = find(id);
        return Versions.ok(MilestoneView.of(milestone, clock), milestone.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateMilestone", summary = "Update a milestone",
            description = "Changes the fields sent (absent or null fields stay as they are); requires If-Match with the "
                    + "current ETag. Publishes dev.tandem.milestone.updated.v1 when something changed and recomputes the project's health (an overdue milestone counts against it).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateMilestoneRequest.class),
            examples = @ExampleObject(name = "postpone", value = """
                    {"dueDate": "2027-04-15"}""")))
    @APIResponse(responseCode = "200", description = "The updated milestone",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam(Versions.IF_MATCH) @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull UpdateMilestoneRequest request) {
        Milestone milestone = find(id);
        Versions.requireIfMatch(ifMatch, milestone.version());
        Project project = Project.findById(milestone.projectId());
        project.requirePlanOpen();
        if (milestone.update(request.name(), request.dueDate())) {
            Milestone.flush();
            tracking.afterChange(project, () -> events.updated(milestone, project));
        }
        return Versions.ok(MilestoneView.of(milestone, clock), milestone.version());
    }

    @POST
    @Path("/{id}/reached")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "reachMilestone", summary = "Mark a milestone reached",
            description = "Sets reachedAt once (default now; not in the future → 400; a second time → 409); requires "
                    + "If-Match. Publishes dev.tandem.milestone.reached.v1 with late = reached after the due date.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReachMilestoneRequest.class),
            examples = {@ExampleObject(name = "now", value = "{}"),
                    @ExampleObject(name = "at", value = """
                            {"reachedAt": "2027-03-30T16:00:00Z"}""")}))
    @APIResponse(responseCode = "200", description = "The reached milestone",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response reach(@PathParam("id") UUID id,
                          @HeaderParam(Versions.IF_MATCH) @Parameter(ref = "If-Match") String ifMatch,
                          @Valid @NotNull ReachMilestoneRequest request) {
        Milestone milestone = find(id);
        Versions.requireIfMatch(ifMatch, milestone.version());
        Project project = Project.findById(milestone.projectId());
        project.requirePlanOpen();
        milestone.reach(request.reachedAt(), clock);
        Milestone.flush();
        tracking.afterChange(project, () -> events.reached(milestone, project));
        return Versions.ok(MilestoneView.of(milestone, clock), milestone.version());
    }

    private static Milestone find(UUID id) {
        Milestone milestone = Milestone.findById(id);
        if (milestone == null) {
            throw ProblemException.notFound("milestone", id);
        }
        return milestone;
    }
}
