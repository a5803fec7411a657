package dev.tandem.product.objective;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.product.KeyResultMeasured;
import dev.tandem.events.product.KeyResultState;
import dev.tandem.events.product.ObjectiveCreated;
import dev.tandem.events.product.ObjectiveUpdated;
import dev.tandem.platform.history.History;
import dev.tandem.platform.outbox.Outbox;

/**
 * Turns objective changes into outbox events and history entries (same transaction as the change); key = objective
 * id.
 */
@ApplicationScoped
public class ObjectiveEvents {

    @Inject
    Outbox outbox;

    @Inject
    History history;

    public void created(Objective o) {
        EventType type = EventType.OBJECTIVE_CREATED;
        outbox.publish(type.topic(), type.aggregateType(), o.id(), type.type(),
                new ObjectiveCreated(o.id(), o.productId(), o.title(), o.description(), o.period(), keyResults(o),
                        o.progress(), o.createdAt(), o.updatedAt(), o.version()));
        history.recordCreated(type.aggregateType(), o.id(), type.type(), ObjectiveView.of(o));
    }

    public void updated(Objective o) {
        publish(EventType.OBJECTIVE_UPDATED, o, new ObjectiveUpdated(o.id(), o.productId(), o.title(),
                o.description(), o.period(), keyResults(o), o.progress(), o.createdAt(), o.updatedAt(), o.version()));
    }

    public void measured(Objective o, KeyResult k, Measurement m) {
        publish(EventType.KEY_RESULT_MEASURED, o, new KeyResultMeasured(o.id(), k.id(), o.productId(), k.metric(),
                m.value(), m.measuredAt(), m.source(), k.current(), k.progress(), o.progress(), o.version()));
    }

    private static List<KeyResultState> keyResults(Objective o) {
        return o.keyResults().stream().map(k -> new KeyResultState(k.id(), k.metric(), k.unit(), k.baseline(),
                k.target(), k.direction().name(), k.current(), k.currentMeasuredAt(), k.progress())).toList();
    }

    /** The event, and the objective's history entry: the fields of its view that changed (key results included). */
    private void publish(EventType type, Objective o, Object payload) {
        outbox.publish(type.topic(), type.aggregateType(), o.id(), type.type(), payload);
        history.record(type.aggregateType(), o.id(), type.type(), ObjectiveView.of(o));
    }
}
