package dev.tandem.product.release;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/releases/{id}}: only the fields present change. */
@Schema(name = "UpdateRelease", description = "A partial update of a PLANNED release; absent fields are left unchanged.")
public record UpdateReleaseRequest(
        @Schema(example = "2027.1 \"Reorder\"")
        @Size(max = 200) @Pattern(regexp = "\\s*\\S[\\s\\S]*", message = "must not be blank")
        String name,

        @Schema(description = "Empty string clears it.", example = "Reorder only; wallet moved to 2027.2.")
        @Size(max = 4000)
        String description,

        @Schema(description = "ISO-8601 date", example = "2027-04-15")
        LocalDate targetDate) {
}
