package dev.tandem.project.risk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A risk as the API shows it, and as its history records it (the fields that changed). */
@Schema(name = "Risk")
public record RiskView(
        UUID id,
        UUID projectId,
        @Schema(example = "Payment provider sandbox not available in time") String title,
        @Schema(example = "3") int probability,
        @Schema(example = "4") int impact,
        @Schema(description = "probability × impact, 1–25", example = "12") int exposure,
        String mitigation,
        @Schema(example = "ben.pjm@example.com") String owner,
        @Schema(example = "OPEN") RiskStatus status,
        @Schema(example = "[\"MITIGATED\", \"CLOSED\"]") List<RiskStatus> allowedStatuses,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated, or project-service itself. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or project-service itself for a change made on another service's event or on a schedule.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0")
        long version) {

    public static RiskView of(Risk r) {
        return new RiskView(r.id(), r.projectId(), r.title(), r.probability(), r.impact(), r.exposure(),
                r.mitigation(), r.owner(), r.status(), List.copyOf(r.status().allowedNext()), r.createdAt(),
                r.updatedAt(), r.createdBy(), r.updatedBy(), r.version());
    }
}
