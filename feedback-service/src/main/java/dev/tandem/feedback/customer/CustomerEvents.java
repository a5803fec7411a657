package dev.tandem.feedback.customer;

import dev.tandem.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.feedback.CustomerCreated;
import dev.tandem.events.feedback.CustomerUpdated;
import dev.tandem.platform.history.History;
import dev.tandem.platform.outbox.Outbox;

/** Turns customer changes into outbox events and history entries (same transaction as the change). */
@ApplicationScoped
class CustomerEvents {

    @Inject
    Outbox outbox;

    @Inject
    History history;

    void created(Customer c) {
        EventType type = EventType.CUSTOMER_CREATED;
        outbox.publish(type.topic(), type.aggregateType(), c.id(), type.type(),
                new CustomerCreated(c.id(), c.externalCrmId(), c.name(), c.segment(), c.tier().name(),
                        Money.toEvent(c.annualRevenue()), c.contactEmail(), c.createdAt(), c.version()));
        history.recordCreated(type.aggregateType(), c.id(), type.type(), CustomerView.of(c));
    }

    void updated(Customer c, Customer.Changes changes) {
        EventType type = EventType.CUSTOMER_UPDATED;
        outbox.publish(type.topic(), type.aggregateType(), c.id(), type.type(),
                new CustomerUpdated(c.id(), c.externalCrmId(), c.name(), c.segment(), c.tier().name(),
                        Money.toEvent(c.annualRevenue()), c.contactEmail(), c.createdAt(), c.updatedAt(),
                        changes.fields(), changes.revenueChanged(), Money.toEvent(changes.previousRevenue()),
                        c.version()));
        history.record(type.aggregateType(), c.id(), type.type(), CustomerView.of(c));
    }

}
