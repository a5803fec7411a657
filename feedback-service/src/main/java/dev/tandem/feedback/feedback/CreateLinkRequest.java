package dev.tandem.feedback.feedback;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/feedback/{id}/links}. */
@Schema(name = "CreateFeedbackLink")
public record CreateLinkRequest(
        @Schema(description = "A live feature of the feedback's product in the catalog (else 422).", required = true)
        @NotNull UUID featureId,

        @Schema(example = "IMPORTANT", required = true) @NotNull Importance importance,

        @Schema(description = "Who links it.", example = "ana.pm@example.com") @Size(max = 200) String linkedBy) {
}
