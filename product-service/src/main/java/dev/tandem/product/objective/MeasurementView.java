package dev.tandem.product.objective;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded measurement of a key result. */
@Schema(name = "Measurement")
public record MeasurementView(
        @Schema(example = "9c8b7a6f-5e4d-4c3b-8a2f-1e0d9c8b7a6f") UUID id,
        @Schema(example = "7a4c1e2b-3d5f-4a6b-9c8d-0e1f2a3b4c5d") UUID keyResultId,
        @Schema(example = "150") BigDecimal value,
        @Schema(example = "2027-01-31T00:00:00Z") Instant measuredAt,
        @Schema(example = "analytics") String source,
        @Schema(description = "When it was recorded here.") Instant recordedAt,
        @Schema(description = "Who recorded it: the caller the gateway authenticated. Absent on measurements older than this field.")
        Actor createdBy) {

    public static MeasurementView of(Measurement m) {
        return new MeasurementView(m.id(), m.keyResultId(), m.value(), m.measuredAt(), m.source(), m.recordedAt(),
                m.createdBy());
    }
}
