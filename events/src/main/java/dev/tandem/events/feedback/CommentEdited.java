package dev.tandem.events.feedback;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.comment.edited.v1} on {@code tandem.feedback.events}, subject = feedback id. A comment's author
 * changed its text.
 *
 * @param commentId  the comment
 * @param feedbackId the feedback item it is on
 * @param productId  the feedback item's product
 * @param author     who wrote (and edited) it: the name of the authenticated caller who wrote it
 * @param onBehalfOf whose words the caller recorded, as the caller said; null when they are its own
 * @param discipline the author's discipline
 * @param text       the text after the edit
 * @param createdAt  when it was written
 * @param updatedAt  when it was edited
 * @param version    the comment's version after the edit
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommentEdited(
        UUID commentId,
        UUID feedbackId,
        UUID productId,
        String author,
        String onBehalfOf,
        String discipline,
        String text,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
