package dev.tandem.project.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.project.MilestoneCreated;
import dev.tandem.events.project.MilestoneReached;
import dev.tandem.events.project.MilestoneUpdated;
import dev.tandem.platform.outbox.Outbox;
import dev.tandem.project.project.Project;

/** Turns milestone changes into outbox events (same transaction as the change). Call after a flush. */
@ApplicationScoped
public class MilestoneEvents {

    @Inject
    Outbox outbox;

    public void created(Milestone m, Project p) {
        EventType type = EventType.MILESTONE_CREATED;
        outbox.publish(type.topic(), type.aggregateType(), m.id(), type.type(), new MilestoneCreated(m.id(),
                m.projectId(), p.productId(), p.featureIds(), m.name(), m.dueDate(), m.createdAt(), m.version()));
    }

    public void updated(Milestone m, Project p) {
        EventType type = EventType.MILESTONE_UPDATED;
        outbox.publish(type.topic(), type.aggregateType(), m.id(), type.type(), new MilestoneUpdated(m.id(),
                m.projectId(), p.productId(), p.featureIds(), m.name(), m.dueDate(), m.updatedAt(), m.version()));
    }

    public void reached(Milestone m, Project p) {
        EventType type = EventType.MILESTONE_REACHED;
        outbox.publish(type.topic(), type.aggregateType(), m.id(), type.type(), new MilestoneReached(m.id(),
                m.projectId(), p.productId(), p.featureIds(), m.name(), m.dueDate(), m.reachedAt(), m.isLate(),
                m.version()));
    }
}
