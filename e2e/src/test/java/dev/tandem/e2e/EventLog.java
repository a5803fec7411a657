package dev.tandem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Every event on the three topics, read back the way an outside integrator would: devstack's {@link KafkaEvents}
 * reads them from the earliest offset and checks each against the published contract (a documented type, its
 * CloudEvents attributes, data valid against the type's JSON Schema); here each record is also turned into a
 * {@link CloudEvent} by the CloudEvents SDK's Kafka binding and its source checked against its topic. A record that
 * breaks any of this fails the test that reads it.
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

    private final KafkaEvents reader;
    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
    private final Map<KafkaEvents.Event, Event> seen = new IdentityHashMap<>();

    EventLog(String bootstrapServers) {
        reader = KafkaEvents.on(bootstrapServers, List.of(Topics.PRODUCT, Topics.PROJECT, Topics.FEEDBACK))
                .checkingContract();
    }

    /**
     * Reads until the events of {@code subjects} read so far satisfy {@code complete}, then for a quiet second more
     * (so a late duplicate would still be seen), and answers those events in the order they were read.
     */
    List<Event> awaitEventsOf(Set<String> subjects, Predicate<List<Event>> complete, Duration timeout,
            String what) {
        AtomicReference<List<Event>> ofSubjects = new AtomicReference<>(List.of());
        try {
            // all records, not only those of the subjects: each one read is checked
            reader.await(KafkaEvents.ALL, all -> complete.test(ofSubjects.updateAndGet(x -> of(all, subjects))),
                    timeout, what);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; of the subjects read: " + ofSubjects.get(), e);
        }
        return readFor(Duration.ofSeconds(1), subjects);
    }

    /** Reads what arrives within {@code wait}, then answers every event read so far of {@code subjects}. */
    List<Event> readFor(Duration wait, Set<String> subjects) {
        return of(reader.readFor(wait, KafkaEvents.ALL), subjects);
    }

    private List<Event> of(List<KafkaEvents.Event> all, Set<String> subjects) {
        return all.stream().map(e -> seen.computeIfAbsent(e, this::check)).filter(e -> subjects.contains(e.subject()))
                .toList();
    }

    /** What the CloudEvents SDK makes of the record, beyond the contract {@link KafkaEvents} checked. */
    private Event check(KafkaEvents.Event r) {
        String where = r.topic() + "/" + r.partition() + "@" + r.offset();
        CloudEvent event = cloudEvents.deserialize(r.topic(), r.headers(), r.value());
        assertEquals("1.0", event.getSpecVersion().toString(), where + " specversion");
        assertEquals(r.type(), event.getType(), where + " type");
        assertEquals(URI.create(SOURCES.get(r.topic())), event.getSource(), where + " source");
        assertEquals(r.key(), event.getSubject(), where + ": the subject is the record key (the aggregate id)");
        assertEquals("application/json", event.getDataContentType(), where + " content type");
        assertNotNull(event.getTime(), where + " time");
        UUID.fromString(event.getId());
        Object sequence = event.getExtension("sequence");
        assertNotNull(sequence, where + " sequence");
        assertEquals(r.sequence(), Long.parseLong(String.valueOf(sequence)), where + " sequence");
        return new Event(r.topic(), r.partition(), r.offset(), r.key(), event, r.payload(), r.sequence(),
                r.traceparent());
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
        reader.close();
    }
}
