package dev.tandem.feedback.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/feedback/{id}/comments}. */
@Schema(name = "CreateComment")
public record CreateCommentRequest(
        @Schema(description = "The team member writing it.", example = "bo.eng@example.com", required = true)
        @NotBlank @Size(max = 200) String author,

        @Schema(example = "ENGINEERING", required = true) @NotNull Discipline discipline,

        @Schema(example = "Reproduced: the payment step waits on a slow fraud check.", required = true)
        @NotBlank @Size(max = 10000) String text) {
}
