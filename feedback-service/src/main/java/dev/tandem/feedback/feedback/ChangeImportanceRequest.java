package dev.tandem.feedback.feedback;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/feedback/{id}/links/{featureId}}. */
@Schema(name = "ChangeLinkImportance")
public record ChangeImportanceRequest(@Schema(example = "CRITICAL", required = true) @NotNull Importance importance) {
}
