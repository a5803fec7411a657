package dev.tandem.product.feature;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feature as the API shows it, with its RICE inputs and score. */
@Schema(name = "Feature")
public record FeatureView(
        @Schema(example = "5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6") UUID id,
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID productId,
        @Schema(example = "One-click reorder") String title,
        @Schema(example = "Repeat buyers re-enter the same basket every week.") String problem,
        @Schema(example = "CANDIDATE") FeatureStatus status,
        @Schema(description = "Why it was rejected, while REJECTED.") String rejectionReason,
        @Schema(description = "RICE reach per quarter", example = "1200") Long reach,
        @Schema(description = "RICE impact: 0.25, 0.5, 1, 2 or 3", example = "2") BigDecimal impact,
        @Schema(description = "RICE confidence, percent", example = "80") Integer confidence,
        @Schema(description = "RICE effort, person-months", example = "2.5") BigDecimal effort,
        @Schema(description = "reach × impact × confidence/100 / effort, 2 decimals; null while an input is missing",
                example = "768.00") BigDecimal score,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    static FeatureView of(Feature f) {
        return new FeatureView(f.id(), f.productId(), f.title(), f.problem(), f.status(), f.rejectionReason(),
                f.reach(), f.impact(), f.confidence(), f.effort(), f.score(), f.createdAt(), f.updatedAt(),
                f.version());
    }
}
