package dev.tandem.product.product;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a product's lifecycle history. */
@Schema(name = "LifecycleChange")
public record LifecycleChangeView(
        UUID id,
        UUID productId,
        @Schema(example = "CONCEPT") LifecycleStage from,
        @Schema(example = "DEVELOPMENT") LifecycleStage to,
        @Schema(example = "Discovery done; building the MVP.") String reason,
        @Schema(example = "ana.pm@example.com") String changedBy,
        Instant changedAt) {

    static LifecycleChangeView of(LifecycleChange c) {
        return new LifecycleChangeView(c.id(), c.productId(), c.from(), c.to(), c.reason(), c.changedBy(),
                c.changedAt());
    }
}
