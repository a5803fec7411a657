package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.platform.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** feedback-service learns products from product-service's events alone. */
@QuarkusTest
class CatalogReplicaTest {

    @Test
    void aProductCreatedEventMakesTheProductKnownOnce() throws Exception {
        UUID productId = UUID.randomUUID();
        ProducerRecord<String, byte[]> event = productCreated(productId, "CHK", "Checkout");

        send(event);
        awaitStatus("/api/v1/catalog/products/" + productId, 200)
                .then().body("key", equalTo("CHK"))
                .body("name", equalTo("Checkout"))
                .body("lifecycleStage", equalTo("CONCEPT"))
                .body("sourceVersion", equalTo(0));

        // The same event again (a redelivery) and a marker event behind it on the same partition.
        send(event);
        UUID marker = UUID.randomUUID();
        send(productCreated(marker, "MRK", "Marker"));
        awaitStatus("/api/v1/catalog/products/" + marker, 200);

        assertEquals(1L, ((Number) given().get("/q/metrics").then().extract().body().asString().lines()
                .filter(l -> l.startsWith("tandem_inbox_duplicates_total") && l.contains(EventType.PRODUCT_CREATED.type()))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0.0)).longValue(), "the redelivered event was recognised as a duplicate");
    }

    @Test
    void anUnknownProductIsAProblem() {
        given().get("/api/v1/catalog/products/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static ProducerRecord<String, byte[]> productCreated(UUID id, String key, String name) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/tandem/product-service",
                EventType.PRODUCT_CREATED.type(), id.toString(), Instant.now(), 1, null);
        String json = """
                {"productId": "%s", "key": "%s", "name": "%s", "targetSegments": [], "lifecycleStage": "CONCEPT",
                 "createdAt": "2026-11-22T09:15:00Z", "version": 0}""".formatted(id, key, name);
        return new ProducerRecord<>(Topics.PRODUCT, 0, id.toString(), json.getBytes(StandardCharsets.UTF_8),
                envelope.toHeaders());
    }

    private static void send(ProducerRecord<String, byte[]> record) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    private static Response awaitStatus(String path, int status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Response response = given().get(path);
        while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            response = given().get(path);
        }
        assertEquals(status, response.statusCode(), "GET " + path);
        return response;
    }
}
