package dev.tandem.project.task.api;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.events.EventType;
import dev.tandem.platform.history.History;
import dev.tandem.platform.history.HistoryPage;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.web.Versions;
import dev.tandem.project.project.Project;
import dev.tandem.project.task.Task;
import dev.tandem.project.task.TaskBaseline;
import dev.tandem.project.task.TaskEvents;
import dev.tandem.project.task.TaskRules;
import dev.tandem.project.task.TaskStatus;
import dev.tandem.project.task.TaskView;
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

@Path(TaskResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Tasks of a project: estimates, remaining hours, status (TODO → IN_PROGRESS → DONE, BLOCKED with a reason) and dependencies forming a DAG.")
public class TaskResource {

    static final String PATH = "/api/v1/tasks";

    @Inject
    ProjectTracking tracking;

    @Inject
    TaskEvents events;

    @Inject
    History history;

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTask", summary = "Get a task",
            description = "The task with its estimate and remaining hours, status (with the block reason when BLOCKED), assignee, planned dates, milestone and the tasks it depends on. The ETag is its version, needed in If-Match to change it.")
    @APIResponse(responseCode = "200", description = "The task",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        Task task = find(id);
        return Versions.ok(view(task), task.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateTask", summary = "Update a task",
            description = "Changes the fields sent (absent or null fields stay as they are; dependsOn replaces the "
                    + "list); requires If-Match. A dependency on a task of another project, or one that would make a "
                    + "cycle, is a 422 naming it (the cycle as task ids in order). A DONE task keeps 0 remaining "
                    + "hours (409). Publishes dev.tandem.task.updated.v1 when something changed and recomputes the project's health.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateTaskRequest.class),
            examples = {@ExampleObject(name = "progress", value = "{\"remainingHours\": 6.5}"),
                    @ExampleObject(name = "dependencies", value = """
                            {"dependsOn": ["c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"]}""")}))
    @APIResponse(responseCode = "200", description = "The updated task",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", description = "Milestone or dependency of another project, a dependency cycle, or plannedEnd before plannedStart",
            ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam(Versions.IF_MATCH) @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull UpdateTaskRequest request) {
        Task task = find(id);
        Versions.requireIfMatch(ifMatch, task.version());
        Project project = Project.require(task.projectId());
        project.requirePlanOpen();
        TaskRules.requireMilestoneOf(task.projectId(), request.milestoneId());
        TaskRules.requireDependencies(task.id(), request.dependsOn(), Task.ofProject(task.projectId()));
        if (task.update(request.toChanges())) {
            Task.flush();
            tracking.afterChange(project, () -> events.updated(task));
        }
        return Versions.ok(view(task), task.version());
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "changeTaskStatus", summary = "Change a task's status",
            description = "TODO → IN_PROGRESS → DONE; BLOCKED (with a reason) from TODO or IN_PROGRESS and back to "
                    + "TODO or IN_PROGRESS; DONE is final and sets remainingHours to 0. Starting a task whose "
                    + "dependencies are not all DONE is a 409 naming them. Requires If-Match. Recomputes the "
                    + "project's health. Publishes dev.tandem.task.status-changed.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeTaskStatusRequest.class),
            examples = {@ExampleObject(name = "start", value = "{\"status\": \"IN_PROGRESS\"}"),
                    @ExampleObject(name = "block", value = """
                            {"status": "BLOCKED", "reason": "Waiting for the payments API sandbox."}""")}))
    @APIResponse(responseCode = "200", description = "The task in its new status",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status (the detail names the allowed ones), or dependencies not DONE (named)",
            ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", description = "BLOCKED without a reason", ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response changeStatus(@PathParam("id") UUID id,
                                 @HeaderParam(Versions.IF_MATCH) @Parameter(ref = "If-Match") String ifMatch,
                                 @Valid @NotNull ChangeTaskStatusRequest request) {
        Task task = find(id);
        Versions.requireIfMatch(ifMatch, task.version());
        Project project = Project.require(task.projectId());
        project.requirePlanOpen();
        TaskStatus from = task.changeStatus(request.status(), request.reason(), TaskRules.openDependencies(task));
        Task.flush();
        tracking.afterChange(project, () -> events.statusChanged(task, from, task.blockedReason()));
        return Versions.ok(view(task), task.version());
    }

    private static final String HISTORY_EXAMPLE = """
            {"items": [
              {"at": "2027-01-12T14:20:05.310442Z",
               "actor": {"subject": "u-41b2", "kind": "PERSON", "name": "Ben Okafor"},
               "eventType": "dev.tandem.task.status-changed.v1",
               "changes": {"status": {"from": "IN_PROGRESS", "to": "DONE"},
                           "remainingHours": {"from": 6.50, "to": 0.00}}},
              {"at": "2027-01-04T09:00:00.120551Z",
               "actor": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "ppm-sync"},
               "eventType": "dev.tandem.task.created.v1",
               "changes": {"title": {"from": null, "to": "Reorder button on the order history page"},
                           "estimateHours": {"from": null, "to": 16.00}, "status": {"from": null, "to": "TODO"}}}],
             "nextCursor": "WzQxXQ"}""";

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getTaskHistory", summary = "A task's history: who changed what, newest first",
            description = "One entry per change of the task (created, edited, status moves): when (at), who (actor: the caller the gateway "
                    + "authenticated, or project-service itself for a change made on another service's event or "
                    + "on a schedule), the event it published (eventType) and each field of the task's view that "
                    + "changed, from → to (on creation every field set, from null). Kept for as long as the task "
                    + "exists, independently of the event retention. Cursor-paginated; needs projects:read.")
    @APIResponse(responseCode = "200", description = "One page of the task's changes, newest first",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams params,
                            @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        return PageLinks.ok(history.page(EventType.TASK_CREATED.aggregateType(), id, page), page, uri);
    }

    private static TaskView view(Task task) {
        return TaskView.of(task, TaskBaseline.estimateOf(task.projectId(), task.id()));
    }

    private static Task find(UUID id) {
        Task task = Task.findById(id);
        if (task == null) {
            throw ProblemException.notFound("task", id);
        }
        return task;
    }
}
