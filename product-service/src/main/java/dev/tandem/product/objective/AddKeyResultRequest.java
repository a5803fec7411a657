package dev.tandem.product.objective;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/objectives/{id}/key-results}. */
@Schema(name = "AddKeyResult", description = "A key result: a metric to move from its baseline to a target.")
public record AddKeyResultRequest(
        @Schema(example = "Weekly active teams", required = true)
        @NotBlank @Size(max = 200)
        String metric,

        @Schema(example = "teams", required = true)
        @NotBlank @Size(max = 50)
        String unit,

        @Schema(description = "The value today; the current value starts here. At most 15 integer and 4 fraction digits.",
                example = "120", required = true)
        @NotNull @Digits(integer = 15, fraction = 4)
        BigDecimal baseline,

        @Schema(description = "The value to reach: ≥ baseline for INCREASE, ≤ baseline for DECREASE.", example = "200",
                required = true)
        @NotNull @Digits(integer = 15, fraction = 4)
        BigDecimal target,

        @Schema(example = "INCREASE", required = true)
        @NotNull
        Direction direction) {
}
