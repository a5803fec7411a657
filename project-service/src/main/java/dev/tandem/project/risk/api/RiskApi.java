package dev.tandem.project.risk.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tandem.project.risk.Risk;
import dev.tandem.project.risk.RiskStatus;
import dev.tandem.project.risk.RiskView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies and the page of the risk endpoints (the risk itself is {@link RiskView}). */
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

    @Schema(name = "RiskPage")
    public record RiskPage(List<RiskView> items, String nextCursor) {
    }
}
