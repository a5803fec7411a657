package dev.tandem.product.backlog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.money.Money;
import dev.tandem.product.demand.DemandView;
import dev.tandem.product.feature.FeatureStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ranked backlog of a product, every term of the formula shown. */
@Schema(name = "Backlog")
public record BacklogView(
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID productId,
        @Schema(example = "priority = riceScore × (1 + w × normalisedDemand); normalisedDemand = weightedDemand / "
                + "maxWeightedDemand") String formula,
        @Schema(description = "w (tandem.backlog.demand-weight)", example = "1.0") BigDecimal demandWeight,
        @Schema(description = "The largest weighted demand among the product's backlog features, in the reporting "
                + "currency") Money maxWeightedDemand,
        @Schema(description = "Backlog features in all (the items are the first `limit`)", example = "12") int total,
        List<Row> items) {

    /** One ranked feature. */
    @Schema(name = "BacklogRow")
    public record Row(
            @Schema(example = "1") int rank,
            @Schema(example = "5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6") UUID featureId,
            @Schema(example = "One-click reorder") String title,
            @Schema(example = "PLANNED") FeatureStatus status,
            @Schema(description = "RICE score; null while an input is missing (ranked last)", example = "768.00")
            BigDecimal riceScore,
            @Schema(example = "1200") Long reach,
            @Schema(example = "2") BigDecimal impact,
            @Schema(example = "80") Integer confidence,
            @Schema(example = "2.5") BigDecimal effort,
            DemandView demand,
            @Schema(description = "weightedDemand / maxWeightedDemand, 4 decimals", example = "0.6000")
            BigDecimal normalisedDemand,
            @Schema(description = "w", example = "1.0") BigDecimal demandWeight,
            @Schema(description = "riceScore × (1 + w × normalisedDemand), 2 decimals; null without a score",
                    example = "1228.80") BigDecimal priority,
            @Schema(example = "false") boolean atRisk,
            @Schema(description = "Its release, if planned for one") UUID releaseId) {
    }
}
