package dev.tandem.feedback.comment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.feedback.CommentAdded;
import dev.tandem.events.feedback.CommentEdited;
import dev.tandem.platform.outbox.Outbox;

/** Comment events, keyed by the feedback item so an item's events and its discussion stay in one order. */
@ApplicationScoped
class CommentEvents {

    @Inject
    Outbox outbox;

    void added(Comment c, UUID productId) {
        EventType type = EventType.COMMENT_ADDED;
        outbox.publish(type.topic(), type.aggregateType(), c.feedbackId(), type.type(), new CommentAdded(c.id(),
                c.feedbackId(), productId, c.author(), c.onBehalfOf(), c.discipline().name(), c.text(), c.createdAt(),
                c.version()));
    }

    void edited(Comment c, UUID productId) {
        EventType type = EventType.COMMENT_EDITED;
        outbox.publish(type.topic(), type.aggregateType(), c.feedbackId(), type.type(), new CommentEdited(c.id(),
                c.feedbackId(), productId, c.author(), c.onBehalfOf(), c.discipline().name(), c.text(),
                c.createdAt(), c.updatedAt(), c.version()));
    }
}
