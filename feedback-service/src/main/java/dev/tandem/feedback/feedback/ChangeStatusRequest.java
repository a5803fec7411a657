package dev.tandem.feedback.feedback;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/feedback/{id}/status}. */
@Schema(name = "ChangeFeedbackStatus")
public record ChangeStatusRequest(
        @Schema(example = "TRIAGED", required = true) @NotNull FeedbackStatus status) {
}
