package dev.tandem.product.feature;

import java.math.BigDecimal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PATCH /api/v1/features/{id}}: only the fields present change; an empty problem clears it, an empty
 * releaseId takes the feature out of its release, an empty objectiveId unlinks it from its objective. The
 * product and the status do not change here (status: {@code POST /api/v1/features/{id}/status}).
 */
@Schema(name = "UpdateFeature", description = "A partial update; absent fields are left unchanged.")
public record UpdateFeatureRequest(
        @Schema(example = "One-click reorder")
        @Size(max = 200) @Pattern(regexp = "\\s*\\S[\\s\\S]*", message = "must not be blank")
        String title,

        @Schema(description = "Empty string clears it.", example = "Repeat buyers re-enter the same basket every week.")
        @Size(max = 4000)
        String problem,

        @Schema(description = "RICE reach: people or events per quarter, a whole number ≥ 0.", example = "1500")
        Long reach,

        @Schema(description = "RICE impact: 0.25, 0.5, 1, 2 or 3.", example = "3",
                enumeration = {"0.25", "0.5", "1", "2", "3"})
        BigDecimal impact,

        @Schema(description = "RICE confidence in percent, 0–100.", example = "50", minimum = "0", maximum = "100")
        Integer confidence,

        @Schema(description = "RICE effort in person-months, > 0, at most 2 decimals.", example = "3")
        BigDecimal effort,

        @Schema(description = "Plan it for this release (a PLANNED release of the same product); empty string takes "
                + "it out of its release.", example = "7c0e2a8b-1d2e-4f3a-9b4c-5d6e7f8a9b0c")
        @Pattern(regexp = "^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                message = "must be a UUID, or empty to take the feature out of its release")
        String releaseId,

        @Schema(description = "Link it to this objective of the same product (else 422 naming objectiveId); empty "
                + "string unlinks it.", example = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f")
        @Pattern(regexp = "^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                message = "must be a UUID, or empty to unlink the feature from its objective")
        String objectiveId) {
}
