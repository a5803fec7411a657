package dev.tandem.product.feature;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/features}. RICE inputs and the objective are optional; those present are validated. */
@Schema(name = "CreateFeature", description = "A new feature of an existing product; it starts as IDEA.")
public record CreateFeatureRequest(
        @Schema(description = "The product it belongs to; must exist.", example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
                required = true)
        @NotNull
        UUID productId,

        @Schema(example = "One-click reorder", required = true)
        @NotBlank @Size(max = 200)
        String title,

        @Schema(description = "The customer problem it solves.", example = "Repeat buyers re-enter the same basket every week.")
        @Size(max = 4000)
        String problem,

        @Schema(description = "RICE reach: people or events per quarter, a whole number ≥ 0.", example = "1200")
        Long reach,

        @Schema(description = "RICE impact: 0.25, 0.5, 1, 2 or 3.", example = "2",
                enumeration = {"0.25", "0.5", "1", "2", "3"})
        BigDecimal impact,

        @Schema(description = "RICE confidence in percent, 0–100.", example = "80", minimum = "0", maximum = "100")
        Integer confidence,

        @Schema(description = "RICE effort in person-months, > 0, at most 2 decimals.", example = "2.5")
        BigDecimal effort,

        @Schema(description = "The objective of the same product this feature serves; another product's or an "
                + "unknown objective is a 422 naming objectiveId.", example = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f")
        UUID objectiveId) {
}
