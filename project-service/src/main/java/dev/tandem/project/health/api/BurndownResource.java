package dev.tandem.project.health.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.project.health.EarnedValue;
import dev.tandem.project.project.Project;
import dev.tandem.project.schedule.Schedules;
import dev.tandem.project.task.RemainingHoursDay;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{projectId}/burndown")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule and health", description = "Computed views of a project: critical path, earned value, health, burndown.")
public class BurndownResource {

    /** At most this many days of burndown (the most recent ones). */
    static final int MAX_DAYS = 731;

    @Inject
    Schedules schedules;

    @GET
    @Operation(operationId = "getBurndown", summary = "Remaining hours per day since the baseline",
            description = "One entry per day from the day the project was approved to today (at most the last "
                    + MAX_DAYS + " days): the remaining hours of its tasks at the end of that day, recorded on every "
                    + "task change, and the ideal straight line from the baseline estimate to 0 over the baseline's "
                    + "planned dates. Empty before approval.")
    @APIResponse(responseCode = "200", description = "The burndown",
            content = @Content(schema = @Schema(implementation = BurndownView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BurndownView burndown(@PathParam("projectId") UUID projectId) {
        Project project = Project.require(projectId);
        Project.Baseline b = project.baseline();
        if (b == null) {
            return new BurndownView(projectId, null, List.of());
        }
        List<RemainingHoursDay> snapshots = RemainingHoursDay.ofProject(projectId);
        LocalDate from = LocalDate.ofInstant(b.takenAt(), ZoneOffset.UTC);
        if (!snapshots.isEmpty() && snapshots.get(0).day().isBefore(from)) {
            from = snapshots.get(0).day();
        }
        LocalDate today = schedules.today();
        if (from.isBefore(today.minusDays(MAX_DAYS - 1))) {
            from = today.minusDays(MAX_DAYS - 1);
        }
        BigDecimal estimate = b.estimateHours() == null ? BigDecimal.ZERO : b.estimateHours();
        List<BurndownView.Day> days = new ArrayList<>();
        int next = 0;
        BigDecimal remaining = null;
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            while (next < snapshots.size() && !snapshots.get(next).day().isAfter(d)) {
                remaining = snapshots.get(next).remainingHours();
                next++;
            }
            BigDecimal ideal = estimate.multiply(BigDecimal.ONE.subtract(
                    EarnedValue.elapsedShare(b.plannedStart(), b.plannedEnd(), d))).setScale(2, RoundingMode.HALF_UP);
            days.add(new BurndownView.Day(d, remaining, ideal));
        }
        return new BurndownView(projectId, b.estimateHours(), days);
    }
}
