package dev.tandem.product.release;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/releases}. */
@Schema(name = "CreateRelease", description = "A new release of an existing product; it starts PLANNED.")
public record CreateReleaseRequest(
        @Schema(description = "The product it belongs to; must exist.", example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
                required = true)
        @NotNull
        UUID productId,

        @Schema(example = "2027.1", required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(example = "Reorder and wallet.")
        @Size(max = 4000)
        String description,

        @Schema(description = "ISO-8601 date", example = "2027-03-31", required = true)
        @NotNull
        LocalDate targetDate) {
}
