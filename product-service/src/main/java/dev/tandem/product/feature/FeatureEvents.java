package dev.tandem.product.feature;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.product.FeatureCommitted;
import dev.tandem.events.product.FeatureCreated;
import dev.tandem.events.product.FeatureDeleted;
import dev.tandem.events.product.FeatureRejected;
import dev.tandem.events.product.FeatureReleased;
import dev.tandem.events.product.FeatureStatusChanged;
import dev.tandem.events.product.FeatureUpdated;
import dev.tandem.platform.history.History;
import dev.tandem.platform.outbox.Outbox;

/** Turns feature changes into outbox events and history entries (same transaction as the change). */
@ApplicationScoped
public class FeatureEvents {

    @Inject
    ReleaseDates releases;

    @Inject
    Outbox outbox;

    @Inject
    History history;

    public void created(Feature f) {
        publish(EventType.FEATURE_CREATED, f, new FeatureCreated(f.id(), f.productId(), f.title(), f.problem(),
                f.status().name(), f.reach(), f.impact(), f.confidence(), f.effort(), f.score(), f.rejectionReason(),
                f.objectiveId(), f.createdAt(), f.updatedAt(), f.version()));
        history.recordCreated(EventType.FEATURE_CREATED.aggregateType(), f.id(), EventType.FEATURE_CREATED.type(),
                FeatureView.of(f, null, List.of()));
    }

    public void updated(Feature f) {
        changed(EventType.FEATURE_UPDATED, f, new FeatureUpdated(f.id(), f.productId(), f.title(), f.problem(),
                f.status().name(), f.reach(), f.impact(), f.confidence(), f.effort(), f.score(), f.rejectionReason(),
                f.releaseId(), f.objectiveId(), f.atRisk(), f.createdAt(), f.updatedAt(), f.version()));
    }

    /** status-changed always; also committed (→ COMMITTED) or rejected (→ REJECTED). */
    public void statusChanged(Feature f, Feature.StatusChange c) {
        changed(EventType.FEATURE_STATUS_CHANGED, f, new FeatureStatusChanged(f.id(), f.productId(), f.title(),
                f.problem(), f.status().name(), f.reach(), f.impact(), f.confidence(), f.effort(), f.score(),
                f.rejectionReason(), f.releaseId(), f.objectiveId(), f.atRisk(), f.createdAt(), f.updatedAt(),
                c.from().name(), c.to().name(), c.reason(), c.at(), f.version()));
        if (c.to() == FeatureStatus.COMMITTED) {
            publish(EventType.FEATURE_COMMITTED, f, new FeatureCommitted(f.id(), f.productId(), f.title(),
                    f.problem(), f.effort(), releases.targetDate(f.releaseId()), c.at(), f.version()));
        } else if (c.to() == FeatureStatus.REJECTED) {
            publish(EventType.FEATURE_REJECTED, f, new FeatureRejected(f.id(), f.productId(), f.title(), f.problem(),
                    f.status().name(), f.reach(), f.impact(), f.confidence(), f.effort(), f.score(),
                    f.rejectionReason(), f.releaseId(), f.objectiveId(), f.atRisk(), f.createdAt(), f.updatedAt(),
                    c.reason(), c.at(), f.version()));
        }
    }

    /** feature.released, after the status change to RELEASED. */
    public void released(Feature f, UUID releaseId, String releaseName, Instant releasedAt) {
        publish(EventType.FEATURE_RELEASED, f, new FeatureReleased(f.id(), f.productId(), f.title(), releaseId,
                releaseName, releasedAt, f.version()));
    }

    public void deleted(Feature f, Instant deletedAt) {
        publish(EventType.FEATURE_DELETED, f, new FeatureDeleted(f.id(), f.productId(), f.title(), f.problem(),
                f.status().name(), f.reach(), f.impact(), f.confidence(), f.effort(), f.score(), f.rejectionReason(),
                f.releaseId(), f.objectiveId(), f.atRisk(), f.createdAt(), f.updatedAt(), deletedAt, f.version()));
    }

    /**
     * The event, and the feature's history entry: the fields of its view that changed. Demand and risks are left out
     * of the compared state: they are other services' data, changed by their events without a change of the feature.
     */
    private void changed(EventType type, Feature f, Object payload) {
        publish(type, f, payload);
        history.record(type.aggregateType(), f.id(), type.type(), FeatureView.of(f, null, List.of()));
    }

    private void publish(EventType type, Feature f, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), f.id(), type.type(), payload);
    }
}
