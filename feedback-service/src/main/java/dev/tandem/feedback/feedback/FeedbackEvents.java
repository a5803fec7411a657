package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.feedback.FeedbackDeleted;
import dev.tandem.events.feedback.FeedbackLinked;
import dev.tandem.events.feedback.FeedbackLoopClosed;
import dev.tandem.events.feedback.FeedbackReceived;
import dev.tandem.events.feedback.FeedbackStatusChanged;
import dev.tandem.events.feedback.FeedbackTriaged;
import dev.tandem.events.feedback.FeedbackUnlinked;
import dev.tandem.events.feedback.FeedbackUpdated;
import dev.tandem.feedback.customer.Customer;
import dev.tandem.platform.money.Money;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.tandem.platform.history.History;
import dev.tandem.platform.outbox.Outbox;
import dev.tandem.platform.time.Now;

/** Turns feedback changes into outbox events and history entries (same transaction as the change). */
@ApplicationScoped
public class FeedbackEvents {

    @Inject
    Outbox outbox;

    @Inject
    History history;

    /**
     * What a feedback item's history compares: the fields of its view, and its links (feature and importance), so
     * linking, unlinking and a change of importance show there with who did it.
     */
    record HistoryState(@JsonUnwrapped FeedbackView item, List<LinkState> links) {
    }

    record LinkState(UUID featureId, Importance importance) {
    }

    public void received(Feedback f) {
        EventType type = EventType.FEEDBACK_RECEIVED;
        publish(type, f, receivedPayload(f));
        history.recordCreated(type.aggregateType(), f.id(), type.type(), new HistoryState(FeedbackView.of(f),
                List.of()));
    }

    /** One {@code feedback.received} per item, in the order given, appended to the outbox together (bulk import). */
    void received(List<Feedback> items) {
        EventType type = EventType.FEEDBACK_RECEIVED;
        outbox.publishAll(items.stream().map(f -> new Outbox.Event(type.topic(), type.aggregateType(), f.id(),
                type.type(), receivedPayload(f))).toList());
        // new items have no links yet
        history.recordAllCreated(items.stream().map(f -> new History.Change(type.aggregateType(), f.id(), type.type(),
                new HistoryState(FeedbackView.of(f), List.of()))).toList());
    }

    private static FeedbackReceived receivedPayload(Feedback f) {
        return new FeedbackReceived(f.id(), f.source().name(), f.externalReference(), f.customerId(), f.productId(),
                f.title(), f.text(), f.receivedAt(), f.tags(), f.owner(), f.status().name(), f.sentiment().score(),
                f.sentiment().label().value(), f.createdAt(), f.version());
    }

    void updated(Feedback f, List<String> changed) {
        changed(EventType.FEEDBACK_UPDATED, f, new FeedbackUpdated(f.id(), f.source().name(),
                f.externalReference(), f.customerId(), f.productId(), f.title(), f.text(), f.receivedAt(), f.tags(),
                f.owner(), f.status().name(), f.sentiment().score(), f.sentiment().label().value(), f.createdAt(),
                f.updatedAt(), changed, f.version()));
    }

    /**
     * Every status move is a {@code feedback.status-changed}; a move into TRIAGED is also a {@code feedback.triaged}
     * (same version, after it), for consumers that act on triage alone (see the service README, Events).
     */
    void statusChanged(Feedback f, FeedbackStatus from) {
        changed(EventType.FEEDBACK_STATUS_CHANGED, f, new FeedbackStatusChanged(f.id(), f.source().name(),
                f.externalReference(), f.customerId(), f.productId(), f.title(), f.text(), f.receivedAt(), f.tags(),
                f.owner(), f.status().name(), f.sentiment().score(), f.sentiment().label().value(), f.createdAt(),
                from.name(), f.status().name(), f.updatedAt(), f.version()));
        if (f.status() == FeedbackStatus.TRIAGED && from != FeedbackStatus.TRIAGED) {
            triaged(f, from);
        }
    }

    private void triaged(Feedback f, FeedbackStatus from) {
        Customer c = Customer.findById(f.customerId());
        publish(EventType.FEEDBACK_TRIAGED, f, new FeedbackTriaged(f.id(), f.source().name(), f.externalReference(),
                f.productId(), f.customerId(), c.name(), c.tier().name(), Money.toEvent(c.annualRevenue()), f.title(),
                f.text(), f.receivedAt(), f.tags(), f.owner(), f.sentiment().score(), f.sentiment().label().value(),
                from.name(), f.status().name(), f.updatedAt(), f.version()));
    }

    void deleted(Feedback f) {
        publish(EventType.FEEDBACK_DELETED, f, new FeedbackDeleted(f.id(), f.source().name(),
                f.externalReference(), f.customerId(), f.productId(), f.title(), f.text(), f.receivedAt(), f.tags(),
                f.owner(), f.status().name(), f.sentiment().score(), f.sentiment().label().value(), f.createdAt(),
                Now.instant(), f.version() + 1));
    }

    /** A new link ({@code previous} null), an importance change, or a re-send after the item's customer changed. */
    void linked(Feedback f, FeedbackLink l, Importance previous) {
        changed(EventType.FEEDBACK_LINKED, f, new FeedbackLinked(f.id(), l.featureId(), l.productId(),
                f.customerId(), l.importance().name(), previous == null ? null : previous.name(),
                revenueOf(f.customerId()), l.linkedBy(), l.onBehalfOf(), l.updatedAt(), f.version()));
    }

    void unlinked(Feedback f, FeedbackLink l, Instant at, long version) {
        changed(EventType.FEEDBACK_UNLINKED, f, new FeedbackUnlinked(f.id(), l.featureId(), l.productId(),
                f.customerId(), l.importance().name(), revenueOf(f.customerId()), at, version));
    }

    /** Returns the event's ce_id. */
    UUID loopClosed(Customer c, UUID featureId, String featureTitle, UUID productId, UUID releaseId,
                    List<UUID> feedbackIds, Instant releasedAt) {
        EventType type = EventType.FEEDBACK_LOOP_CLOSED;
        return outbox.publish(type.topic(), type.aggregateType(), c.id(), type.type(), new FeedbackLoopClosed(c.id(),
                c.name(), c.contactEmail(), featureId, featureTitle, productId, releaseId, feedbackIds, releasedAt,
                Now.instant()));
    }

    /** The customer's annual revenue now, as events carry money. */
    private static dev.tandem.events.Money revenueOf(UUID customerId) {
        Customer c = customerId == null ? null : Customer.findById(customerId);
        return c == null ? null : Money.toEvent(c.annualRevenue());
    }


    /** The event, and the item's history entry: the fields of its view and the links that changed. */
    private void changed(EventType type, Feedback f, Object payload) {
        publish(type, f, payload);
        List<LinkState> links = FeedbackLink.ofFeedback(f.id()).stream()
                .map(l -> new LinkState(l.featureId(), l.importance())).toList();
        history.record(type.aggregateType(), f.id(), type.type(), new HistoryState(FeedbackView.of(f), links));
    }

    private void publish(EventType type, Feedback f, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), f.id(), type.type(), payload);
    }
}
