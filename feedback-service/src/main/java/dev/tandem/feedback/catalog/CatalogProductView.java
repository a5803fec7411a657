package dev.tandem.feedback.catalog;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as feedback-service knows it. */
@Schema(name = "CatalogProduct", description = "A product as feedback-service knows it from product-service's events.")
public record CatalogProductView(
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID id,
        @Schema(example = "CHK") String key,
        @Schema(example = "Checkout") String name,
        @Schema(example = "CONCEPT") String lifecycleStage,
        @Schema(description = "The product's version this replica reflects.", example = "0") long sourceVersion,
        @Schema(description = "When the change the replica reflects happened in product-service.") Instant updatedAt,
        @Schema(description = "When product-service deleted the product (null while it exists); a deleted product "
                + "takes no new feedback.") Instant deletedAt) {

    static CatalogProductView of(CatalogProduct p) {
        return new CatalogProductView(p.id(), p.key(), p.name(), p.lifecycleStage(), p.sourceVersion(), p.updatedAt(),
                p.deletedAt());
    }
}
