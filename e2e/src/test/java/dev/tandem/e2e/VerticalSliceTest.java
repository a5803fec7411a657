package dev.tandem.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.tandem.devstack.stack.StackEndpoints;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first slice through everything, as an integrator sees it: create a product at the gateway, find it in
 * feedback-service (which learnt it from the event alone), and read the event from Kafka with plain clients.
 */
class VerticalSliceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackEndpoints stack;

    @BeforeAll
    static void startStack() {
        stack = SystemUnderTest.endpoints();
    }

    @Test
    void aProductCreatedAtTheGatewayReachesFeedbackServiceThroughKafka() throws Exception {
        String key = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
        String requestId = "e2e-" + UUID.randomUUID();
        Response created = given().baseUri(stack.gatewayUrl())
                .contentType(ContentType.JSON)
                .header("X-Request-Id", requestId)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"key\": \"" + key + "\", \"name\": \"Slice\", \"targetSegments\": [\"SMB\"]}")
                .post("/api/v1/products");
        created.then().statusCode(201)
                .header("X-Request-Id", requestId)
                .header("Location", startsWith(stack.gatewayUrl() + "/api/v1/products/"))
                .body("key", equalTo(key))
                .body("lifecycleStage", equalTo("CONCEPT"));
        String id = created.path("id");

        Response known = awaitStatus(stack.gatewayUrl() + "/api/v1/catalog/products/" + id, 200, Duration.ofSeconds(60));
        known.then().body("key", equalTo(key)).body("name", equalTo("Slice"));

        KafkaEvents.Event record = readEvent(id);
        CloudEvent event = new CloudEventDeserializer().deserialize(record.topic(), record.headers(), record.value());
        assertEquals(EventType.PRODUCT_CREATED.type(), event.getType());
        assertEquals(URI.create("/tandem/product-service"), event.getSource());
        assertEquals(id, event.getSubject());
        assertEquals("application/json", event.getDataContentType());
        assertNotNull(event.getTime());
        assertTrue(event.getTime().isAfter(OffsetDateTime.now().minusMinutes(5)));
        assertEquals(1L, Long.parseLong(String.valueOf(event.getExtension("sequence"))));
        UUID.fromString(event.getId());

        JsonNode data = JSON.readTree(event.getData().toBytes());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(
                getClass().getClassLoader().getResourceAsStream(EventType.PRODUCT_CREATED.schemaResource()));
        assertEquals(Set.of(), schema.validate(data));
        assertEquals(id, data.get("productId").asText());
    }

    @Test
    void theGatewayServesOneOpenApiDocumentForAllServices() {
        given().baseUri(stack.gatewayUrl()).get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/products"))
                .body("paths", hasKey("/api/v1/catalog/products/{id}"));
    }

    @Test
    void errorsThroughTheGatewayAreProblems() {
        given().baseUri(stack.gatewayUrl()).get("/api/v1/products/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().baseUri(stack.gatewayUrl()).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/v1/products").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static KafkaEvents.Event readEvent(String key) {
        try (KafkaEvents reader = KafkaEvents.on(stack.kafkaBootstrapServers(), List.of(Topics.PRODUCT))
                .checkingContract()) {
            return reader.awaitAtLeast(1, KafkaEvents.withKey(key), Duration.ofSeconds(60)).get(0);
        }
    }

    private static Response awaitStatus(String url, int status, Duration timeout) {
        AtomicReference<Response> response = new AtomicReference<>();
        await("GET " + url + " → " + status).atMost(timeout).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    response.set(given().get(url));
                    assertEquals(status, response.get().statusCode(), "GET " + url + " → " + response.get().asString());
                });
        return response.get();
    }
}
