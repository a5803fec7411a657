package dev.tandem.product.objective;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key result as the API shows it, with its progress. */
@Schema(name = "KeyResult")
public record KeyResultView(
        @Schema(example = "7a4c1e2b-3d5f-4a6b-9c8d-0e1f2a3b4c5d") UUID id,
        @Schema(example = "Weekly active teams") String metric,
        @Schema(example = "teams") String unit,
        @Schema(example = "120") BigDecimal baseline,
        @Schema(example = "200") BigDecimal target,
        @Schema(example = "INCREASE") Direction direction,
        @Schema(description = "The latest measured value; the baseline until measured.", example = "150") BigDecimal current,
        @Schema(description = "When the current value was measured; null while it is the baseline.") Instant currentMeasuredAt,
        @Schema(description = "Percent of the way from baseline to target, 0–100, 2 decimals.", example = "37.50")
        BigDecimal progress) {

    public static KeyResultView of(KeyResult k) {
        return new KeyResultView(k.id(), k.metric(), k.unit(), k.baseline(), k.target(), k.direction(), k.current(),
                k.currentMeasuredAt(), k.progress());
    }
}
