package dev.tandem.feedback.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.product.FeatureCommitted;
import dev.tandem.events.product.FeatureCreated;
import dev.tandem.events.product.FeatureDeleted;
import dev.tandem.events.product.FeatureRejected;
import dev.tandem.events.product.FeatureReleased;
import dev.tandem.events.product.FeatureStatusChanged;
import dev.tandem.events.product.FeatureUpdated;
import dev.tandem.events.product.ProductCreated;
import dev.tandem.events.product.ProductDeleted;
import dev.tandem.events.product.ProductLifecycleChanged;
import dev.tandem.events.product.ProductUpdated;
import dev.tandem.platform.inbox.EventHandlers;
import dev.tandem.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the catalog (products and features) in step with tandem.product.events, each event applied once through the
 * inbox; an event older than the replica's source version changes nothing. {@code feature.released} also fires
 * {@link CatalogFeatureReleased}, on which feedback-service closes the loop with the customers whose feedback is linked
 * to the feature.
 */
@ApplicationScoped
public class ProductEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Event<CatalogFeatureReleased> released;

    private final EventHandlers handlers = EventHandlers.builder()
            .on(EventType.PRODUCT_CREATED.type(), ProductCreated.class, (envelope, e) ->
                    CatalogProduct.apply(e.productId(), e.key(), e.name(), e.lifecycleStage(), e.version(),
                            envelope.time()))
            .on(EventType.PRODUCT_UPDATED.type(), ProductUpdated.class, (envelope, e) ->
                    CatalogProduct.apply(e.productId(), e.key(), e.name(), e.lifecycleStage(), e.version(),
                            envelope.time()))
            .on(EventType.PRODUCT_LIFECYCLE_CHANGED.type(), ProductLifecycleChanged.class, (envelope, e) ->
                    CatalogProduct.apply(e.productId(), e.key(), e.name(), e.lifecycleStage(), e.version(),
                            envelope.time()))
            .on(EventType.PRODUCT_DELETED.type(), ProductDeleted.class, (envelope, e) ->
                    CatalogProduct.apply(e.productId(), e.key(), e.name(), e.lifecycleStage(), e.version(),
                            envelope.time(), deletedAt(e.deletedAt(), envelope.time())))
            .on(EventType.FEATURE_CREATED.type(), FeatureCreated.class, (envelope, e) ->
                    CatalogFeature.apply(e.featureId(), e.productId(), e.title(), e.status(), e.version(),
                            envelope.time(), null))
            .on(EventType.FEATURE_UPDATED.type(), FeatureUpdated.class, (envelope, e) ->
                    CatalogFeature.apply(e.featureId(), e.productId(), e.title(), e.status(), e.version(),
                            envelope.time(), null))
            .on(EventType.FEATURE_STATUS_CHANGED.type(), FeatureStatusChanged.class, (envelope, e) ->
                    CatalogFeature.apply(e.featureId(), e.productId(), e.title(), e.status(), e.version(),
                            envelope.time(), null))
            // committed.v1 carries no status field: the status it announces is COMMITTED.
            .on(EventType.FEATURE_COMMITTED.type(), FeatureCommitted.class, (envelope, e) ->
                    CatalogFeature.apply(e.featureId(), e.productId(), e.title(), "COMMITTED", e.version(),
                            envelope.time(), null))
            .on(EventType.FEATURE_REJECTED.type(), FeatureRejected.class, (envelope, e) ->
                    CatalogFeature.apply(e.featureId(), e.productId(), e.title(),
                            e.status() != null ? e.status() : "REJECTED", e.version(), envelope.time(), null))
            // released.v1: the replica's status becomes RELEASED, and the loop is closed with the customers who asked.
            .on(EventType.FEATURE_RELEASED.type(), FeatureReleased.class, (envelope, e) -> {
                CatalogFeature.apply(e.featureId(), e.productId(), e.title(), "RELEASED", e.version(),
                        envelope.time(), null);
                released.fire(new CatalogFeatureReleased(e.featureId(), e.productId(), e.title(), e.releaseId(),
                        e.releaseName(), e.releasedAt() != null ? e.releasedAt() : envelope.time()));
            })
            .on(EventType.FEATURE_DELETED.type(), FeatureDeleted.class, (envelope, e) ->
                    CatalogFeature.apply(e.featureId(), e.productId(), e.title(), e.status(), e.version(),
                            envelope.time(), deletedAt(e.deletedAt(), envelope.time())))
            .build();

    /** The deletion time the event names (else its envelope time), at PostgreSQL's microsecond precision. */
    private static Instant deletedAt(Instant named, Instant eventTime) {
        return (named != null ? named : eventTime).truncatedTo(ChronoUnit.MICROS);
    }

    @Incoming("product-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.process(batch, handlers);
    }
}
