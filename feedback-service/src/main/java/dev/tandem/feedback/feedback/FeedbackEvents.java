package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.feedback.FeedbackDeleted;
import dev.tandem.events.feedback.FeedbackReceived;
import dev.tandem.events.feedback.FeedbackStatusChanged;
import dev.tandem.events.feedback.FeedbackUpdated;
import dev.tandem.platform.outbox.Outbox;

/** Turns feedback changes into outbox events (same transaction as the change). */
@ApplicationScoped
class FeedbackEvents {

    @Inject
    Outbox outbox;

    void received(Feedback f) {
        publish(EventType.FEEDBACK_RECEIVED, f, new FeedbackReceived(f.id(), f.source().name(),
                f.externalReference(), f.customerId(), f.productId(), f.title(), f.text(), f.receivedAt(), f.tags(),
                f.owner(), f.status().name(), f.sentiment().score(), f.sentiment().label().value(), f.createdAt(),
                f.version()));
    }

    void updated(Feedback f, List<String> changed) {
        publish(EventType.FEEDBACK_UPDATED, f, new FeedbackUpdated(f.id(), f.source().name(),
                f.externalReference(), f.customerId(), f.productId(), f.title(), f.text(), f.receivedAt(), f.tags(),
                f.owner(), f.status().name(), f.sentiment().score(), f.sentiment().label().value(), f.createdAt(),
                f.updatedAt(), changed, f.version()));
    }

    void statusChanged(Feedback f, FeedbackStatus from) {
        publish(EventType.FEEDBACK_STATUS_CHANGED, f, new FeedbackStatusChanged(f.id(), f.source().name(),
                f.externalReference(), f.customerId(), f.productId(), f.title(), f.text(), f.receivedAt(), f.tags(),
                f.owner(), f.status().name(), f.sentiment().score(), f.sentiment().label().value(), f.createdAt(),
                from.name(), f.status().name(), f.updatedAt(), f.version()));
    }

    void deleted(Feedback f) {
        publish(EventType.FEEDBACK_DELETED, f, new FeedbackDeleted(f.id(), f.source().name(),
                f.externalReference(), f.customerId(), f.productId(), f.title(), f.text(), f.receivedAt(), f.tags(),
                f.owner(), f.status().name(), f.sentiment().score(), f.sentiment().label().value(), f.createdAt(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), f.version() + 1));
    }

    private void publish(EventType type, Feedback f, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), f.id(), type.type(), payload);
    }
}
