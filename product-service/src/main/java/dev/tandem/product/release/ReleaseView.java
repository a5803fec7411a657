package dev.tandem.product.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A release as the API shows it. */
@Schema(name = "Release")
public record ReleaseView(
        @Schema(example = "7c0e2a8b-1d2e-4f3a-9b4c-5d6e7f8a9b0c") UUID id,
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID productId,
        @Schema(example = "2027.1") String name,
        @Schema(example = "Reorder and wallet.") String description,
        @Schema(example = "2027-03-31") LocalDate targetDate,
        @Schema(example = "PLANNED") ReleaseStatus status,
        @Schema(description = "When it was released, once RELEASED") Instant releasedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or product-service itself for a change made on another service's event.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    public static ReleaseView of(Release r) {
        return new ReleaseView(r.id(), r.productId(), r.name(), r.description(), r.targetDate(), r.status(),
                r.releasedAt(), r.createdAt(), r.updatedAt(), r.createdBy(), r.updatedBy(), r.version());
    }
}
