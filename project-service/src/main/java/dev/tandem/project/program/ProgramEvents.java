package dev.tandem.project.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.project.ProgramCreated;
import dev.tandem.events.project.ProgramUpdated;
import dev.tandem.platform.outbox.Outbox;

/** Turns program changes into outbox events (same transaction as the change). */
@ApplicationScoped
public class ProgramEvents {

    @Inject
    Outbox outbox;

    public void created(Program p) {
        publish(EventType.PROGRAM_CREATED, p, new ProgramCreated(p.id(), p.key(), p.name(), p.description(),
                p.owner(), p.createdAt(), p.version()));
    }

    public void updated(Program p) {
        publish(EventType.PROGRAM_UPDATED, p, new ProgramUpdated(p.id(), p.key(), p.name(), p.description(),
                p.owner(), p.updatedAt(), p.version()));
    }

    private void publish(EventType type, Program p, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), p.id(), type.type(), payload);
    }
}
