package dev.tandem.project.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.project.TaskCreated;
import dev.tandem.events.project.TaskStatusChanged;
import dev.tandem.events.project.TaskUpdated;
import dev.tandem.platform.history.History;
import dev.tandem.platform.outbox.Outbox;

/**
 * Turns task changes into outbox events and history entries (same transaction as the change). Call after a flush.
 */
@ApplicationScoped
public class TaskEvents {

    @Inject
    Outbox outbox;

    @Inject
    History history;

    public void created(Task t) {
        EventType type = EventType.TASK_CREATED;
        outbox.publish(type.topic(), type.aggregateType(), t.id(), type.type(),
                new TaskCreated(t.id(), t.projectId(), t.title(), t.estimateHours(),
                        t.remainingHours(), t.assignee(), t.status().name(), t.blockedReason(), t.plannedStart(),
                        t.plannedEnd(), t.milestoneId(), t.dependsOn(), t.createdAt(), t.version()));
        history.recordCreated(type.aggregateType(), t.id(), type.type(), TaskView.of(t, null));
    }

    public void updated(Task t) {
        publish(EventType.TASK_UPDATED, t, new TaskUpdated(t.id(), t.projectId(), t.title(), t.estimateHours(),
                t.remainingHours(), t.assignee(), t.status().name(), t.blockedReason(), t.plannedStart(),
                t.plannedEnd(), t.milestoneId(), t.dependsOn(), t.updatedAt(), t.version()));
    }

    public void statusChanged(Task t, TaskStatus from, String reason) {
        publish(EventType.TASK_STATUS_CHANGED, t, new TaskStatusChanged(t.id(), t.projectId(), t.title(),
                from.name(), t.status().name(), reason, t.remainingHours(), t.updatedAt(), t.version()));
    }

    /**
     * The event, and the task's history entry: the fields of its view that changed (not the baseline estimate, which
     * the project's approval sets).
     */
    private void publish(EventType type, Task t, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), t.id(), type.type(), payload);
        history.record(type.aggregateType(), t.id(), type.type(), TaskView.of(t, null));
    }
}
