package dev.tandem.feedback.catalog;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feature as feedback-service knows it. */
@Schema(name = "CatalogFeature", description = "A feature as feedback-service knows it from product-service's events.")
public record CatalogFeatureView(
        @Schema(example = "7c2e4b1a-3d5f-4a6b-8c9d-0e1f2a3b4c5d") UUID id,
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID productId,
        @Schema(example = "One-click reorder") String title,
        @Schema(description = "product-service's feature status", example = "PLANNED") String status,
        @Schema(description = "The feature's version this replica reflects.", example = "3") long sourceVersion,
        @Schema(description = "When the change the replica reflects happened in product-service.") Instant updatedAt,
        @Schema(description = "When product-service deleted the feature (null while it exists).") Instant deletedAt) {

    static CatalogFeatureView of(CatalogFeature f) {
        return new CatalogFeatureView(f.id(), f.productId(), f.title(), f.status(), f.sourceVersion(), f.updatedAt(),
                f.deletedAt());
    }
}
