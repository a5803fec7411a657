package dev.tandem.project.program.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/programs}. */
@Schema(name = "CreateProgram", description = "A new program: a group of projects.")
public record CreateProgramRequest(
        @Schema(description = "Short unique code, 2–10 letters or digits starting with a letter; unique regardless of case, stored upper-case.",
                example = "GROWTH", required = true)
        @NotBlank @Pattern(regexp = "^[A-Za-z][A-Za-z0-9]{1,9}$", message = "must be 2-10 letters or digits, starting with a letter")
        String key,

        @Schema(example = "Growth 2027", required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(example = "Everything that grows repeat purchases.")
        @Size(max = 4000)
        String description,

        @Schema(description = "The accountable program manager.", example = "olu.pgm@example.com")
        @Size(max = 200)
        String owner) {
}
