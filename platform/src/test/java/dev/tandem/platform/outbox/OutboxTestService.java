package dev.tandem.platform.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Test-only caller of the outbox, standing in for a service's application code. */
@ApplicationScoped
public class OutboxTestService {

    @Inject
    Outbox outbox;

    @Transactional
    public UUID publish(String topic, String aggregateId, String marker) {
        return outbox.publish(topic, "widget", aggregateId, "dev.tandem.test.widget-changed.v1",
                Map.of("widgetId", aggregateId, "marker", marker));
    }

    /** One widget-changed event per (aggregate id, marker), appended together in one transaction. */
    @Transactional
    public List<UUID> publishAll(String topic, List<List<String>> aggregateIdAndMarker) {
        return outbox.publishAll(aggregateIdAndMarker.stream().map(e -> new Outbox.Event(topic, "widget", e.get(0),
                "dev.tandem.test.widget-changed.v1", Map.of("widgetId", e.get(0), "marker", e.get(1)))).toList());
    }

    @Transactional
    public void publishThenFail(String topic, String aggregateId, String marker) {
        outbox.publish(topic, "widget", aggregateId, "dev.tandem.test.widget-changed.v1",
                Map.of("widgetId", aggregateId, "marker", marker));
        throw new IllegalStateException("the change fails after its event was written");
    }
}
