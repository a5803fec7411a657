package dev.tandem.product.product;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.product.ProductCreated;
import dev.tandem.events.product.ProductDeleted;
import dev.tandem.events.product.ProductLifecycleChanged;
import dev.tandem.events.product.ProductPivoted;
import dev.tandem.events.product.ProductUpdated;
import dev.tandem.platform.history.History;
import dev.tandem.platform.outbox.Outbox;

/** Turns product changes into outbox events and history entries (same transaction as the change). */
@ApplicationScoped
public class ProductEvents {

    @Inject
    Outbox outbox;

    @Inject
    History history;

    public void created(Product p) {
        publish(EventType.PRODUCT_CREATED, p,
                new ProductCreated(p.id(), p.key(), p.name(), p.vision(), p.targetSegments(),
                        p.lifecycleStage().name(), p.owner(), p.createdAt(), p.version()));
        history.recordCreated(EventType.PRODUCT_CREATED.aggregateType(), p.id(), EventType.PRODUCT_CREATED.type(),
                ProductView.of(p));
    }

    public void updated(Product p) {
        changed(EventType.PRODUCT_UPDATED, p,
                new ProductUpdated(p.id(), p.key(), p.name(), p.vision(), p.targetSegments(),
                        p.lifecycleStage().name(), p.owner(), p.createdAt(), p.updatedAt(), p.version()));
    }

    public void lifecycleChanged(Product p, LifecycleChange c) {
        changed(EventType.PRODUCT_LIFECYCLE_CHANGED, p,
                new ProductLifecycleChanged(p.id(), p.key(), p.name(), p.vision(), p.targetSegments(),
                        p.lifecycleStage().name(), p.owner(), p.createdAt(), p.updatedAt(), c.from().name(),
                        c.to().name(), c.reason(), c.changedBy(), c.onBehalfOf(), c.changedAt(), p.version()));
    }

    public void pivoted(Product p, Pivot pivot, PivotView view) {
        changed(EventType.PRODUCT_PIVOTED, p, new ProductPivoted(p.id(), p.key(), p.name(), pivot.id(),
                new ProductPivoted.Direction(view.before().vision(), view.before().targetSegments()),
                new ProductPivoted.Direction(view.after().vision(), view.after().targetSegments()),
                view.rationale(), view.evidence().stream().map(e -> new ProductPivoted.Evidence(e.type().name(),
                        e.feedbackId(), e.measurementId())).toList(), view.pivotedBy(), view.onBehalfOf(),
                view.pivotedAt(), p.version()));
    }

    public void deleted(Product p, Instant deletedAt) {
        // no history entry: the record is gone (its history rows stay in the table)
        publish(EventType.PRODUCT_DELETED, p,
                new ProductDeleted(p.id(), p.key(), p.name(), p.vision(), p.targetSegments(),
                        p.lifecycleStage().name(), p.owner(), p.createdAt(), p.updatedAt(), deletedAt, p.version()));
    }

    /** The event, and the product's history entry: the fields of its view that changed. */
    private void changed(EventType type, Product p, Object payload) {
        publish(type, p, payload);
        history.record(type.aggregateType(), p.id(), type.type(), ProductView.of(p));
    }

    private void publish(EventType type, Product p, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), p.id(), type.type(), payload);
    }
}
