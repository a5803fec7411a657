package dev.tandem.product.feature;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/features/{id}/status}. */
@Schema(name = "ChangeFeatureStatus")
public record ChangeFeatureStatusRequest(
        @Schema(description = "The next status; see the operation for the allowed moves.", example = "CANDIDATE",
                required = true)
        @NotNull
        FeatureStatus status,

        @Schema(description = "Why; required when status is REJECTED.", example = "Asked for by 14 customers.")
        @Size(max = 2000)
        String reason) {
}
