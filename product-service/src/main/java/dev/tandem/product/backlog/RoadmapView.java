package dev.tandem.product.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.product.demand.DemandView;
import dev.tandem.product.feature.FeatureStatus;
import dev.tandem.product.release.ReleaseStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product's roadmap: by release in target-date order, and as now / next / later. */
@Schema(name = "Roadmap")
public record RoadmapView(
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID productId,
        @Schema(description = "The product's releases, earliest target date first, each with its features")
        List<ReleaseGroup> releases,
        @Schema(description = "Features in no release that are CANDIDATE, PLANNED, COMMITTED, IN_DELIVERY or DELIVERED")
        List<Item> unscheduled,
        @Schema(description = "IN_DELIVERY and COMMITTED features") List<Item> now,
        @Schema(description = "PLANNED features") List<Item> next,
        @Schema(description = "CANDIDATE features") List<Item> later) {

    @Schema(name = "RoadmapRelease")
    public record ReleaseGroup(
            @Schema(example = "7c0e2a8b-1d2e-4f3a-9b4c-5d6e7f8a9b0c") UUID releaseId,
            @Schema(example = "2027.1") String name,
            @Schema(example = "2027-03-31") LocalDate targetDate,
            @Schema(example = "PLANNED") ReleaseStatus status,
            List<Item> features) {
    }

    @Schema(name = "RoadmapItem")
    public record Item(
            @Schema(example = "5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6") UUID featureId,
            @Schema(example = "One-click reorder") String title,
            @Schema(example = "COMMITTED") FeatureStatus status,
            @Schema(description = "RICE score", example = "768.00") BigDecimal score,
            DemandView demand,
            @Schema(example = "false") boolean atRisk,
            UUID releaseId) {
    }
}
