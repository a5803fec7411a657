package dev.tandem.project.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as the API shows it. */
@Schema(name = "Task")
public record TaskView(
        @Schema(example = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f") UUID id,
        @Schema(example = "9b2d4f60-1a3c-4e5f-8a7b-6c5d4e3f2a10") UUID projectId,
        @Schema(example = "Reorder button on the order history page") String title,
        @Schema(example = "16.00") BigDecimal estimateHours,
        @Schema(example = "6.50") BigDecimal remainingHours,
        @Schema(description = "The estimate captured when the project was approved; null if the task was added later "
                + "or the project is not approved yet.", example = "16.00") BigDecimal baselineEstimateHours,
        @Schema(example = "ana.dev@example.com") String assignee,
        @Schema(example = "IN_PROGRESS") TaskStatus status,
        @Schema(description = "Why it is BLOCKED; null otherwise.") String blockedReason,
        @Schema(description = "The statuses this task may move to next", example = "[\"BLOCKED\", \"DONE\"]")
        List<TaskStatus> allowedStatuses,
        @Schema(example = "2027-01-04") LocalDate plannedStart,
        @Schema(example = "2027-01-06") LocalDate plannedEnd,
        UUID milestoneId,
        @Schema(description = "Tasks of the same project that must be DONE before this one starts")
        List<UUID> dependsOn,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated, or project-service itself. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or project-service itself for a change made on another service's event or on a schedule.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    public static TaskView of(Task t, BigDecimal baselineEstimateHours) {
        return new TaskView(t.id(), t.projectId(), t.title(), t.estimateHours(), t.remainingHours(),
                baselineEstimateHours, t.assignee(), t.status(), t.blockedReason(), List.copyOf(t.status().allowedNext()),
                t.plannedStart(), t.plannedEnd(), t.milestoneId(), t.dependsOn(), t.createdAt(), t.updatedAt(),
                t.createdBy(), t.updatedBy(), t.version());
    }
}
