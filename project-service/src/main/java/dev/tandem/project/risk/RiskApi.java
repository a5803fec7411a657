package dev.tandem.project.risk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies and views of the risk endpoints. */
public final class RiskApi {

    private RiskApi() {
    }

    @Schema(name = "CreateRisk", description = "A new OPEN risk of a project.")
    public record CreateRisk(
            @Schema(example = "Payment provider sandbox not available in time", required = true)
            @NotBlank @Size(max = 200)
            String title,

            @Schema(description = "1 (rare) to 5 (almost certain)", example = "3", required = true)
            @NotNull @Min(1) @Max(5)
            Integer probability,

            @Schema(description = "1 (minor) to 5 (severe)", example = "4", required = true)
            @NotNull @Min(1) @Max(5)
            Integer impact,

            @Schema(example = "Mock the provider; escalate to the vendor manager.")
            @Size(max = 4000)
            String mitigation,

            @Schema(example = "ben.pjm@example.com")
            @Size(max = 200)
            String owner) {
    }

    @Schema(name = "UpdateRisk", description = "The fields to change; absent or null fields stay as they are. "
            + "Status: OPEN ⇄ MITIGATED, either → CLOSED (final).")
    public record UpdateRisk(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String title,

            @Min(1) @Max(5)
            Integer probability,

            @Min(1) @Max(5)
            Integer impact,

            @Size(max = 4000)
            String mitigation,

            @Size(max = 200)
            String owner,

            @Schema(example = "MITIGATED")
            RiskStatus status) {

        Risk.Changes toChanges() {
            return new Risk.Changes(title, probability, impact, mitigation, owner, status);
        }
    }

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

        static RiskView of(Risk r) {
            return new RiskView(r.id(), r.projectId(), r.title(), r.probability(), r.impact(), r.exposure(),
                    r.mitigation(), r.owner(), r.status(), List.copyOf(r.status().allowedNext()), r.createdAt(),
                    r.updatedAt(), r.createdBy(), r.updatedBy(), r.version());
        }
    }

    @Schema(name = "RiskPage")
    public record RiskPage(List<RiskView> items, String nextCursor) {
    }
}
