package dev.tandem.platform.inbox;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Test-only consumer, wired the way a service wires its own. */
@ApplicationScoped
public class TestEventConsumer {

    public record Counted(String counter, long amount) {
    }

    /** Order-sensitive: each event appends its marker to the log of {@code name}. */
    public record Appended(String name, String marker) {
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
            .on("dev.tandem.test.appended.v1", Appended.class, (envelope, event) -> append(event))
            .build();

    @Incoming("test-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.process(batch, handlers);
    }

    private void append(Appended event) {
        em.createNativeQuery("INSERT INTO test_log (name, marker) VALUES (?1, ?2)")
                .setParameter(1, event.name())
                .setParameter(2, event.marker())
                .executeUpdate();
    }

    private void add(Counted event) {
        em.createNativeQuery("INSERT INTO test_counter (name, total) VALUES (?1, ?2) "
                        + "ON CONFLICT (name) DO UPDATE SET total = test_counter.total + EXCLUDED.total")
                .setParameter(1, event.counter())
                .setParameter(2, event.amount())
                .executeUpdate();
    }
}
