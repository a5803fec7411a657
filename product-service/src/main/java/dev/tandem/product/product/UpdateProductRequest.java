package dev.tandem.product.product;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PATCH /api/v1/products/{id}}: only the fields present change. An absent or null field is left as it
 * is; an empty vision or owner clears it; an empty targetSegments list clears the segments. The key never changes.
 */
@Schema(name = "UpdateProduct", description = "A partial update; absent fields are left unchanged. The key is immutable.")
public record UpdateProductRequest(
        @Schema(description = "Immutable: accepted only when equal to the current key (case-insensitive).", example = "CHK")
        String key,

        @Schema(example = "Checkout")
        @Size(max = 200) @Pattern(regexp = "\\s*\\S[\\s\\S]*", message = "must not be blank")
        String name,

        @Schema(description = "Empty string clears it.", example = "Paying is the easiest step of buying.")
        @Size(max = 4000)
        String vision,

        @Schema(example = "[\"SMB\", \"Enterprise\"]")
        @Size(max = 20)
        List<@NotNull @NotBlank @Size(max = 100) String> targetSegments,

        @Schema(description = "The accountable product manager; empty string clears it.", example = "ana.pm@example.com")
        @Size(max = 200)
        String owner) {
}
