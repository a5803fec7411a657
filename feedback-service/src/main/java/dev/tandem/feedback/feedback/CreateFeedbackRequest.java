package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/feedback}. */
@Schema(name = "CreateFeedback", description = "A feedback item; it starts as NEW and its sentiment is computed.")
public record CreateFeedbackRequest(
        @Schema(example = "SUPPORT", required = true) @NotNull Source source,

        @Schema(description = "Its id in the source channel. The same (source, externalReference) sent again is the "
                + "same item: answered 200 with the existing item and Feedback-Duplicate: true.", example = "ZD-48213")
        @Size(max = 200)
        String externalReference,

        @Schema(description = "An existing customer (else 422).", required = true) @NotNull UUID customerId,

        @Schema(description = "A product in the catalog (else 422).", required = true) @NotNull UUID productId,

        @Schema(example = "Checkout is slow", required = true) @NotBlank @Size(max = 200) String title,

        @Schema(example = "The checkout page is very slow and we lose customers.", required = true)
        @NotBlank @Size(max = 20000)
        String text,

        @Schema(description = "When the channel received it; defaults to now; not in the future.")
        @PastOrPresent
        Instant receivedAt,

        @Schema(description = "Up to 20 tags; stored lower case, without duplicates.", example = "[\"performance\"]")
        @Size(max = 20)
        List<@NotBlank @Size(max = 50) String> tags,

        @Schema(description = "The team member accountable for it.", example = "ana.pm@example.com")
        @Size(max = 200)
        String owner) {
}
