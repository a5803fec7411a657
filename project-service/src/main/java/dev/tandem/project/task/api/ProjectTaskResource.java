package dev.tandem.project.task.api;

import java.net.URI;
import java.util.ArrayList;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** A project's tasks: create and list. The tasks themselves are at /api/v1/tasks/{id}. */
@Path("/api/v1/projects/{projectId}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Tasks of a project: estimates, remaining hours, status (TODO → IN_PROGRESS → DONE, BLOCKED with a reason) and dependencies forming a DAG.")
public class ProjectTaskResource {

    @Inject
    Idempotency idempotency;

    @Inject
    ProjectTracking tracking;

    @Inject
    TaskEvents events;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createTask", summary = "Add a task to a project",
            description = "A TODO task; remainingHours defaults to estimateHours. milestoneId and dependsOn must name "
                    + "a milestone and tasks of the same project (422). The project must exist (404) and not be "
                    + "COMPLETED or CANCELLED (409). Publishes dev.tandem.task.created.v1 and recomputes the project's health. Send an Idempotency-Key to make "
                    + "retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateTaskRequest.class),
            examples = @ExampleObject(name = "button", value = """
                    {"title": "Reorder button on the order history page", "estimateHours": 16,
                     "assignee": "ana.dev@example.com", "plannedStart": "2027-01-04", "plannedEnd": "2027-01-06",
                     "dependsOn": ["c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"]}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", description = "Milestone or dependency of another project, or plannedEnd before plannedStart",
            ref = "Unprocessable")
    public Response create(@PathParam("projectId") UUID projectId,
                           @HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateTaskRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/projects/" + projectId + "/tasks", request, () -> {
            Project project = Project.require(projectId);
            project.requirePlanOpen();
            TaskRules.requireMilestoneOf(projectId, request.milestoneId());
            Task task = Task.create(projectId, request.title(), request.estimateHours(), request.remainingHours(),
                    request.assignee(), request.plannedStart(), request.plannedEnd(), request.milestoneId(),
                    request.dependsOn());
            TaskRules.requireDependencies(task.id(), task.dependsOn(), Task.ofProject(projectId));
            task.persist();
            tracking.afterChange(project, () -> events.created(task));
            return Versions.withETag(Response.created(URI.create(TaskResource.PATH + "/" + task.id())),
                    task.version()).entity(TaskView.of(task, null)).build();
        });
    }

    @GET
    @Operation(operationId = "listTasks", summary = "List a project's tasks",
            description = "Oldest first (createdAt, then id), optionally of one status; cursor-paginated: follow "
                    + "nextCursor (or the Link header).")
    @APIResponse(responseCode = "200", description = "One page of tasks",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(schema = @Schema(implementation = TaskPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("projectId") UUID projectId, @BeanParam PageParams params,
                         @Parameter(description = "Only tasks in this status") @QueryParam("status") TaskStatus status,
                         @Context UriInfo uri) {
        Project.require(projectId);
        PageRequest page = params.toPageRequest();
        List<Task> rows = page.after() == null ? Task.page(projectId, status, null, null, page.fetchSize())
                : Task.page(projectId, status, page.after().instant(0), page.after().uuid(1), page.fetchSize());
        Map<UUID, java.math.BigDecimal> baseline = TaskBaseline.ofProject(projectId);
        Page<TaskView> result = Page.of(new ArrayList<>(rows), page, t -> TaskView.of(t, baseline.get(t.id())),
                t -> Cursor.of(t.createdAt(), t.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "TaskPage")
    record TaskPage(List<TaskView> items, String nextCursor) {
    }
}
