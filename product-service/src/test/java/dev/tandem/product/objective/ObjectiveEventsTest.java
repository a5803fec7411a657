package dev.tandem.product.objective;

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

/** Objective events, read back from Kafka (key = objective id) and checked against their schemas. */
@QuarkusTest
class ObjectiveEventsTest {

    @Test
    void createKeyResultAndMeasurementArePublishedInOrderWithProgress() {
        String product = Fixtures.product();
        String id = ObjectiveApiTest.objective(product, "2027-Q1");
        String kr = ObjectiveApiTest.keyResult(id, ObjectiveApiTest.ACTIVE_TEAMS);
        given().contentType(ContentType.JSON)
                .body("{\"value\": 150, \"measuredAt\": \"2027-01-31T00:00:00Z\", \"source\": \"analytics\"}")
                .post("/api/v1/objectives/" + id + "/key-results/" + kr + "/measurements").then().statusCode(201);
        given().header("If-Match", "\"2\"").contentType(ContentType.JSON).body("{\"period\": \"2027-Q2\"}")
                .patch("/api/v1/objectives/" + id).then().statusCode(200);

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, id, 4);
        assertEquals(List.of(EventType.OBJECTIVE_CREATED.type(), EventType.OBJECTIVE_UPDATED.type(),
                EventType.KEY_RESULT_MEASURED.type(), EventType.OBJECTIVE_UPDATED.type()),
                events.stream().map(KafkaEvents.Event::type).toList());

        JsonNode created = events.get(0).payload();
        assertEquals(product, created.get("productId").asText());
        assertEquals("2027-Q1", created.get("period").asText());
        assertEquals(0, created.get("keyResults").size());
        assertTrue(created.path("progress").isMissingNode() || created.path("progress").isNull());
        assertEquals(0, created.get("version").asLong());

        JsonNode withKr = events.get(1).payload();
        assertEquals(kr, withKr.get("keyResults").get(0).get("keyResultId").asText());
        assertEquals(120, withKr.get("keyResults").get(0).get("current").asInt());
        assertEquals(0.0, withKr.get("keyResults").get(0).get("progress").asDouble());
        assertEquals(1, withKr.get("version").asLong());

        JsonNode measured = events.get(2).payload();
        assertEquals(id, measured.get("objectiveId").asText());
        assertEquals(kr, measured.get("keyResultId").asText());
        assertEquals(product, measured.get("productId").asText());
        assertEquals(150, measured.get("value").asInt());
        assertEquals("2027-01-31T00:00:00Z", measured.get("measuredAt").asText());
        assertEquals("analytics", measured.get("source").asText());
        assertEquals(150, measured.get("current").asInt());
        assertEquals(37.5, measured.get("progress").asDouble());
        assertEquals(37.5, measured.get("objectiveProgress").asDouble());
        assertEquals(2, measured.get("version").asLong());

        JsonNode updated = events.get(3).payload();
        assertEquals("2027-Q2", updated.get("period").asText());
        assertEquals(37.5, updated.get("progress").asDouble());
        assertEquals(37.5, updated.get("keyResults").get(0).get("progress").asDouble());
        assertEquals(3, updated.get("version").asLong());
    }
}
