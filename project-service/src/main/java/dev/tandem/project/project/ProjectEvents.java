package dev.tandem.project.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.project.ProjectCreated;
import dev.tandem.events.project.ProjectStatusChanged;
import dev.tandem.events.project.ProjectUpdated;
import dev.tandem.platform.history.History;
import dev.tandem.platform.outbox.Outbox;
import dev.tandem.platform.money.Money;

/**
 * Turns project changes into outbox events and history entries (same transaction as the change). Call after a
 * flush.
 */
@ApplicationScoped
public class ProjectEvents {

    @Inject
    Outbox outbox;

    @Inject
    History history;

    public void created(Project p) {
        EventType type = EventType.PROJECT_CREATED;
        outbox.publish(type.topic(), type.aggregateType(), p.id(), type.type(),
                new ProjectCreated(p.id(), p.key(), p.name(), p.programId(), p.productId(), p.featureIds(),
                        p.manager(), p.scope(), Money.toEvent(p.budget()), p.plannedStart(), p.plannedEnd(),
                        p.status().name(), p.initialEstimatePersonMonths(), p.createdAt(), p.version()));
        history.recordCreated(type.aggregateType(), p.id(), type.type(), ProjectView.of(p));
    }

    public void updated(Project p) {
        publish(EventType.PROJECT_UPDATED, p, new ProjectUpdated(p.id(), p.key(), p.name(), p.programId(),
                p.productId(), p.featureIds(), p.manager(), p.scope(), Money.toEvent(p.budget()), p.plannedStart(),
                p.plannedEnd(), p.status().name(), p.initialEstimatePersonMonths(), p.updatedAt(), p.version()));
    }

    public void statusChanged(Project p, ProjectStatus from) {
        Project.Baseline b = p.baseline();
        publish(EventType.PROJECT_STATUS_CHANGED, p, new ProjectStatusChanged(p.id(), p.key(), p.name(),
                p.productId(), p.featureIds(), from.name(), p.status().name(), p.statusReason(),
                b == null ? null : new ProjectStatusChanged.Baseline(Money.toEvent(b.budget()), b.plannedStart(),
                        b.plannedEnd(), b.takenAt()),
                p.updatedAt(), p.version()));
    }


    /** The event, and the project's history entry: the fields of its view that changed. */
    private void publish(EventType type, Project p, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), p.id(), type.type(), payload);
        history.record(type.aggregateType(), p.id(), type.type(), ProjectView.of(p));
    }
}
