package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.feedback.feedback.FeedbackImport;
import dev.tandem.platform.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What an integrator reading tandem.feedback.events sees of a bulk import. */
@QuarkusTest
class ImportEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachCreatedRowIsAnnouncedExactlyOnceAndAnImportSentAgainAnnouncesNothing() throws Exception {
        UUID customer = TestData.customer();
        UUID product = TestData.product();
        String run = "EVI-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int rows = 2 * FeedbackImport.BATCH_SIZE + 101;
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            ndjson.append("""
                    {"source": "SURVEY", "externalReference": "%s%d", "customerId": "%s", "productId": "%s", "title": "Row %d", "text": "Bulk row %d"}
                    """.formatted(run, i, customer, product, i, i));
        }
        byte[] body = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        given().contentType("application/x-ndjson").body(body).post("/api/v1/imports/feedback").then()
                .statusCode(200).body("created", equalTo(rows)).body("rejected", equalTo(0));
        // sent again: every row is unchanged, so nothing new may be announced
        given().contentType("application/x-ndjson").body(body).post("/api/v1/imports/feedback").then()
                .statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(rows));

        Predicate<JsonNode> ofThisRun = p -> p.path("externalReference").asText().startsWith(run);
        String first = read(ofThisRun, rows).stream().map(ImportEventsTest::payload)
                .filter(p -> p.get("externalReference").asText().equals(run + 1))
                .map(p -> p.get("feedbackId").asText()).findFirst().orElseThrow();
        // one item triaged after the import: its update must come after its receipt
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"owner\": \"bo.eng@example.com\"}")
                .patch("/api/v1/feedback/" + first).then().statusCode(200);

        // Read the topic again until every event is there, then 5 s more, giving a duplicate time to show up (the
        // 5 s start once the reader has caught up: joining a consumer group alone can take seconds on a busy machine)
        List<ConsumerRecord<String, byte[]>> records = read(ofThisRun, rows + 1, Duration.ofSeconds(60),
                Duration.ofSeconds(5));

        assertEquals(rows + 1, records.size(), "one feedback.received per created row, one feedback.updated");
        Set<String> eventIds = new HashSet<>();
        Set<String> references = new HashSet<>();
        Map<String, List<String>> typesBySubject = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            EventEnvelope envelope = EventEnvelope.fromHeaders(r.headers());
            assertTrue(eventIds.add(envelope.id()), "published twice: " + envelope.id());
            JsonNode payload = payload(r);
            assertEquals(r.key(), payload.get("feedbackId").asText());
            typesBySubject.computeIfAbsent(envelope.subject(), k -> new ArrayList<>()).add(envelope.type());
            if (envelope.type().equals(EventType.FEEDBACK_RECEIVED.type())) {
                assertEquals(1, envelope.sequence(), "an imported item's first event");
                references.add(payload.get("externalReference").asText());
            }
        }
        assertEquals(rows, typesBySubject.size(), "one aggregate per created row");
        assertEquals(rows, references.size(), "every row announced");
        assertEquals(List.of(EventType.FEEDBACK_RECEIVED.type(), EventType.FEEDBACK_UPDATED.type()),
                typesBySubject.get(first), "per item, in the order of its changes");
    }

    private static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The feedback events of this service's topic whose payload matches, once at least {@code count} were seen. */
    private static List<ConsumerRecord<String, byte[]>> read(Predicate<JsonNode> payload, int count) throws Exception {
        List<ConsumerRecord<String, byte[]>> found = read(payload, count, Duration.ofSeconds(60), Duration.ZERO);
        assertEquals(count, found.size(), "events within 60 s");
        return found;
    }

    /**
     * The matching events of the topic: read until {@code count} were seen or {@code timeout} passed, then for
     * {@code linger} more (to see what else arrives, e.g. a duplicate).
     */
    private static List<ConsumerRecord<String, byte[]>> read(Predicate<JsonNode> payload, int count, Duration timeout,
            Duration linger) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.FEEDBACK));
            Instant deadline = Instant.now().plus(timeout);
            Instant lingerUntil = null;
            while (lingerUntil == null ? Instant.now().isBefore(deadline) : Instant.now().isBefore(lingerUntil)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && payload.test(payload(r))) {
                        found.add(r);
                    }
                }
                if (lingerUntil == null && found.size() >= count) {
                    lingerUntil = Instant.now().plus(linger);
                }
            }
        }
        return found;
    }
}
