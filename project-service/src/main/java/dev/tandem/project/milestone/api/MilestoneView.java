package dev.tandem.project.milestone.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import dev.tandem.project.milestone.Milestone;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A milestone as the API shows it. */
@Schema(name = "Milestone")
public record MilestoneView(
        @Schema(example = "3f6b2a10-8c4d-4e7f-a1b2-c3d4e5f60718") UUID id,
        @Schema(example = "9b2d4f60-1a3c-4e5f-8a7b-6c5d4e3f2a10") UUID projectId,
        @Schema(example = "Beta release") String name,
        @Schema(example = "2027-03-31") LocalDate dueDate,
        @Schema(description = "When it was reached; null while not reached.") Instant reachedAt,
        @Schema(description = "Due before today (UTC) and not reached.") boolean overdue,
        @Schema(description = "Reached on a UTC date after the due date.") boolean late,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated, or project-service itself. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or project-service itself for a change made on another service's event or on a schedule.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    static MilestoneView of(Milestone m, Clock clock) {
        return new MilestoneView(m.id(), m.projectId(), m.name(), m.dueDate(), m.reachedAt(),
                m.isOverdue(clock), m.isLate(), m.createdAt(), m.updatedAt(), m.createdBy(), m.updatedBy(), m.version());
    }
}
