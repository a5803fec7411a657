package dev.tandem.product.demand;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.feedback.CustomerCreated;
import dev.tandem.events.feedback.CustomerUpdated;
import dev.tandem.events.feedback.FeedbackDeleted;
import dev.tandem.events.feedback.FeedbackLinked;
import dev.tandem.events.feedback.FeedbackReceived;
import dev.tandem.events.feedback.FeedbackUnlinked;
import dev.tandem.events.feedback.FeedbackUpdated;
import dev.tandem.platform.inbox.EventHandlers;
import dev.tandem.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads tandem.feedback.events through the inbox into the customer, feedback and link replicas. */
@ApplicationScoped
public class FeedbackEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    FeedbackReplicas replicas;

    private EventHandlers handlers;

    @PostConstruct
    void init() {
        handlers = EventHandlers.builder()
                .on(EventType.CUSTOMER_CREATED.type(), CustomerCreated.class,
                        (envelope, e) -> replicas.customer(e.customerId(), e.annualRevenue(), e.version()))
                .on(EventType.CUSTOMER_UPDATED.type(), CustomerUpdated.class,
                        (envelope, e) -> replicas.customer(e.customerId(), e.annualRevenue(), e.version()))
                // one upsert per run of new items (an import upstream sends thousands in a row)
                .onRuns(EventType.FEEDBACK_RECEIVED.type(), FeedbackReceived.class,
                        events -> replicas.feedbackAll(events.stream().map(e -> new FeedbackReplicas.FeedbackItem(
                                e.feedbackId(), e.productId(), e.customerId(), e.version())).toList()))
                .on(EventType.FEEDBACK_UPDATED.type(), FeedbackUpdated.class,
                        (envelope, e) -> replicas.feedback(e.feedbackId(), e.productId(), e.customerId(), e.version()))
                .on(EventType.FEEDBACK_DELETED.type(), FeedbackDeleted.class,
                        (envelope, e) -> replicas.feedbackDeleted(e.feedbackId()))
                .on(EventType.FEEDBACK_LINKED.type(), FeedbackLinked.class, (envelope, e) -> replicas.linked(e))
                .on(EventType.FEEDBACK_UNLINKED.type(), FeedbackUnlinked.class, (envelope, e) -> replicas.unlinked(e))
                .build();
    }

    @Incoming("feedback-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.process(batch, handlers);
    }
}
