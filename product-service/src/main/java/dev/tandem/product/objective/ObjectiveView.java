package dev.tandem.product.objective;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An objective as the API shows it, with its key results and progress. */
@Schema(name = "Objective")
public record ObjectiveView(
        @Schema(example = "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b") UUID id,
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID productId,
        @Schema(example = "Teams adopt Tandem weekly") String title,
        String description,
        @Schema(example = "2027-Q1") String period,
        @Schema(description = "In the order they were added.") List<KeyResultView> keyResults,
        @Schema(description = "Mean of the key results' progress, 0–100, 2 decimals; null without key results.",
                example = "37.50") BigDecimal progress,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or product-service itself for a change made on another service's event.")
        Actor updatedBy,
        @Schema(description = "Increases with every change (also adding a key result or recording a measurement); "
                + "the ETag is this number in quotes.", example = "0") long version) {

    public static ObjectiveView of(Objective o) {
        return new ObjectiveView(o.id(), o.productId(), o.title(), o.description(), o.period(),
                o.keyResults().stream().map(KeyResultView::of).toList(), o.progress(), o.createdAt(), o.updatedAt(),
                o.createdBy(), o.updatedBy(), o.version());
    }
}
