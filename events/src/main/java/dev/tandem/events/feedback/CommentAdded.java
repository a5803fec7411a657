package dev.tandem.events.feedback;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.comment.added.v1} on {@code tandem.feedback.events}, subject = feedback id (a comment belongs to
 * its feedback item, so the item's events and its discussion stay in one order). A team member commented.
 *
 * @param commentId  the comment
 * @param feedbackId the feedback item it is on
 * @param productId  the feedback item's product
 * @param author     who wrote it: the name of the authenticated caller (the event's {@code actor})
 * @param onBehalfOf whose words the caller recorded, as the caller said; null when they are its own
 * @param discipline PRODUCT, PROJECT, ENGINEERING, DESIGN, SUPPORT, SALES or MARKETING
 * @param text       the comment's text
 * @param createdAt  when it was written
 * @param version    the comment's version (0)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommentAdded(
        UUID commentId,
        UUID feedbackId,
        UUID productId,
        String author,
        String onBehalfOf,
        String discipline,
        String text,
        Instant createdAt,
        long version) {
}
