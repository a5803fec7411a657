package dev.tandem.product.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as the API shows it. */
@Schema(name = "Product")
public record ProductView(
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID id,
        @Schema(example = "CHK") String key,
        @Schema(example = "Checkout") String name,
        @Schema(example = "Paying is the easiest step of buying.") String vision,
        @Schema(example = "[\"SMB\", \"Enterprise\"]") List<String> targetSegments,
        @Schema(example = "CONCEPT") LifecycleStage lifecycleStage,
        @Schema(example = "ana.pm@example.com") String owner,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or product-service itself for a change made on another service's event.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    public static ProductView of(Product p) {
        return new ProductView(p.id(), p.key(), p.name(), p.vision(), p.targetSegments(), p.lifecycleStage(),
                p.owner(), p.createdAt(), p.updatedAt(), p.createdBy(), p.updatedBy(), p.version());
    }
}
