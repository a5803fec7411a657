package dev.tandem.product.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/products/{id}/lifecycle}. */
@Schema(name = "ChangeLifecycle", description = "Move the product to another lifecycle stage, recording who and why.")
public record ChangeLifecycleRequest(
        @Schema(description = "The new stage: any later stage (skips allowed); RETIRED from any stage.",
                example = "DEVELOPMENT", required = true)
        @NotNull
        LifecycleStage stage,

        @Schema(description = "Why the product moves.", example = "Discovery done; building the MVP.", required = true)
        @NotBlank @Size(max = 2000)
        String reason,

        @Schema(description = "Who decided it.", example = "ana.pm@example.com", required = true)
        @NotBlank @Size(max = 200)
        String changedBy) {
}
