package dev.tandem.product.feature;

import static dev.tandem.product.Fixtures.withCurrentETag;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.product.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Every feature event type, read back from Kafka and checked against its schema. */
@QuarkusTest
class FeatureEventsTest {

    /** Null fields are left out of payloads (the services' JSON convention). */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    private static List<String> types(List<KafkaEvents.Event> events) {
        return events.stream().map(KafkaEvents.Event::type).toList();
    }

    @Test
    void createUpdateRejectReopenAndDeleteArePublishedWithTheFeaturesState() {
        String product = Fixtures.product();
        String id = Fixtures.feature("""
                {"productId": "%s", "title": "Wallets", "problem": "Cards fail", "reach": 400, "impact": 0.5,
                 "confidence": 50, "effort": 1}""".formatted(product));
        String path = "/api/v1/features/" + id;
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"effort\": 2}")
                .patch(path).then().statusCode(200);
        withCurrentETag("POST", path + "/status", "{\"status\": \"REJECTED\", \"reason\": \"provider does it\"}")
                .then().statusCode(200);
        withCurrentETag("POST", path + "/status", "{\"status\": \"IDEA\"}").then().statusCode(200);
        given().header("If-Match", "\"3\"").delete(path).then().statusCode(204);

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, id, 6);
        assertEquals(List.of(EventType.FEATURE_CREATED.type(), EventType.FEATURE_UPDATED.type(),
                EventType.FEATURE_STATUS_CHANGED.type(), EventType.FEATURE_REJECTED.type(),
                EventType.FEATURE_STATUS_CHANGED.type(), EventType.FEATURE_DELETED.type()), types(events));

        JsonNode created = events.get(0).payload();
        assertEquals(product, created.get("productId").asText());
        assertEquals("IDEA", created.get("status").asText());
        assertEquals(0.5, created.get("impact").asDouble());
        assertEquals(100.0, created.get("score").asDouble());
        assertEquals(0, created.get("version").asLong());

        JsonNode updated = events.get(1).payload();
        assertEquals(2.0, updated.get("effort").asDouble());
        assertEquals(50.0, updated.get("score").asDouble());
        assertEquals(1, updated.get("version").asLong());

        JsonNode rejectedChange = events.get(2).payload();
        assertEquals("IDEA", rejectedChange.get("from").asText());
        assertEquals("REJECTED", rejectedChange.get("to").asText());
        assertEquals("provider does it", rejectedChange.get("reason").asText());
        JsonNode rejected = events.get(3).payload();
        assertEquals("provider does it", rejected.get("reason").asText());
        assertEquals("REJECTED", rejected.get("status").asText());
        assertEquals(2, rejected.get("version").asLong());

        JsonNode reopened = events.get(4).payload();
        assertEquals("REJECTED", reopened.get("from").asText());
        assertEquals("IDEA", reopened.get("to").asText());
        assertTrue(absent(reopened, "rejectionReason"), "reopening clears the reason");

        JsonNode deleted = events.get(5).payload();
        assertEquals(id, deleted.get("featureId").asText());
        assertEquals(3, deleted.get("version").asLong());
        assertTrue(deleted.hasNonNull("deletedAt"));
    }

    @Test
    void committingPublishesFeatureCommittedForProjectService() {
        String product = Fixtures.product();
        String id = Fixtures.feature("""
                {"productId": "%s", "title": "Reorder", "problem": "Re-entering baskets", "effort": 2.5}"""
                .formatted(product));
        String path = "/api/v1/features/" + id + "/status";
        for (String s : List.of("CANDIDATE", "PLANNED", "COMMITTED")) {
            withCurrentETag("POST", path, "{\"status\": \"" + s + "\"}").then().statusCode(200);
        }
        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, id, 5);
        assertEquals(EventType.FEATURE_STATUS_CHANGED.type(), events.get(3).type());
        assertEquals("COMMITTED", events.get(3).payload().get("to").asText());
        assertEquals(EventType.FEATURE_COMMITTED.type(), events.get(4).type());
        JsonNode committed = events.get(4).payload();
        assertEquals(id, committed.get("featureId").asText());
        assertEquals(product, committed.get("productId").asText());
        assertEquals("Reorder", committed.get("title").asText());
        assertEquals("Re-entering baskets", committed.get("problem").asText());
        assertEquals(2.5, committed.get("effortPersonMonths").asDouble());
        assertTrue(absent(committed, "targetReleaseDate"), "no releases yet");
        assertEquals(3, committed.get("version").asLong());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), events.stream().map(KafkaEvents.Event::sequence).toList());
    }
}
