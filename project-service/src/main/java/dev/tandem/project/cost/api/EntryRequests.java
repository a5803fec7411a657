package dev.tandem.project.cost.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.tandem.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the time and expense entry endpoints. */
public final class EntryRequests {

    private EntryRequests() {
    }

    @Schema(name = "RecordTime", description = "Hours a member worked on a task of the project on a day.")
    public record RecordTime(
            @Schema(description = "A member of the project (else 422).", example = "ana.dev@example.com", required = true)
            @NotBlank @Size(max = 200)
            String personId,

            @Schema(description = "A task of the project (else 422).", required = true)
            @NotNull
            UUID taskId,

            @Schema(description = "The day worked; not in the future (422).", example = "2027-01-05", required = true)
            @NotNull
            LocalDate date,

            @Schema(description = "More than 0, at most 24, two decimals.", example = "6.5", required = true)
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 2)
            BigDecimal hours,

            @Size(max = 1000)
            String note) {
    }

    @Schema(name = "RecordExpense", description = "Money spent on something other than people's time.")
    public record RecordExpense(
            @Schema(description = "In the project's currency (else 422 naming amount.currency).", required = true)
            @NotNull @Valid
            Money amount,

            @Schema(example = "Licences", required = true)
            @NotBlank @Size(max = 100)
            String category,

            @Schema(example = "2027-01-12", required = true)
            @NotNull
            LocalDate date,

            @Schema(example = "Payment sandbox, 3 months")
            @Size(max = 1000)
            String description) {
    }
}
