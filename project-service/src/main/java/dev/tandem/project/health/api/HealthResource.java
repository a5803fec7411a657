package dev.tandem.project.health.api;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.project.project.Project;
import dev.tandem.project.schedule.Schedules;
import dev.tandem.project.tracking.ProjectTracking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{projectId}/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule and health", description = "Computed views of a project: critical path, earned value, health, burndown.")
public class HealthResource {

    @Inject
    ProjectTracking tracking;

    @Inject
    Schedules schedules;

    @GET
    @Operation(operationId = "getProjectHealth", summary = "Earned value and health of a project",
            description = "BAC, PV, EV, AC, CPI, SPI, EAC, CV, SV, forecast finish and health GREEN/AMBER/RED with "
                    + "every reason: CPI or SPI under tandem.health.cpi-amber/spi-amber (0.95) AMBER, under "
                    + "cpi-red/spi-red (0.85) RED; each overdue milestone AMBER; each BLOCKED task on the critical "
                    + "path AMBER; actual cost above the baseline budget RED. Only approved projects have a health; "
                    + "before approval the answer has health null and no figures.")
    @APIResponse(responseCode = "200", description = "The figures as of today",
            content = @Content(schema = @Schema(implementation = HealthView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public HealthView health(@PathParam("projectId") UUID projectId) {
        Project project = Project.require(projectId);
        Project.Baseline b = project.baseline();
        return HealthView.of(projectId, schedules.today(), tracking.report(project),
                b == null ? null : b.plannedEnd());
    }
}
