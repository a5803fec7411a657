package dev.tandem.feedback.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/feedback/{id}/comments}. */
@Schema(name = "CreateComment")
public record CreateCommentRequest(
        @Schema(description = "Deprecated: send onBehalfOf. Read as onBehalfOf when that is absent; the author is "
                + "always the authenticated caller.", example = "bo.eng@example.com", deprecated = true)
        @Size(max = 200) String author,

        @Schema(description = "Optional: whose words the caller records (a support agent typing a colleague's note, "
                + "an integration posting for a person). Stored next to the author, never instead of it.",
                example = "bo.eng@example.com")
        @Size(max = 200) String onBehalfOf,

        @Schema(example = "ENGINEERING", required = true) @NotNull Discipline discipline,

        @Schema(example = "Reproduced: the payment step waits on a slow fraud check.", required = true)
        @NotBlank @Size(max = 10000) String text) {

    /** Whose words the client says these are: onBehalfOf, else the deprecated author. */
    String behalf() {
        return onBehalfOf != null && !onBehalfOf.isBlank() ? onBehalfOf : author;
    }
}
