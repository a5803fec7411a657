package dev.tandem.project.program.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/programs/{id}}: only the fields sent (not null) change. */
@Schema(name = "UpdateProgram", description = "The fields to change; absent or null fields stay as they are.")
public record UpdateProgramRequest(
        @Schema(example = "GROW27")
        @Pattern(regexp = "^[A-Za-z][A-Za-z0-9]{1,9}$", message = "must be 2-10 letters or digits, starting with a letter")
        String key,

        @Schema(example = "Growth 2027")
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,

        @Schema(example = "Everything that grows repeat purchases.")
        @Size(max = 4000)
        String description,

        @Schema(example = "olu.pgm@example.com")
        @Size(max = 200)
        String owner) {
}
