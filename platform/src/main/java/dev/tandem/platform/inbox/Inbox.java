package dev.tandem.platform.inbox;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.events.EventEnvelope;
import dev.tandem.platform.events.EventEnvelope.MalformedEventException;
import dev.tandem.platform.telemetry.EventSpans;
import dev.tandem.platform.telemetry.TraceContext;
import dev.tandem.platform.time.Now;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Processes each received event at most once in effect: the event's id is stored in {@code inbox_event} in the same
 * transaction as the handler's changes, so a redelivered event finds its id and changes nothing.
 *
 * <p>Consumers hand over what one poll returned ({@link #process(KafkaRecordBatch, EventHandlers)}):
 * <ul>
 *   <li>an event type without a handler is skipped and counted ({@code tandem.inbox.skipped}) from its
 *       {@code ce_type} header alone — no payload decoding, no transaction — never fatal: producers may add types
 *       before consumers know them;</li>
 *   <li>the events it does handle are applied in record order (so each aggregate's order holds), all in one
 *       transaction with one statement for their inbox rows;</li>
 *   <li>if that transaction fails, the batch is applied again record by record, each in its own transaction; a
 *       record whose handler keeps throwing is retried with backoff and after {@code tandem.inbox.max-attempts}
 *       goes to the channel's dead-letter topic ({@code <topic>.<group>.dlq}) with the error in its headers, while the
 *       others are applied;</li>
 *   <li>a record that can never succeed (missing CloudEvents headers, unreadable payload) is dead-lettered at
 *       once.</li>
 * </ul>
 * The batch's offsets are committed only after all of that.
 *
 * <p>Tracing: each handled event gets a CONSUMER span ({@link EventSpans#startProcess}), a child of the context its
 * record carries ({@code traceparent}: the producer's send span), current while its handler runs, so the handler's
 * log lines carry the trace id and the events it publishes continue the trace. The spans of one transaction end when
 * it commits or fails; an attempt that failed ends them as failed, and the next attempt has spans of its own. Skipped
 * types get no span.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** One line per event processed (DEBUG), with its trace id. */
    private static final Logger EVENTS = Logger.getLogger(EventSpans.TRAIL_CATEGORY);

    /** All rows of a batch in one statement; returns the ones that were new (a duplicate returns nothing). */
    private static final String RECORD = """
            INSERT INTO inbox_event (source, event_id, event_type, subject, topic, kafka_partition, kafka_offset)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::bigint[])
            ON CONFLICT (source, event_id) DO NOTHING
            RETURNING source, event_id""";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper apiJson;

    /** Consumers ignore fields they do not know: producers may add fields without a new event version. */
    private ObjectMapper json;

    @Inject
    MeterRegistry meters;

    @Inject
    OpenTelemetry openTelemetry;

    private EventSpans spans;

    @ConfigProperty(name = "tandem.inbox.max-attempts", defaultValue = "5")
    int maxAttempts;

    @ConfigProperty(name = "tandem.inbox.backoff", defaultValue = "PT0.2S")
    Duration backoff;

    /** The longest wait between two attempts while a transient failure lasts (the back-off doubles up to it). */
    @ConfigProperty(name = "tandem.inbox.max-backoff", defaultValue = "PT30S")
    Duration maxBackoff;

    /** Topics whose consumer is waiting for a transient failure to pass, with what it is waiting for. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** A consumer held up by a transient failure: since when, how many attempts so far, the last error. */
    public record Waiting(String topic, java.time.Instant since, int attempts, String lastError) {
    }

    /** Counters by name and tags, looked up once: a registry lookup per record costs more than the increment. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        spans = new EventSpans(openTelemetry);
        json = apiJson.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        // the text rule guards what clients send (SafeTextModule); an event another service already accepted and
        // published is read as it is, never dead-lettered for a character stored before the rule existed
        json.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("tandem-event-text")
                .addDeserializer(String.class, com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance));
    }

    /** One received event the consumer handles, decoded, with the trace context its record carries. */
    private record Received(KafkaRecord<String, byte[]> message, ConsumerRecord<String, byte[]> record,
                            EventEnvelope envelope, EventHandlers.Registration<?> registration, Object payload,
                            Context parent) {
        String key() {
            return envelope.source() + '\u0000' + envelope.id();
        }
    }

    /**
     * Applies a batch of records (what one poll returned, with {@code batch=true} on the channel) and then
     * acknowledges it, which commits its offsets.
     *
     * <pre>{@code
     * @Incoming("product-events")
     * @Blocking
     * public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
     *     return inbox.process(batch, handlers);
     * }
     * }</pre>
     */
    public CompletionStage<Void> process(KafkaRecordBatch<String, byte[]> batch, EventHandlers handlers) {
        try {
            apply(batch.getRecords(), handlers);
        } catch (Interrupted e) {
            // shutting down while waiting for a dependency: neither acknowledged nor dead-lettered, so the records
            // are delivered again after a restart (the inbox makes that harmless)
            LOG.infof("inbox: stopped while waiting (%s); the batch's offsets are not committed", e.getMessage());
            return new java.util.concurrent.CompletableFuture<>();
        }
        return batch.ack();
    }

    /** The consumers currently held up by a transient failure (empty when all is well); read by the readiness check. */
    public java.util.Collection<Waiting> waiting() {
        return List.copyOf(waiting.values());
    }

    /** Applies the records, dead-lettering those that cannot be applied; see the class comment. */
    private void apply(List<KafkaRecord<String, byte[]>> messages, EventHandlers handlers) {
        List<Received> handled = new ArrayList<>(messages.size());
        int skipped = 0;
        for (KafkaRecord<String, byte[]> message : messages) {
            ConsumerRecord<String, byte[]> record = consumerRecord(message);
            String type = EventEnvelope.type(record.headers());
            if (type != null && handlers.find(type) == null) {
                counter("tandem.inbox.skipped", type, record.topic()).increment();
                skipped++;
                continue;
            }
            try {
                EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
                EventHandlers.Registration<?> registration = handlers.find(envelope.type());
                handled.add(new Received(message, record, envelope, registration,
                        decode(record, registration.payloadType()), TraceContext.fromHeaders(record.headers())));
            } catch (MalformedEventException e) {
                deadLetter(message, record, type, e);
            }
        }
        if (skipped > 0) {
            LOG.debugf("inbox: skipped %d event(s) without a handler", skipped);
        }
        if (handled.size() > 1) {
            String topic = handled.get(0).record().topic();
            for (int attempt = 1; ; attempt++) {
                try {
                    List<Boolean> applied = applyInNewTransaction(handled);
                    recovered(topic);
                    for (int i = 0; i < handled.size(); i++) {
                        count(handled.get(i), applied.get(i));
                    }
                    return;
                } catch (RuntimeException e) {
                    if (!TransientFailures.isTransient(e)) {
                        LOG.infof("inbox: a batch of %d events failed as a whole (%s); applying them one by one",
                                handled.size(), rootMessage(e));
                        break;
                    }
                    waitForRecovery(topic, "a batch of " + handled.size() + " events", attempt, e);
                }
            }
        }
        for (Received received : handled) {
            try {
                count(received, applyWithRetries(received));
            } catch (EventProcessingException e) {
                deadLetter(received.message(), received.record(), received.envelope().type(), e);
            }
        }
    }

    /**
     * Applies the events in one new transaction, each inside its process span; the spans end with the transaction.
     * For each event, whether it was applied (false: a duplicate, of an earlier delivery or within the batch).
     */
    private List<Boolean> applyInNewTransaction(List<Received> batch) {
        List<Span> processing = new ArrayList<>(batch.size());
        for (Received r : batch) {
            processing.add(spans.startProcess(r.parent(), r.record().topic(), r.record().partition(),
                    r.record().offset(), r.envelope().id(), r.envelope().type(), r.envelope().source(),
                    r.envelope().subject()));
        }
        List<Boolean> applied;
        try {
            applied = QuarkusTransaction.requiringNew().call(() -> applyInOneTransaction(batch, processing));
        } catch (RuntimeException e) {
            String error = rootMessage(e);
            processing.forEach(span -> EventSpans.endFailed(span, error));
            throw e;
        }
        boolean trail = EVENTS.isDebugEnabled();
        for (int i = 0; i < processing.size(); i++) {
            Span span = processing.get(i);
            if (!applied.get(i)) {
                span.setAttribute(EventSpans.DUPLICATE, true);
            }
            if (trail) {
                Received r = batch.get(i);
                try (Scope scope = r.parent().with(span).makeCurrent()) {
                    EVENTS.debugf("processed %s %s (subject %s) from %s%s", r.envelope().type(),
                            r.envelope().id(), r.envelope().subject(), r.envelope().source(),
                            applied.get(i) ? "" : ": a duplicate, ignored");
                }
            }
            span.end();
        }
        return applied;
    }

    private List<Boolean> applyInOneTransaction(List<Received> batch, List<Span> processing) throws Exception {
        Set<String> fresh = remember(batch);
        List<Boolean> applied = new ArrayList<>(batch.size());
        // consecutive new events of a type handled per run (EventHandlers.onRuns), handed over together
        EventHandlers.Registration<?> runOf = null;
        List<Object> run = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Received received = batch.get(i);
            // remove: a second copy of the same event within the batch is a duplicate too
            boolean first = fresh.remove(received.key());
            if (first) {
                EventHandlers.Registration<?> registration = received.registration();
                if (runOf != null && runOf != registration) {
                    runOf.invokeAll(run);
                    run.clear();
                    runOf = null;
                }
                if (registration.perRun()) {
                    runOf = registration;
                    run.add(received.payload());
                } else {
                    try (Scope scope = received.parent().with(processing.get(i)).makeCurrent()) {
                        registration.invoke(received.envelope(), received.payload());
                    }
                }
            }
            applied.add(first);
        }
        if (runOf != null) {
            runOf.invokeAll(run);
        }
        return applied;
    }

    /** Applies one event in its own transaction, retried with backoff; false if it was a duplicate. */
    private boolean applyWithRetries(Received received) {
        RuntimeException last = null;
        String topic = received.record().topic();
        int transientAttempts = 0;
        for (int attempt = 1; attempt <= maxAttempts; ) {
            try {
                boolean applied = applyInNewTransaction(List.of(received)).get(0);
                recovered(topic);
                return applied;
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    // never counted against max-attempts, never dead-lettered: waits, in order, until it passes
                    waitForRecovery(topic, received.envelope().type() + " " + received.envelope().id(),
                            ++transientAttempts, e);
                    continue;
                }
                last = e;
                try (Scope scope = received.parent().makeCurrent()) { // the line carries the event's trace id
                    LOG.warnf("inbox: %s %s failed (attempt %d of %d): %s", received.envelope().type(),
                            received.envelope().id(), attempt, maxAttempts, rootMessage(e));
                }
                if (attempt < maxAttempts) {
                    sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 6)));
                }
                attempt++;
            }
        }
        throw new EventProcessingException(received.envelope().type() + " " + received.envelope().id()
                + " failed after " + maxAttempts + " attempts: " + rootMessage(last), last);
    }

    /** Inserts the events' inbox rows; returns the keys of those not seen before. */
    private Set<String> remember(List<Received> batch) {
        return em.unwrap(Session.class).doReturningWork(c -> insertInboxRows(c, batch));
    }

    private static Set<String> insertInboxRows(Connection c, List<Received> batch) throws SQLException {
        int n = batch.size();
        String[] sources = new String[n];
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] topics = new String[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        for (int i = 0; i < n; i++) {
            Received r = batch.get(i);
            sources[i] = r.envelope().source();
            ids[i] = r.envelope().id();
            types[i] = r.envelope().type();
            subjects[i] = r.envelope().subject();
            topics[i] = r.record().topic();
            partitions[i] = r.record().partition();
            offsets[i] = r.record().offset();
        }
        Set<String> fresh = new HashSet<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(RECORD)) {
            ps.setArray(1, c.createArrayOf("text", sources));
            ps.setArray(2, c.createArrayOf("text", ids));
            ps.setArray(3, c.createArrayOf("text", types));
            ps.setArray(4, c.createArrayOf("text", subjects));
            ps.setArray(5, c.createArrayOf("text", topics));
            ps.setArray(6, c.createArrayOf("int", partitions));
            ps.setArray(7, c.createArrayOf("bigint", offsets));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1) + '\u0000' + rs.getString(2));
                }
            }
        }
        return fresh;
    }

    /**
     * Sends the record to the channel's dead-letter topic (its failure strategy) and waits for the broker to take
     * it, so the batch's offsets are committed only after every dead letter is safe.
     */
    private void deadLetter(KafkaRecord<String, byte[]> message, ConsumerRecord<String, byte[]> record, String type,
                            RuntimeException reason) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try (Scope scope = TraceContext.fromHeaders(record.headers()).makeCurrent()) { // with the event's trace id
            LOG.warnf("inbox: dead-lettering %s record %s: %s", type == null ? "an untyped" : type, where,
                    reason.getMessage());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                message.nack(reason).toCompletableFuture().join();
                recovered(record.topic());
                break;
            } catch (CompletionException e) {
                // the dead-letter topic cannot be written (broker away): the record is neither committed nor lost
                waitForRecovery(record.topic(), "dead-lettering " + where, attempt, e);
            }
        }
        counter("tandem.inbox.dead-lettered", type == null ? "unknown" : type, null).increment();
    }

    /**
     * Notes that the topic's consumer is held up by a transient failure (readiness DOWN, {@link #waiting()}) and
     * waits before the next attempt: {@code backoff} doubled per attempt, at most {@code max-backoff}.
     */
    private void waitForRecovery(String topic, String what, int attempt, RuntimeException failure) {
        String error = rootMessage(failure);
        Waiting before = waiting.get(topic);
        waiting.put(topic, new Waiting(topic, before == null ? Now.instant() : before.since(), attempt,
                error));
        Duration wait = backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
        if (wait.compareTo(maxBackoff) > 0) {
            wait = maxBackoff;
        }
        if (attempt == 1 || attempt % 10 == 0) {
            LOG.warnf("inbox: %s on %s waits for a transient failure to pass (attempt %d, next in %d ms): %s", what,
                    topic, attempt, wait.toMillis(), error);
        }
        counter("tandem.inbox.transient-failures", "any", topic).increment();
        sleep(wait);
    }

    private void recovered(String topic) {
        Waiting was = waiting.remove(topic);
        if (was != null) {
            LOG.infof("inbox: %s consumer goes on after %d attempts since %s", topic, was.attempts(), was.since());
        }
    }

    private void count(Received received, boolean applied) {
        counter(applied ? "tandem.inbox.processed" : "tandem.inbox.duplicates", received.envelope().type(), null)
                .increment();
    }

    private Counter counter(String name, String type, String topic) {
        String key = name + '\u0000' + type + '\u0000' + topic;
        Counter c = counters.get(key);
        if (c == null) {
            c = counters.computeIfAbsent(key, k -> topic == null ? meters.counter(name, "type", type)
                    : meters.counter(name, "type", type, "topic", topic));
        }
        return c;
    }

    private static ConsumerRecord<String, byte[]> consumerRecord(KafkaRecord<String, byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a record received from Kafka"));
        return metadata.getRecord();
    }

    private <T> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        if (record.value() == null) {
            throw new MalformedEventException("event has no data");
        }
        try {
            return json.readValue(record.value(), type);
        } catch (IOException e) {
            throw new MalformedEventException("unreadable " + type.getSimpleName() + " payload: " + e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted("interrupted while retrying");
        }
    }

    /** The consumer's thread was interrupted (shutdown) while it waited: the batch is left uncommitted. */
    private static final class Interrupted extends RuntimeException {
        Interrupted(String message) {
            super(message, null, false, false);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** An event that could not be processed; it is dead-lettered. */
    public static class EventProcessingException extends RuntimeException {
        public EventProcessingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
