package dev.tandem.feedback.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/feedback/{id}/comments/{commentId}}. */
@Schema(name = "EditComment", description = "Only the comment's author (the caller who wrote it) edits it.")
public record EditCommentRequest(
        @Schema(description = "Deprecated and ignored: who edits is the authenticated caller, who must be the one "
                + "who wrote the comment (else 403), whatever name is sent here.", example = "bo.eng@example.com",
                deprecated = true)
        @Size(max = 200) String author,

        @Schema(example = "Reproduced: the payment step waits on the fraud check (2.5 s).", required = true)
        @NotBlank @Size(max = 10000) String text) {
}
