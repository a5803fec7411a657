package dev.tandem.platform.inbox;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.tandem.platform.outbox.Outbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Test-only consumer, wired the way a service wires its own. */
@ApplicationScoped
public class TestEventConsumer {

    public record Counted(String counter, long amount) {
    }

    /** Order-sensitive: each event appends its marker to the log of {@code name}. */
    public record Appended(String name, String marker) {
    }

    /** Tracing: its handler logs, notes the trace id its log lines carry and publishes a reaction. */
    public record Traced(String marker) {
    }

    /** Where the reactions to traced events go. */
    public static final String REACTIONS_TOPIC = "test.traced.reactions";

    private static final Logger LOG = Logger.getLogger(TestEventConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    private final EventHandlers handlers = EventHandlers.builder()
            .on("dev.tandem.test.counted.v1", Counted.class, (envelope, event) -> add(event))
            .on("dev.tandem.test.failing.v1", Counted.class, (envelope, event) -> {
                add(event);
                throw new IllegalStateException("handler refuses " + event.counter());
            })
            .on("dev.tandem.test.appended.v1", Appended.class, (envelope, event) -> append(event))
            .on("dev.tandem.test.traced.v1", Traced.class, (envelope, event) -> react(event))
            .onRuns("dev.tandem.test.appended-in-runs.v1", Appended.class, this::appendRun)
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

    /** Appends a run's markers in order, then the run's size to the log of {@code <name>-runs}. */
    private void appendRun(java.util.List<Appended> run) {
        run.forEach(this::append);
        append(new Appended(run.get(0).name() + "-runs", String.valueOf(run.size())));
    }

    /** Logs, records the trace id of the log line's MDC (test_log traced:marker) and publishes a reaction. */
    private void react(Traced event) {
        LOG.infof("traced event %s processed", event.marker());
        Object traceId = MDC.get("traceId");
        append(new Appended("traced:" + event.marker(), traceId == null ? "none" : traceId.toString()));
        outbox.publish(REACTIONS_TOPIC, "traced", event.marker(), "dev.tandem.test.traced-reaction.v1",
                java.util.Map.of("marker", event.marker()));
    }

    private void add(Counted event) {
        em.createNativeQuery("INSERT INTO test_counter (name, total) VALUES (?1, ?2) "
                        + "ON CONFLICT (name) DO UPDATE SET total = test_counter.total + EXCLUDED.total")
                .setParameter(1, event.counter())
                .setParameter(2, event.amount())
                .executeUpdate();
    }
}
