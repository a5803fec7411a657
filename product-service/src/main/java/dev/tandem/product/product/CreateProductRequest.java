package dev.tandem.product.product;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/products}. */
@Schema(name = "CreateProduct", description = "A new product; it starts in the CONCEPT stage.")
public record CreateProductRequest(
        @Schema(description = "Short unique code, 2–10 letters or digits starting with a letter; unique regardless of case, stored upper-case.",
                example = "CHK", required = true)
        @NotBlank @Pattern(regexp = "^[A-Za-z][A-Za-z0-9]{1,9}$", message = "must be 2-10 letters or digits, starting with a letter")
        String key,

        @Schema(example = "Checkout", required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(example = "Paying is the easiest step of buying.")
        @Size(max = 4000)
        String vision,

        @Schema(example = "[\"SMB\", \"Enterprise\"]")
        @Size(max = 20)
        List<@NotNull @NotBlank @Size(max = 100) String> targetSegments,

        @Schema(description = "The accountable product manager.", example = "ana.pm@example.com")
        @Size(max = 200)
        String owner) {
}
