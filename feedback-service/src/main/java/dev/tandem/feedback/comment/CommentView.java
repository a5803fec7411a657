package dev.tandem.feedback.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment as the API shows it. */
@Schema(name = "Comment")
public record CommentView(
        @Schema(example = "4b3a2918-7f6e-4d5c-8b4a-3f2e1d0c9b8a") UUID id,
        UUID feedbackId,
        @Schema(example = "bo.eng@example.com") String author,
        @Schema(example = "ENGINEERING") Discipline discipline,
        @Schema(example = "Reproduced: the payment step waits on a slow fraud check.") String text,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Increases with every edit; the ETag is this number in quotes.", example = "0") long version) {

    static CommentView of(Comment c) {
        return new CommentView(c.id(), c.feedbackId(), c.author(), c.discipline(), c.text(), c.createdAt(),
                c.updatedAt(), c.version());
    }

    /** For OpenAPI: one page of comments. */
    @Schema(name = "CommentPage")
    record CommentPage(List<CommentView> items, String nextCursor) {
    }
}
