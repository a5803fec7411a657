package dev.tandem.project.cost.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
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
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.project.cost.CostEvents;
import dev.tandem.project.cost.CostRules;
import dev.tandem.project.cost.Member;
import dev.tandem.project.cost.TimeEntry;
import dev.tandem.project.project.Project;
import dev.tandem.project.task.Task;
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

@Path("/api/v1/projects/{projectId}/time-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People and cost", description = "Members with allocation and cost rate, time and expense entries, over-allocation across projects.")
public class TimeEntryResource {

    @Inject
    Idempotency idempotency;

    @Inject
    ProjectTracking tracking;

    @Inject
    Clock clock;

    @Inject
    CostEvents events;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "recordTime", summary = "Record time worked on a task",
            description = "personId must be a member (422), taskId a task of this project (422), date not in the "
                    + "future (422), hours > 0 and ≤ 24. cost = hours × the member's hourly rate, rounded half up to "
                    + "cents. Entries are immutable. Publishes dev.tandem.time.recorded.v1, adds to the actual cost and recomputes the project's health "
                    + "(project.budget-exceeded once the budget is passed). Send an Idempotency-Key.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EntryRequests.RecordTime.class),
            examples = @ExampleObject(name = "a day's work", value = """
                    {"personId": "ana.dev@example.com", "taskId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     "date": "2027-01-05", "hours": 6.5, "note": "Button and API call"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = EntryViews.TimeEntryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response record(@PathParam("projectId") UUID projectId,
                           @HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull EntryRequests.RecordTime request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/projects/" + projectId + "/time-entries", request,
                () -> {
                    Project project = Project.require(projectId);
                    project.requirePlanOpen();
                    Member member = Member.of(projectId, request.personId());
                    if (member == null) {
                        throw ProblemException.unprocessable(request.personId() + " is not a member of this project",
                                new Problem.FieldError("personId", "is not a member of this project"));
                    }
                    Task task = Task.findById(request.taskId());
                    if (task == null || !task.projectId().equals(projectId)) {
                        throw ProblemException.unprocessable("task " + request.taskId() + " is not a task of this project",
                                new Problem.FieldError("taskId", "names no task of this project"));
                    }
                    if (request.date().isAfter(LocalDate.now(clock))) {
                        throw ProblemException.unprocessable("time cannot be recorded for a future day",
                                new Problem.FieldError("date", "must not be in the future"));
                    }
                    CostRules.requireProjectCurrency(project, member.hourlyRate(), "personId");
                    TimeEntry entry = TimeEntry.record(member, task.id(), request.date(), request.hours(),
                            request.note());
                    tracking.recordCost(project, entry, () -> events.timeRecorded(entry));
                    return Response.created(URI.create("/api/v1/projects/" + projectId + "/time-entries/" + entry.id()))
                            .entity(EntryViews.TimeEntryView.of(entry)).build();
                });
    }

    @GET
    @Operation(operationId = "listTimeEntries", summary = "List a project's time entries",
            description = "In the order recorded; cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of time entries",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(schema = @Schema(implementation = EntryViews.TimeEntryPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("projectId") UUID projectId, @BeanParam PageParams params, @Context UriInfo uri) {
        Project.require(projectId);
        PageRequest page = params.toPageRequest();
        List<TimeEntry> rows = page.after() == null ? TimeEntry.page(projectId, null, null, page.fetchSize())
                : TimeEntry.page(projectId, page.after().instant(0), page.after().uuid(1), page.fetchSize());
        Page<EntryViews.TimeEntryView> result = Page.of(rows, page, EntryViews.TimeEntryView::of,
                e -> Cursor.of(e.createdAt(), e.id()));
        return PageLinks.ok(result, page, uri);
    }

    @GET
    @Path("/{entryId}")
    @Operation(operationId = "getTimeEntry", summary = "Get a time entry",
            description = "A recorded time entry: person, task, date, hours and its cost at the member's rate when it was recorded. Entries are immutable.")
    @APIResponse(responseCode = "200", description = "The time entry",
            content = @Content(schema = @Schema(implementation = EntryViews.TimeEntryView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EntryViews.TimeEntryView get(@PathParam("projectId") UUID projectId, @PathParam("entryId") UUID entryId) {
        Project.require(projectId);
        TimeEntry entry = TimeEntry.findById(entryId);
        if (entry == null || !entry.projectId().equals(projectId)) {
            throw dev.tandem.platform.problem.ProblemException.notFound("time entry", entryId);
        }
        return EntryViews.TimeEntryView.of(entry);
    }
}
