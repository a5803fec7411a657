package dev.tandem.project.project;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.product.FeatureCommitted;
import dev.tandem.platform.inbox.EventHandlers;
import dev.tandem.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
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
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.process(batch, handlers);
    }
}
