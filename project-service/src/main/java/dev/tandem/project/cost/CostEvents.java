package dev.tandem.project.cost;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.project.ExpenseRecorded;
import dev.tandem.events.project.MemberAdded;
import dev.tandem.events.project.MemberUpdated;
import dev.tandem.events.project.TimeRecorded;
import dev.tandem.platform.money.Money;
import dev.tandem.platform.outbox.Outbox;

/** Turns member, time and expense changes into outbox events (same transaction as the change). Call after a flush. */
@ApplicationScoped
public class CostEvents {

    @Inject
    Outbox outbox;

    public void memberAdded(Member m) {
        publish(EventType.MEMBER_ADDED, m.id(), new MemberAdded(m.id(), m.projectId(), m.personId(), m.role(),
                m.allocationPercent(), Money.toEvent(m.hourlyRate()), m.createdAt(), m.version()));
    }

    public void memberUpdated(Member m) {
        publish(EventType.MEMBER_UPDATED, m.id(), new MemberUpdated(m.id(), m.projectId(), m.personId(), m.role(),
                m.allocationPercent(), Money.toEvent(m.hourlyRate()), m.updatedAt(), m.version()));
    }

    public void timeRecorded(TimeEntry e) {
        publish(EventType.TIME_RECORDED, e.id(), new TimeRecorded(e.id(), e.projectId(), e.personId(), e.taskId(),
                e.date(), e.hours(), Money.toEvent(e.cost()), e.createdAt()));
    }

    public void expenseRecorded(ExpenseEntry e) {
        publish(EventType.EXPENSE_RECORDED, e.id(), new ExpenseRecorded(e.id(), e.projectId(),
                Money.toEvent(e.amount()), e.category(), e.date(), e.description(), e.createdAt()));
    }


    private void publish(EventType type, Object id, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), id, type.type(), payload);
    }
}
