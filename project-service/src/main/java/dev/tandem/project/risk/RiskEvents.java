package dev.tandem.project.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.project.RiskCreated;
import dev.tandem.events.project.RiskUpdated;
import dev.tandem.platform.history.History;
import dev.tandem.platform.outbox.Outbox;

/** Turns risk changes into outbox events and history entries (same transaction as the change). Call after a flush. */
@ApplicationScoped
public class RiskEvents {

    @Inject
    Outbox outbox;

    @Inject
    History history;

    public void created(Risk r) {
        EventType type = EventType.RISK_CREATED;
        outbox.publish(type.topic(), type.aggregateType(), r.id(), type.type(), new RiskCreated(r.id(), r.projectId(),
                r.title(), r.probability(), r.impact(), r.exposure(), r.mitigation(), r.owner(), r.status().name(),
                r.createdAt(), r.version()));
        history.recordCreated(type.aggregateType(), r.id(), type.type(), RiskView.of(r));
    }

    public void updated(Risk r) {
        EventType type = EventType.RISK_UPDATED;
        outbox.publish(type.topic(), type.aggregateType(), r.id(), type.type(), new RiskUpdated(r.id(), r.projectId(),
                r.title(), r.probability(), r.impact(), r.exposure(), r.mitigation(), r.owner(), r.status().name(),
                r.updatedAt(), r.version()));
        history.record(type.aggregateType(), r.id(), type.type(), RiskView.of(r));
    }
}
