package dev.tandem.product.product;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a product's lifecycle history. */
@Schema(name = "LifecycleChange")
public record LifecycleChangeView(
        UUID id,
        UUID productId,
        @Schema(example = "CONCEPT") LifecycleStage from,
        @Schema(example = "DEVELOPMENT") LifecycleStage to,
        @Schema(example = "Discovery done; building the MVP.") String reason,
        @Schema(description = "The name of who made the change: createdBy's name (on changes older than createdBy, "
                + "what the client wrote).", example = "ppm-sync") String changedBy,
        @Schema(description = "Whose decision the caller recorded, as the caller said (changedBy or onBehalfOf of "
                + "the request); absent when the caller acted for itself. Never the identity of who made the change.",
                example = "ana.pm@example.com") String onBehalfOf,
        @Schema(description = "Who made the change: the caller the gateway authenticated. Absent on changes older "
                + "than this field.") Actor createdBy,
        Instant changedAt) {

    public static LifecycleChangeView of(LifecycleChange c) {
        return new LifecycleChangeView(c.id(), c.productId(), c.from(), c.to(), c.reason(), c.changedBy(),
                c.onBehalfOf(), c.createdBy(), c.changedAt());
    }
}
