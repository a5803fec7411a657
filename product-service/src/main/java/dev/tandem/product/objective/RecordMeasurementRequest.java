package dev.tandem.product.objective;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/objectives/{id}/key-results/{krId}/measurements}. */
@Schema(name = "RecordMeasurement", description = "A measured value of a key result.")
public record RecordMeasurementRequest(
        @Schema(example = "150", required = true)
        @NotNull @Digits(integer = 15, fraction = 4)
        BigDecimal value,

        @Schema(description = "When the value was measured (ISO-8601, UTC); the latest one becomes current.",
                example = "2027-01-31T00:00:00Z", required = true)
        @NotNull
        Instant measuredAt,

        @Schema(description = "Where the value comes from.", example = "analytics", required = true)
        @NotBlank @Size(max = 200)
        String source) {
}
