package dev.tandem.product.release;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.product.ReleaseCreated;
import dev.tandem.events.product.ReleaseReleased;
import dev.tandem.events.product.ReleaseUpdated;
import dev.tandem.platform.history.History;
import dev.tandem.platform.outbox.Outbox;

/** Turns release changes into outbox events and history entries (same transaction as the change). */
@ApplicationScoped
public class ReleaseEvents {

    @Inject
    Outbox outbox;

    @Inject
    History history;

    public void created(Release r) {
        EventType type = EventType.RELEASE_CREATED;
        outbox.publish(type.topic(), type.aggregateType(), r.id(), type.type(),
                new ReleaseCreated(r.id(), r.productId(), r.name(), r.description(),
                        r.targetDate(), r.status().name(), r.createdAt(), r.version()));
        history.recordCreated(type.aggregateType(), r.id(), type.type(), ReleaseView.of(r));
    }

    public void updated(Release r) {
        publish(EventType.RELEASE_UPDATED, r, new ReleaseUpdated(r.id(), r.productId(), r.name(), r.description(),
                r.targetDate(), r.status().name(), r.createdAt(), r.updatedAt(), r.version()));
    }

    public void released(Release r, List<UUID> releasedFeatures, List<UUID> movedOut) {
        publish(EventType.RELEASE_RELEASED, r, new ReleaseReleased(r.id(), r.productId(), r.name(), r.targetDate(),
                r.status().name(), releasedFeatures, movedOut, r.releasedAt(), r.version()));
    }

    /** The event, and the release's history entry: the fields of its view that changed. */
    private void publish(EventType type, Release r, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), r.id(), type.type(), payload);
        history.record(type.aggregateType(), r.id(), type.type(), ReleaseView.of(r));
    }
}
