package dev.tandem.product.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.product.ProductCreated;
import dev.tandem.platform.outbox.Outbox;

/** Turns product changes into outbox events (same transaction as the change). */
@ApplicationScoped
class ProductEvents {

    @Inject
    Outbox outbox;

    void created(Product p) {
        EventType type = EventType.PRODUCT_CREATED;
        outbox.publish(type.topic(), type.aggregateType(), p.id(), type.type(),
                new ProductCreated(p.id(), p.key(), p.name(), p.vision(), p.targetSegments(),
                        p.lifecycleStage().name(), p.owner(), p.createdAt(), p.version()));
    }
}
