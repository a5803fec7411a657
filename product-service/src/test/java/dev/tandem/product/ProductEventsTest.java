package dev.tandem.product;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** What an integrator reading tandem.product.events with a plain Kafka consumer sees after a create. */
@QuarkusTest
class ProductEventsTest {

    @Test
    void creatingAProductPublishesProductCreatedWithCloudEventsHeaders() throws Exception {
        String key = "E" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body("{\"key\": \"" + key + "\", \"name\": \"Events\", \"targetSegments\": [\"SMB\"]}")
                .post("/api/v1/products").then().statusCode(201).extract().path("id");

        // read as an integrator would; eventsOf also checks the payload against the type's JSON Schema
        KafkaEvents.Event event = KafkaEvents.eventsOf(Topics.PRODUCT, id, 1).get(0);

        assertEquals(EventType.PRODUCT_CREATED.type(), event.type());
        assertEquals("1.0", event.specVersion());
        assertEquals("/tandem/product-service", event.source());
        assertEquals(id, event.subject());
        assertEquals(1, event.sequence());
        assertEquals("application/json", event.contentType());
        UUID.fromString(event.id());
        Instant.parse(event.time());
        assertTrue(event.traceparent() != null && event.traceparent().startsWith("00-" + traceId + "-"),
                "the request's trace continues in the event: " + event.traceparent());

        JsonNode payload = event.payload();
        assertEquals(id, payload.get("productId").asText());
        assertEquals(key, payload.get("key").asText());
        assertEquals("CONCEPT", payload.get("lifecycleStage").asText());
    }
}
