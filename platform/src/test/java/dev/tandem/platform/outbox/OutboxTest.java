package dev.tandem.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.platform.events.EventEnvelope;
import dev.tandem.platform.telemetry.EventSpans;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OutboxTestService service;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Test
    void committedEventsArriveWithEnvelopeInAggregateOrder() throws Exception {
        String topic = "test.outbox.order." + UUID.randomUUID();
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        List<UUID> ids = List.of(service.publish(topic, a, "a1"), service.publish(topic, b, "b1"),
                service.publish(topic, a, "a2"), service.publish(topic, a, "a3"));

        List<KafkaEvents.Event> records = awaitAll(topic, 4);

        assertEquals(4, records.size());
        List<String> aMarkers = new ArrayList<>();
        List<Long> aSequences = new ArrayList<>();
        for (KafkaEvents.Event r : records) {
            EventEnvelope env = EventEnvelope.fromHeaders(r.headers());
            assertEquals(r.key(), env.subject(), "record key is the aggregate id");
            assertEquals("dev.tandem.test.widget-changed.v1", env.type());
            assertEquals("/tandem/tandem-platform", env.source());
            assertTrue(ids.contains(UUID.fromString(env.id())));
            assertNotNull(env.traceparent());
            assertEquals("application/json", r.contentType());
            JsonNode payload = json.readTree(r.value());
            assertEquals(r.key(), payload.get("widgetId").asText());
            if (r.key().equals(a)) {
                aMarkers.add(payload.get("marker").asText());
                aSequences.add(env.sequence());
            } else {
                assertEquals(1, env.sequence());
            }
        }
        assertEquals(List.of("a1", "a2", "a3"), aMarkers);
        assertEquals(List.of(1L, 2L, 3L), aSequences);
        assertEquals(0, unsent(topic));
    }

    @Test
    void eventsAppendedTogetherContinueEachAggregatesSequenceAndArriveInTheirOrder() throws Exception {
        String topic = "test.outbox.batch." + UUID.randomUUID();
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        service.publish(topic, a, "a1");
        List<UUID> ids = service.publishAll(topic, List.of(List.of(a, "a2"), List.of(b, "b1"), List.of(a, "a3"),
                List.of(b, "b2"), List.of(a, "a4")));

        // Once all are there, read on for 5 s, giving a duplicate time to show up.
        List<KafkaEvents.Event> records = awaitAllThenMore(topic, 6, Duration.ofSeconds(5));

        assertEquals(6, records.size());
        Map<String, List<String>> markers = new HashMap<>();
        Map<String, List<Long>> sequences = new HashMap<>();
        Map<String, String> markerOfId = new HashMap<>();
        for (KafkaEvents.Event r : records) {
            EventEnvelope env = EventEnvelope.fromHeaders(r.headers());
            String marker = json.readTree(r.value()).get("marker").asText();
            markers.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(marker);
            sequences.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(env.sequence());
            markerOfId.put(env.id(), marker);
        }
        assertEquals(List.of("a1", "a2", "a3", "a4"), markers.get(a));
        assertEquals(List.of(1L, 2L, 3L, 4L), sequences.get(a));
        assertEquals(List.of("b1", "b2"), markers.get(b));
        assertEquals(List.of(1L, 2L), sequences.get(b));
        assertEquals(List.of("a2", "b1", "a3", "b2", "a4"), ids.stream().map(id -> markerOfId.get(id.toString()))
                .toList(), "the ids returned are the events' ce_id, in the order given");
        assertEquals(0, unsent(topic));
    }

    @Test
    void aRolledBackChangeAnnouncesNothing() {
        String topic = "test.outbox.rollback." + UUID.randomUUID();
        String id = "w-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> service.publishThenFail(topic, id, "lost"));
        service.publish(topic, id, "kept");

        // Once it is there, read on for 5 s, giving a wrongly published event time to show up.
        List<KafkaEvents.Event> records = awaitAllThenMore(topic, 1, Duration.ofSeconds(5));

        assertEquals(1, records.size());
        String payload = records.get(0).text();
        assertTrue(payload.contains("kept"), payload);
        assertEquals(1, EventEnvelope.fromHeaders(records.get(0).headers()).sequence(),
                "the rolled-back event did not use up a sequence number");
    }

    @Test
    void competingRelaysPublishEveryEventOnceAndKeepEachAggregatesOrder() throws Exception {
        String topic = "test.outbox.race." + UUID.randomUUID();
        int aggregates = 8;
        int perAggregate = 25;
        List<String> aggregateIds = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            aggregateIds.add("race-" + i + "-" + UUID.randomUUID());
        }
        for (int n = 0; n < perAggregate; n++) {
            for (String id : aggregateIds) {
                service.publish(topic, id, String.valueOf(n));
            }
        }

        // Two more relays (as if two more instances of the service ran) compete with the application's own one.
        try (KafkaProducer<String, byte[]> p1 = producer(); KafkaProducer<String, byte[]> p2 = producer()) {
            EventSpans untraced = new EventSpans(OpenTelemetry.noop());
            List<OutboxPublisher> relays = List.of(
                    new OutboxPublisher(dataSource, p1, "/tandem/tandem-platform", 7, untraced),
                    new OutboxPublisher(dataSource, p2, "/tandem/tandem-platform", 11, untraced));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Void>> work = new ArrayList<>();
                for (OutboxPublisher relay : relays) {
                    work.add(() -> {
                        for (int i = 0; i < 500 && unsent(topic) > 0; i++) {
                            relay.publishBatch();
                        }
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(work)) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }

        int total = aggregates * perAggregate;
        // Once all are there, read on for 5 s, giving a duplicate time to show up.
        List<KafkaEvents.Event> records = awaitAllThenMore(topic, total, Duration.ofSeconds(5));

        Set<String> eventIds = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (KafkaEvents.Event r : records) {
            EventEnvelope env = EventEnvelope.fromHeaders(r.headers());
            assertTrue(eventIds.add(env.id()), "published twice: " + env.id());
            long previous = lastSequence.getOrDefault(r.key(), 0L);
            assertEquals(previous + 1, env.sequence(), "order of " + r.key());
            lastSequence.put(r.key(), env.sequence());
        }
        assertEquals(total, eventIds.size());
        assertEquals(0, unsent(topic));
        assertFalse(lastSequence.values().stream().anyMatch(s -> s != perAggregate));
    }

    /**
     * The broker fails an aggregate's first event but takes the next ones (a timeout while it restarts, then it is
     * back): the later events must not reach the topic before the first. Reproduces the fault suite's "event sequence
     * [2, 3, 1]" after a broker restart.
     */
    @Test
    void aFailedEventHoldsBackTheLaterEventsOfItsAggregateEvenWhenTheBrokerTakesThem() throws Exception {
        String topic = "test.outbox.failed-first." + UUID.randomUUID();
        String aggregate = "held-" + UUID.randomUUID();
        EventSpans untraced = new EventSpans(OpenTelemetry.noop());
        try (FailingOnce producer = new FailingOnce("\"marker\":\"first\"");
             Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // The application's own relay must not take these rows: the table is locked until this batch commits.
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE outbox_unsent IN EXCLUSIVE MODE");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH appended AS (
                        INSERT INTO outbox_event (event_id, topic, aggregate_type, aggregate_id, sequence, event_type,
                                                  payload, occurred_at)
                        VALUES (?, ?, 'widget', ?, ?, 'dev.tandem.test.widget-changed.v1', ?, now())
                        RETURNING position)
                    INSERT INTO outbox_unsent SELECT position FROM appended""")) {
                for (String marker : List.of("first", "second", "third")) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, topic);
                    ps.setString(3, aggregate);
                    ps.setLong(4, List.of("first", "second", "third").indexOf(marker) + 1);
                    ps.setString(5, "{\"widgetId\":\"" + aggregate + "\",\"marker\":\"" + marker + "\"}");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            OutboxPublisher.BatchResult result = new OutboxPublisher(dataSource, producer, "/tandem/tandem-platform",
                    100, untraced).publishBatch(c);
            c.commit();
            assertTrue(producer.failed, "the first event was failed by the broker");
            assertEquals(3, result.failed(), "the first event failed and held back the other two: " + result);
        }

        // The application's relay publishes the three on its next sweep.
        List<KafkaEvents.Event> records = awaitAllThenMore(topic, 3, Duration.ofSeconds(3));
        assertEquals(List.of(1L, 2L, 3L),
                records.stream().map(r -> EventEnvelope.fromHeaders(r.headers()).sequence()).toList(),
                "each event once, in the aggregate's order");
    }

    /** The records of the topic once at least {@code count} are there, waiting {@code WAIT} at most. */
    private static List<KafkaEvents.Event> awaitAll(String topic, int count) {
        try (KafkaEvents reader = KafkaEvents.on(topic)) {
            return reader.awaitAtLeast(count, KafkaEvents.ALL);
        }
    }

    /** Every record of the topic: read until {@code count} are there ({@code WAIT} at most), then {@code more} on. */
    private static List<KafkaEvents.Event> awaitAllThenMore(String topic, int count, Duration more) {
        try (KafkaEvents reader = KafkaEvents.on(topic)) {
            reader.awaitAtLeast(count, KafkaEvents.ALL, WAIT);
            return reader.readFor(more, KafkaEvents.ALL);
        }
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaEvents.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    /** A real producer that fails, once, the first record whose payload contains {@code marker}. */
    private static final class FailingOnce extends KafkaProducer<String, byte[]> {

        private final String marker;
        volatile boolean failed;

        FailingOnce(String marker) {
            super(producerConfig(), new StringSerializer(), new ByteArraySerializer());
            this.marker = marker;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            if (!failed && new String(record.value(), StandardCharsets.UTF_8).contains(marker)) {
                failed = true;
                return CompletableFuture.failedFuture(new TimeoutException("injected: the broker did not answer"));
            }
            return super.send(record, callback);
        }
    }

    private long unsent(String topic) throws Exception {
        try (var c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM outbox_unsent u JOIN outbox_event e ON e.position = u.position WHERE e.topic = ?")) {
            ps.setString(1, topic);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
