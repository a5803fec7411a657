package dev.tandem.product.objective;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer to recording a measurement: the measurement and the key result and objective progress after it. */
@Schema(name = "RecordedMeasurement")
public record RecordedMeasurementView(
        MeasurementView measurement,
        @Schema(description = "The key result after the measurement (current = latest measuredAt).") KeyResultView keyResult,
        @Schema(description = "The objective's progress after the measurement.", example = "37.50") BigDecimal objectiveProgress,
        @Schema(description = "The objective's version after the measurement (its ETag).") long objectiveVersion) {
}
