package dev.tandem.project.schedule.api;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.project.project.Project;
import dev.tandem.project.schedule.Schedules;
import dev.tandem.project.task.Task;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{projectId}/schedule")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule and health", description = "Computed views of a project: critical path, earned value, health, burndown.")
public class ScheduleResource {

    @Inject
    Schedules schedules;

    @GET
    @Operation(operationId = "getSchedule", summary = "A project's schedule and critical path",
            description = "Forward and backward pass over the task dependencies: earliest and latest start and finish "
                    + "and slack per task, in hours from the start and as working days (Mon–Fri, "
                    + "tandem.schedule.hours-per-day hours each, default 8). Before the project is started tasks last "
                    + "their estimate and the schedule starts at the planned start (today without one); once started "
                    + "they last their remaining hours and it starts today, so forecastFinish is the forecast.")
    @APIResponse(responseCode = "200", description = "The schedule",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ScheduleView get(@PathParam("projectId") UUID projectId) {
        Project project = Project.require(projectId);
        return ScheduleView.of(projectId, project.isStarted(), schedules.of(project, Task.ofProject(projectId)));
    }
}
