package dev.tandem.feedback.feedback;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/feedback/votes}. */
@Schema(name = "CreateVote", description = "A customer's vote for a feature: becomes an IN_APP feedback item linked to it.")
public record VoteRequest(
        @Schema(description = "An existing customer (else 422).", required = true) @NotNull UUID customerId,

        @Schema(description = "A live feature in the catalog (else 422).", required = true) @NotNull UUID featureId,

        @Schema(description = "The link's importance; IMPORTANT when left out.", example = "CRITICAL")
        Importance importance,

        @Schema(description = "Why the customer wants it; becomes the feedback's text.",
                example = "We need this before our holiday season.")
        @Size(max = 20000)
        String comment) {
}
