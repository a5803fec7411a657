package dev.tandem.product.product;

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

/** updated, lifecycle-changed and deleted, read back from Kafka and checked against their schemas. */
@QuarkusTest
class ProductChangeEventsTest {

    @Test
    void updateAndLifecycleChangesPublishTheProductsStateInOrder() {
        String id = Fixtures.product("Events", "ana", "v1");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"vision\": \"v2\"}")
                .patch("/api/v1/products/" + id).then().statusCode(200);
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"vision\": \"v2\"}")
                .patch("/api/v1/products/" + id).then().statusCode(200).header("ETag", "\"1\"");  // no change, no event
        withCurrentETag("POST", "/api/v1/products/" + id + "/lifecycle",
                "{\"stage\": \"LAUNCHED\", \"reason\": \"GA\", \"changedBy\": \"li\"}").then().statusCode(200);

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, id, 3);
        assertEquals(List.of(EventType.PRODUCT_CREATED.type(), EventType.PRODUCT_UPDATED.type(),
                EventType.PRODUCT_LIFECYCLE_CHANGED.type()), events.stream().map(KafkaEvents.Event::type).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(KafkaEvents.Event::sequence).toList());

        JsonNode updated = events.get(1).payload();
        assertEquals("v2", updated.get("vision").asText());
        assertEquals("Events", updated.get("name").asText());
        assertEquals(1, updated.get("version").asLong());

        JsonNode changed = events.get(2).payload();
        assertEquals("CONCEPT", changed.get("from").asText());
        assertEquals("LAUNCHED", changed.get("to").asText());
        assertEquals("LAUNCHED", changed.get("lifecycleStage").asText());
        assertEquals("GA", changed.get("reason").asText());
        assertEquals("test-user", changed.get("changedBy").asText());
        assertEquals("li", changed.get("onBehalfOf").asText());
        assertEquals(2, changed.get("version").asLong());
        assertTrue(changed.hasNonNull("changedAt"));
    }

    @Test
    void deletePublishesTheLastState() {
        String id = Fixtures.product("Short-lived", null, null);
        given().header("If-Match", "\"0\"").delete("/api/v1/products/" + id).then().statusCode(204);
        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, id, 2);
        assertEquals(EventType.PRODUCT_DELETED.type(), events.get(1).type());
        JsonNode deleted = events.get(1).payload();
        assertEquals(id, deleted.get("productId").asText());
        assertEquals("Short-lived", deleted.get("name").asText());
        assertEquals("CONCEPT", deleted.get("lifecycleStage").asText());
        assertEquals(0, deleted.get("version").asLong());
        assertTrue(deleted.hasNonNull("deletedAt"));
    }
}
