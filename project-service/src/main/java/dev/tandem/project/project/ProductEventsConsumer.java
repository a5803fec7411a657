package dev.tandem.project.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.product.FeatureCommitted;
import dev.tandem.platform.inbox.EventHandlers;
import dev.tandem.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads tandem.product.events through the inbox: a committed feature gets a proposed project. */
@ApplicationScoped
public class ProductEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    FeatureProposals proposals;

    private EventHandlers handlers;

    @jakarta.annotation.PostConstruct
    void init() {
        handlers = EventHandlers.builder()
                .on(EventType.FEATURE_COMMITTED.type(), FeatureCommitted.class,
                        (envelope, e) -> proposals.featureCommitted(e))
                .build();
    }

    @Incoming("product-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, handlers);
    }
}
