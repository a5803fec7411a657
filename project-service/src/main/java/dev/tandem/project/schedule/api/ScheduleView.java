package dev.tandem.project.schedule.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.project.schedule.CriticalPath;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project's schedule as the API shows it. */
@Schema(name = "Schedule", description = "Critical path, earliest/latest start and finish and slack per task, forecast finish.")
public record ScheduleView(
        UUID projectId,
        @Schema(description = "estimate before the project is started (tasks last their estimate, from the planned "
                + "start); remaining once started (tasks last their remaining hours, from today)", example = "estimate")
        String basis,
        @Schema(description = "The first working day of the schedule", example = "2027-01-04") LocalDate startDate,
        @Schema(description = "tandem.schedule.hours-per-day", example = "8") BigDecimal hoursPerDay,
        @Schema(description = "Length of the critical path in hours", example = "40.00") BigDecimal durationHours,
        @Schema(description = "One chain of critical tasks, first to last") List<UUID> criticalPath,
        @Schema(description = "The working day on which the last hour of work falls; null without tasks",
                example = "2027-01-08") LocalDate forecastFinish,
        List<TaskTiming> tasks) {

    @Schema(name = "TaskTiming", description = "Hours are counted from the schedule's start; dates are working days (Mon–Fri).")
    public record TaskTiming(UUID taskId, String title,
                             @Schema(example = "16.00") BigDecimal durationHours,
                             @Schema(example = "0.00") BigDecimal earliestStartHours,
                             @Schema(example = "16.00") BigDecimal earliestFinishHours,
                             @Schema(example = "8.00") BigDecimal latestStartHours,
                             @Schema(example = "24.00") BigDecimal latestFinishHours,
                             @Schema(description = "Latest minus earliest start, in hours", example = "8.00") BigDecimal slackHours,
                             @Schema(description = "Slack in working days (hours / hours-per-day)", example = "1.00") BigDecimal slackDays,
                             @Schema(description = "No slack: a delay delays the project") boolean critical,
                             LocalDate earliestStart, LocalDate earliestFinish, LocalDate latestStart,
                             LocalDate latestFinish) {
    }

    static ScheduleView of(UUID projectId, boolean started, CriticalPath.Result r) {
        return new ScheduleView(projectId, started ? "remaining" : "estimate", r.anchor(), r.hoursPerDay(),
                r.durationHours(), r.criticalPath(), r.finishDate(), r.tasks().stream()
                .map(t -> new TaskTiming(t.id(), t.title(), t.durationHours(), t.earliestStart(), t.earliestFinish(),
                        t.latestStart(), t.latestFinish(), t.slack(), t.slackDays(), t.critical(),
                        t.earliestStartDate(), t.earliestFinishDate(), t.latestStartDate(), t.latestFinishDate()))
                .toList());
    }
}
