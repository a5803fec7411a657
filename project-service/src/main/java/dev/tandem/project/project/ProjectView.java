package dev.tandem.project.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.money.Money;
import dev.tandem.project.health.Health;
import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project as the API shows it. */
@Schema(name = "Project")
public record ProjectView(
        @Schema(example = "3f2b9c1d-6e7a-4b8c-9d0e-1f2a3b4c5d6e") UUID id,
        @Schema(example = "REORDER") String key,
        @Schema(example = "One-click reorder") String name,
        @Schema(example = "7a1c0e52-4b8d-4f3a-9c61-2d5e8f9a0b1c") UUID programId,
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID productId,
        @Schema(example = "[\"5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6\"]") List<UUID> featureIds,
        @Schema(example = "ben.pjm@example.com") String manager,
        @Schema(example = "Reorder a previous basket in one click.") String scope,
        Money budget,
        @Schema(example = "2027-01-04") LocalDate plannedStart,
        @Schema(example = "2027-03-26") LocalDate plannedEnd,
        @Schema(example = "PROPOSED") ProjectStatus status,
        @Schema(description = "The reason given with the last status change, if any") String statusReason,
        @Schema(description = "The statuses this project may move to next", example = "[\"APPROVED\", \"CANCELLED\"]")
        List<ProjectStatus> allowedStatuses,
        @Schema(description = "Effort carried over from the committed feature it was proposed for, in person-months", example = "2.5")
        BigDecimal initialEstimatePersonMonths,
        @Schema(description = "The feature this project was proposed for (feature.committed), if it was")
        UUID proposedForFeatureId,
        @Schema(description = "Budget, planned dates and task estimates captured at approval; absent before approval")
        BaselineView baseline,
        @Schema(description = "Health computed from earned value, milestones, blocked critical tasks and spend "
                + "(GET /api/v1/projects/{id}/health says why); null before approval", example = "GREEN")
        Health health,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated, or project-service itself. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or project-service itself for a change made on another service's event or on a schedule.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    @Schema(name = "ProjectBaseline")
    public record BaselineView(Money budget, LocalDate plannedStart, LocalDate plannedEnd, Instant takenAt,
                               @Schema(description = "Σ of the task estimates at approval, in hours", example = "320.00")
                               BigDecimal estimateHours) {
    }

    public static ProjectView of(Project p) {
        Project.Baseline b = p.baseline();
        return new ProjectView(p.id(), p.key(), p.name(), p.programId(), p.productId(), p.featureIds(), p.manager(),
                p.scope(), p.budget(), p.plannedStart(), p.plannedEnd(), p.status(), p.statusReason(),
                List.copyOf(p.status().allowedNext()), p.initialEstimatePersonMonths(), p.proposedForFeatureId(),
                b == null ? null : new BaselineView(b.budget(), b.plannedStart(), b.plannedEnd(), b.takenAt(),
                        b.estimateHours()),
                p.health(), p.createdAt(), p.updatedAt(), p.createdBy(), p.updatedBy(), p.version());
    }
}
