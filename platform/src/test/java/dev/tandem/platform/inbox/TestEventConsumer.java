package dev.tandem.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Test-only consumer, wired the way a service wires its own. */
@ApplicationScoped
public class TestEventConsumer {

    public record Counted(String counter, long amount) {
    }

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    private final EventHandlers handlers = EventHandlers.builder()
            .on("dev.tandem.test.counted.v1", Counted.class, (envelope, event) -> add(event))
            .on("dev.tandem.test.failing.v1", Counted.class, (envelope, event) -> {
                add(event);
                throw new IllegalStateException("handler refuses " + event.counter());
            })
            .build();

    @Incoming("test-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, handlers);
    }

    private void add(Counted event) {
        em.createNativeQuery("INSERT INTO test_counter (name, total) VALUES (?1, ?2) "
                        + "ON CONFLICT (name) DO UPDATE SET total = test_counter.total + EXCLUDED.total")
                .setParameter(1, event.counter())
                .setParameter(2, event.amount())
                .executeUpdate();
    }
}
