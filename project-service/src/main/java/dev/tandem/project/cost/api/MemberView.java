package dev.tandem.project.cost.api;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.platform.money.Money;
import dev.tandem.platform.security.Actor;
import dev.tandem.project.cost.Member;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Member")
public record MemberView(
        @Schema(example = "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8") UUID id,
        UUID projectId,
        @Schema(example = "ana.dev@example.com") String personId,
        @Schema(example = "Backend developer") String role,
        @Schema(example = "50") int allocationPercent,
        Money hourlyRate,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated, or project-service itself. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or project-service itself for a change made on another service's event or on a schedule.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    static MemberView of(Member m) {
        return new MemberView(m.id(), m.projectId(), m.personId(), m.role(), m.allocationPercent(), m.hourlyRate(),
                m.createdAt(), m.updatedAt(), m.createdBy(), m.updatedBy(), m.version());
    }
}
