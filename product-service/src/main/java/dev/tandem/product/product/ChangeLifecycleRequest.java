package dev.tandem.product.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/products/{id}/lifecycle}. */
@Schema(name = "ChangeLifecycle", description = "Move the product to another lifecycle stage, recording why. Who made "
        + "the change is the authenticated caller, never a field of this body.")
public record ChangeLifecycleRequest(
        @Schema(description = "The new stage: any later stage (skips allowed); RETIRED from any stage.",
                example = "DEVELOPMENT", required = true)
        @NotNull
        LifecycleStage stage,

        @Schema(description = "Why the product moves.", example = "Discovery done; building the MVP.", required = true)
        @NotBlank @Size(max = 2000)
        String reason,

        @Schema(description = "Deprecated: send onBehalfOf. Read as onBehalfOf when that is absent; never the identity "
                + "of who made the change.", example = "ana.pm@example.com", deprecated = true)
        @Size(max = 200)
        String changedBy,

        @Schema(description = "Optional: whose decision the caller records (a system recording a person's decision). "
                + "Stored next to the authenticated caller, never instead of it.", example = "ana.pm@example.com")
        @Size(max = 200)
        String onBehalfOf) {

    /** What the client says the change is on behalf of: onBehalfOf, else the deprecated changedBy. */
    public String behalf() {
        return onBehalfOf != null && !onBehalfOf.isBlank() ? onBehalfOf : changedBy;
    }
}
