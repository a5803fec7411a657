package dev.tandem.project.program.api;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import dev.tandem.project.program.Program;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program as the API shows it. */
@Schema(name = "Program")
public record ProgramView(
        @Schema(example = "7a1c0e52-4b8d-4f3a-9c61-2d5e8f9a0b1c") UUID id,
        @Schema(example = "GROWTH") String key,
        @Schema(example = "Growth 2027") String name,
        @Schema(example = "Everything that grows repeat purchases.") String description,
        @Schema(example = "olu.pgm@example.com") String owner,
        @Schema(description = "Its projects rolled up: budget and spend per currency, worst health") ProgramRollup rollup,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated, or project-service itself. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or project-service itself for a change made on another service's event or on a schedule.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    static ProgramView of(Program p) {
        return new ProgramView(p.id(), p.key(), p.name(), p.description(), p.owner(), ProgramRollup.of(p.id()),
                p.createdAt(), p.updatedAt(), p.createdBy(), p.updatedBy(), p.version());
    }
}
