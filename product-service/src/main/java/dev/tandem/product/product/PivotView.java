package dev.tandem.product.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded pivot. */
@Schema(name = "PivotRecord")
public record PivotView(
        @Schema(example = "8d9e0f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6") UUID id,
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID productId,
        Direction before,
        Direction after,
        @Schema(example = "Enterprise buyers reorder weekly and churn over checkout friction.") String rationale,
        List<PivotRequest.Evidence> evidence,
        @Schema(description = "The name of who pivoted: createdBy's name (on pivots older than createdBy, what the "
                + "client wrote).", example = "ppm-sync") String pivotedBy,
        @Schema(description = "Whose decision the caller recorded, as the caller said; absent when the caller acted "
                + "for itself. Never the identity of who pivoted.", example = "ana.pm@example.com") String onBehalfOf,
        @Schema(description = "Who pivoted: the caller the gateway authenticated. Absent on pivots older than this "
                + "field.") Actor createdBy,
        Instant pivotedAt) {

    @Schema(name = "ProductDirection")
    public record Direction(@Schema(example = "Paying is the easiest step of buying.") String vision,
                            @Schema(example = "[\"SMB\"]") List<String> targetSegments) {
    }

    public static PivotView of(Pivot p) {
        return new PivotView(p.id, p.productId, new Direction(p.visionBefore, List.copyOf(p.segmentsBefore)),
                new Direction(p.visionAfter, List.copyOf(p.segmentsAfter)), p.rationale, p.evidence(), p.pivotedBy,
                p.onBehalfOf, p.createdBy(), p.pivotedAt);
    }
}
