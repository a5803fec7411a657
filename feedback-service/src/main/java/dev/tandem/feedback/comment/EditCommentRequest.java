package dev.tandem.feedback.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/feedback/{id}/comments/{commentId}}. */
@Schema(name = "EditComment", description = "Only the comment's author edits it: author names who is editing.")
public record EditCommentRequest(
        @Schema(description = "Who is editing; must be the comment's author (else 403).",
                example = "bo.eng@example.com", required = true)
        @NotBlank @Size(max = 200) String author,

        @Schema(example = "Reproduced: the payment step waits on the fraud check (2.5 s).", required = true)
        @NotBlank @Size(max = 10000) String text) {
}
