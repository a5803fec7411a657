package dev.tandem.feedback.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment as the API shows it. */
@Schema(name = "Comment")
public record CommentView(
        @Schema(example = "4b3a2918-7f6e-4d5c-8b4a-3f2e1d0c9b8a") UUID id,
        UUID feedbackId,
        @Schema(description = "The name of who wrote it: createdBy's name (on comments older than createdBy, what the "
                + "client wrote).", example = "Bo Eng") String author,
        @Schema(description = "Whose words the caller recorded, as the caller said (author or onBehalfOf of the "
                + "request); absent when they are the caller's own. Never the identity of who wrote it.",
                example = "bo.eng@example.com") String onBehalfOf,
        @Schema(example = "ENGINEERING") Discipline discipline,
        @Schema(example = "Reproduced: the payment step waits on a slow fraud check.") String text,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who wrote it: the caller the gateway authenticated; only they may edit it. Absent on comments older than this field (those can no longer be edited).")
        Actor createdBy,
        @Schema(description = "Who changed it last (its author).")
        Actor updatedBy,
        @Schema(description = "Increases with every edit; the ETag is this number in quotes.", example = "0") long version) {

    static CommentView of(Comment c) {
        return new CommentView(c.id(), c.feedbackId(), c.author(), c.onBehalfOf(), c.discipline(), c.text(),
                c.createdAt(), c.updatedAt(), c.createdBy(), c.updatedBy(), c.version());
    }

    /** For OpenAPI: one page of comments. */
    @Schema(name = "CommentPage")
    record CommentPage(List<CommentView> items, String nextCursor) {
    }
}
