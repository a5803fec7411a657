package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.feedback.feedback.FeedbackImport;
import dev.tandem.platform.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** What an integrator reading tandem.feedback.events sees of a bulk import. */
@QuarkusTest
class ImportEventsTest {

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

        Predicate<KafkaEvents.Event> ofThisRun = e -> e.payload() != null
                && e.payload().path("externalReference").asText().startsWith(run);
        try (KafkaEvents reader = KafkaEvents.on(Topics.FEEDBACK).checkingContract()) {
            List<KafkaEvents.Event> announced = reader.awaitAtLeast(rows, ofThisRun, Duration.ofSeconds(60));
            assertEquals(rows, announced.size(), "events within 60 s");
            String first = announced.stream().map(KafkaEvents.Event::payload)
                    .filter(p -> p.get("externalReference").asText().equals(run + 1))
                    .map(p -> p.get("feedbackId").asText()).findFirst().orElseThrow();
            // one item triaged after the import: its update must come after its receipt
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"owner\": \"bo.eng@example.com\"}").patch("/api/v1/feedback/" + first).then()
                    .statusCode(200);

            // Read on until every event is there, then 5 s more, giving a duplicate time to show up
            reader.awaitAtLeast(rows + 1, ofThisRun, Duration.ofSeconds(60));
            assertEachAnnouncedOnce(reader.readFor(Duration.ofSeconds(5), ofThisRun), rows, first);
        }
    }

    private static void assertEachAnnouncedOnce(List<KafkaEvents.Event> records, int rows, String first) {
        assertEquals(rows + 1, records.size(), "one feedback.received per created row, one feedback.updated");
        Set<String> eventIds = new HashSet<>();
        Set<String> references = new HashSet<>();
        Map<String, List<String>> typesBySubject = new HashMap<>();
        for (KafkaEvents.Event r : records) {
            EventEnvelope envelope = EventEnvelope.fromHeaders(r.headers());
            assertTrue(eventIds.add(envelope.id()), "published twice: " + envelope.id());
            JsonNode payload = r.payload();
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
}
