package dev.tandem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every event on the three topics, read back the way an outside integrator would: a plain Kafka consumer from the
 * earliest offset, each record turned into a {@link CloudEvent} by the CloudEvents SDK's Kafka binding and its data
 * checked against the event type's JSON Schema from {@code events}. A record that is not a valid CloudEvent of a
 * documented type, or whose data breaks its schema, fails the test that reads it.
 */
final class EventLog implements AutoCloseable {

    /** One event as an integrator sees it. */
    record Event(String topic, int partition, long offset, String key, CloudEvent cloudEvent, JsonNode data,
                 long sequence, String traceparent) {

        String type() {
            return cloudEvent.getType();
        }

        String subject() {
            return cloudEvent.getSubject();
        }

        String id() {
            return cloudEvent.getId();
        }

        @Override
        public String toString() {
            return type() + " " + subject() + " #" + sequence + " (" + topic + "/" + partition + "@" + offset + ")";
        }
    }

    private static final Map<String, String> SOURCES = Map.of(
            Topics.PRODUCT, "/tandem/product-service",
            Topics.PROJECT, "/tandem/project-service",
            Topics.FEEDBACK, "/tandem/feedback-service");
    private static final Map<EventType, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private final KafkaConsumer<String, byte[]> consumer;
    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
    private final List<Event> events = new ArrayList<>();

    EventLog(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-event-log-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // only what the producers committed: the outbox relay's idempotent producer is not transactional, but an
        // integrator should read this way anyway
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.PRODUCT, Topics.PROJECT, Topics.FEEDBACK));
    }

    /**
     * Polls until the events of {@code subjects} read so far satisfy {@code complete}, then for a quiet second more
     * (so a late duplicate would still be seen), and answers those events in the order they were read.
     */
    List<Event> awaitEventsOf(Set<String> subjects, Predicate<List<Event>> complete, Duration timeout,
            String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!complete.test(of(subjects))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; read: " + of(subjects));
            }
            poll(Duration.ofMillis(250));
        }
        long quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < quietUntil) {
            poll(Duration.ofMillis(250));
        }
        return of(subjects);
    }

    /** Reads what arrives within {@code wait}, then answers every event read so far of {@code subjects}. */
    List<Event> readFor(Duration wait, Set<String> subjects) {
        long until = System.nanoTime() + wait.toNanos();
        do {
            poll(Duration.ofMillis(100));
        } while (System.nanoTime() < until);
        return of(subjects);
    }

    private List<Event> of(Set<String> subjects) {
        return events.stream().filter(e -> subjects.contains(e.subject())).toList();
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            events.add(check(r));
        }
    }

    private Event check(ConsumerRecord<String, byte[]> r) {
        String where = r.topic() + "/" + r.partition() + "@" + r.offset();
        CloudEvent event = cloudEvents.deserialize(r.topic(), r.headers(), r.value());
        assertEquals("1.0", event.getSpecVersion().toString(), where + " specversion");
        EventType type = EventType.of(event.getType())
                .orElseThrow(() -> new AssertionError(where + ": undocumented event type " + event.getType()));
        assertEquals(type.topic(), r.topic(), where + ": " + type.type() + " on the wrong topic");
        assertEquals(URI.create(SOURCES.get(r.topic())), event.getSource(), where + " source");
        assertEquals(r.key(), event.getSubject(), where + ": the subject is the record key (the aggregate id)");
        assertEquals("application/json", event.getDataContentType(), where + " content type");
        assertNotNull(event.getTime(), where + " time");
        UUID.fromString(event.getId());
        Object sequence = event.getExtension("sequence");
        assertNotNull(sequence, where + " sequence");
        Header traceparent = r.headers().lastHeader("traceparent");
        String trace = traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8);
        if (trace != null) {
            assertTrue(trace.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"), where + " traceparent " + trace);
        }
        JsonNode data;
        try {
            data = GatewayClient.JSON.readTree(event.getData().toBytes());
        } catch (java.io.IOException e) {
            throw new AssertionError(where + ": data is not JSON", e);
        }
        Set<ValidationMessage> errors = schema(type).validate(data);
        assertEquals(Set.of(), errors, where + ": " + type.type() + " breaks its schema: " + data);
        return new Event(r.topic(), r.partition(), r.offset(), r.key(), event, data,
                Long.parseLong(String.valueOf(sequence)), trace);
    }

    private static JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = EventLog.class.getClassLoader().getResourceAsStream(t.schemaResource())) {
                assertNotNull(in, "schema of " + t.type());
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /**
     * None missing, none repeated: each event id once, and each aggregate's sequence numbers exactly 1..n in the
     * order they were read (all aggregates here were created by the caller, so their first event is number 1).
     */
    static void assertCompleteAndUnique(List<Event> events) {
        Map<String, Event> byId = new HashMap<>();
        for (Event e : events) {
            Event earlier = byId.putIfAbsent(e.cloudEvent().getSource() + " " + e.id(), e);
            assertTrue(earlier == null, "event id " + e.id() + " delivered twice: " + earlier + " and " + e);
        }
        Map<String, List<Event>> bySubject = new HashMap<>();
        events.forEach(e -> bySubject.computeIfAbsent(e.topic() + " " + e.subject(), k -> new ArrayList<>()).add(e));
        bySubject.forEach((subject, list) -> {
            for (int i = 0; i < list.size(); i++) {
                assertEquals(i + 1, list.get(i).sequence(), "sequence of " + subject + " (a gap is a lost event, "
                        + "a repeat a duplicate, a step back broken order): " + list);
            }
        });
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
