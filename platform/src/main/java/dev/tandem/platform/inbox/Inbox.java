package dev.tandem.platform.inbox;

import java.io.IOException;
import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.events.EventEnvelope;
import dev.tandem.platform.events.EventEnvelope.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Processes each received event at most once in effect: the event's id is stored in {@code inbox_event} in the same
 * transaction as the handler's changes, so a redelivered event finds its id and changes nothing.
 *
 * <p>A handler that throws is retried with backoff, each attempt in a fresh transaction; after
 * {@code tandem.inbox.max-attempts} the exception propagates so the messaging layer's dead-letter strategy sends
 * the record to {@code <topic>.dlq} with the error in its headers. A record that can never succeed (missing
 * CloudEvents headers, unreadable payload) fails at once. An event type without a handler is skipped and counted
 * ({@code tandem.inbox.skipped}), never fatal: producers may add types before consumers know them.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final String RECORD = """
            INSERT INTO inbox_event (source, event_id, event_type, subject, topic, kafka_partition, kafka_offset)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (source, event_id) DO NOTHING""";

    /** What became of one record. */
    public enum Outcome { PROCESSED, DUPLICATE, SKIPPED_UNKNOWN_TYPE }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper apiJson;

    /** Consumers ignore fields they do not know: producers may add fields without a new event version. */
    private ObjectMapper json;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "tandem.inbox.max-attempts", defaultValue = "5")
    int maxAttempts;

    @ConfigProperty(name = "tandem.inbox.backoff", defaultValue = "PT0.2S")
    Duration backoff;

    @PostConstruct
    void init() {
        json = apiJson.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public Outcome process(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        EventHandlers.Registration<?> registration = handlers.find(envelope.type());
        if (registration == null) {
            meters.counter("tandem.inbox.skipped", "type", envelope.type(), "topic", record.topic()).increment();
            LOG.debugf("inbox: skipped %s %s (no handler for this type)", envelope.type(), envelope.id());
            return Outcome.SKIPPED_UNKNOWN_TYPE;
        }
        Object payload = decode(record, registration.payloadType());

        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                boolean processed = QuarkusTransaction.requiringNew().call(() -> {
                    if (!remember(record, envelope)) {
                        return false;
                    }
                    registration.invoke(envelope, payload);
                    return true;
                });
                meters.counter("tandem.inbox." + (processed ? "processed" : "duplicates"),
                        "type", envelope.type()).increment();
                return processed ? Outcome.PROCESSED : Outcome.DUPLICATE;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("inbox: %s %s failed (attempt %d of %d): %s", envelope.type(), envelope.id(), attempt,
                        maxAttempts, rootMessage(e));
                if (attempt < maxAttempts) {
                    sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 6)));
                }
            }
        }
        meters.counter("tandem.inbox.dead-lettered", "type", envelope.type()).increment();
        throw new EventProcessingException(envelope.type() + " " + envelope.id() + " failed after " + maxAttempts
                + " attempts: " + rootMessage(last), last);
    }

    private boolean remember(ConsumerRecord<String, byte[]> record, EventEnvelope envelope) {
        return em.createNativeQuery(RECORD)
                .setParameter(1, envelope.source())
                .setParameter(2, envelope.id())
                .setParameter(3, envelope.type())
                .setParameter(4, envelope.subject())
                .setParameter(5, record.topic())
                .setParameter(6, record.partition())
                .setParameter(7, record.offset())
                .executeUpdate() == 1;
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
            throw new EventProcessingException("interrupted while retrying", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** An event that could not be processed; the messaging layer dead-letters its record. */
    public static class EventProcessingException extends RuntimeException {
        public EventProcessingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
