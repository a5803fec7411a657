package dev.tandem.project.cost.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tandem.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the member endpoints. */
public final class MemberRequests {

    private MemberRequests() {
    }

    @Schema(name = "AddMember", description = "A person joining a project.")
    public record AddMember(
            @Schema(description = "Who (any stable id: e-mail, directory id); once per project (409).",
                    example = "ana.dev@example.com", required = true)
            @NotBlank @Size(max = 200)
            String personId,

            @Schema(example = "Backend developer", required = true)
            @NotBlank @Size(max = 100)
            String role,

            @Schema(description = "Share of the person's time, 1–100 %.", example = "50", required = true)
            @NotNull @Min(1) @Max(100)
            Integer allocationPercent,

            @Schema(description = "Cost per hour, in the project's currency (else 422).", required = true)
            @NotNull @Valid
            Money hourlyRate) {
    }

    @Schema(name = "UpdateMember", description = "The fields to change; absent or null fields stay as they are.")
    public record UpdateMember(
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String role,

            @Min(1) @Max(100)
            Integer allocationPercent,

            @Valid
            Money hourlyRate) {
    }
}
