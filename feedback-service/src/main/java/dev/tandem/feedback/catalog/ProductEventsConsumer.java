package dev.tandem.feedback.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.product.ProductCreated;
import dev.tandem.platform.inbox.EventHandlers;
import dev.tandem.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the catalog in step with tandem.product.events, each event applied once through the inbox. */
@ApplicationScoped
public class ProductEventsConsumer {

    @Inject
    Inbox inbox;

    private final EventHandlers handlers = EventHandlers.builder()
            .on(EventType.PRODUCT_CREATED.type(), ProductCreated.class, (envelope, e) ->
                    CatalogProduct.apply(e.productId(), e.key(), e.name(), e.lifecycleStage(), e.version(),
                            envelope.time()))
            .build();

    @Incoming("product-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, handlers);
    }
}
