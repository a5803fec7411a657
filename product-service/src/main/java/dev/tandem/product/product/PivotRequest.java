package dev.tandem.product.product;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/products/{id}/pivots}. */
@Schema(name = "Pivot", description = "A new vision and/or new target segments, why, and the evidence behind it.")
public record PivotRequest(
        @Schema(description = "The new vision; absent = unchanged, empty string clears it.",
                example = "Repeat purchases in one click.")
        @Size(max = 4000)
        String vision,

        @Schema(description = "The new target segments (replace the old ones); absent = unchanged.",
                example = "[\"SMB\", \"Enterprise\"]")
        @Size(max = 20)
        List<@NotNull @NotBlank @Size(max = 100) String> targetSegments,

        @Schema(example = "Enterprise buyers reorder weekly and churn over checkout friction.", required = true)
        @NotBlank @Size(max = 4000)
        String rationale,

        @Schema(description = "Deprecated: send onBehalfOf. Read as onBehalfOf when that is absent; never the identity "
                + "of who pivoted.", example = "ana.pm@example.com", deprecated = true)
        @Size(max = 200)
        String pivotedBy,

        @Schema(description = "Optional: whose decision the caller records. Stored next to the authenticated caller, "
                + "never instead of it.", example = "ana.pm@example.com")
        @Size(max = 200)
        String onBehalfOf,

        @Schema(description = "At least one: feedback items this service knows, or key-result measurements. Missing "
                + "or unknown evidence is a 422 naming it.", required = true)
        @Size(max = 100)
        List<@NotNull @Valid Evidence> evidence) {

    /** What the client says the pivot is on behalf of: onBehalfOf, else the deprecated pivotedBy. */
    public String behalf() {
        return onBehalfOf != null && !onBehalfOf.isBlank() ? onBehalfOf : pivotedBy;
    }

    /** One piece of evidence: a feedback item or a key-result measurement. */
    @Schema(name = "PivotEvidence")
    public record Evidence(
            @Schema(example = "FEEDBACK", required = true) @NotNull EvidenceType type,
            @Schema(description = "For FEEDBACK", example = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") UUID feedbackId,
            @Schema(description = "For KEY_RESULT_MEASUREMENT", example = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")
            UUID measurementId) {
    }
}
