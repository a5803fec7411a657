package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.platform.events.EventEnvelope;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

/** product-service's events as a test publishes them to the real broker, and bounded waits for their effect. */
final class CatalogEvents {

    /** An event of {@code type} about {@code aggregateId} with a fresh ce_id, on partition 0 (so events stay ordered). */
    static ProducerRecord<String, byte[]> event(EventType type, UUID aggregateId, String json) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/tandem/product-service",
                type.type(), aggregateId.toString(), Instant.now(), 1, null);
        return new ProducerRecord<>(Topics.PRODUCT, 0, aggregateId.toString(), json.getBytes(StandardCharsets.UTF_8),
                envelope.toHeaders());
    }

    static ProducerRecord<String, byte[]> product(EventType type, UUID id, String key, String name, String stage,
                                                  long version) {
        return event(type, id, """
                {"productId": "%s", "key": "%s", "name": "%s", "targetSegments": [], "lifecycleStage": "%s",
                 "createdAt": "2026-11-22T09:15:00Z", "updatedAt": "2026-11-22T09:15:00Z",
                 "deletedAt": "2026-11-22T10:00:00Z", "from": "CONCEPT", "to": "%s", "version": %d}"""
                .formatted(id, key, name, stage, stage, version));
    }

    static ProducerRecord<String, byte[]> feature(EventType type, UUID id, UUID productId, String title, String status,
                                                  long version) {
        return event(type, id, """
                {"featureId": "%s", "productId": "%s", "title": "%s", "problem": "p", "status": %s,
                 "createdAt": "2026-11-22T09:15:00Z", "updatedAt": "2026-11-22T09:15:00Z",
                 "deletedAt": "2026-11-22T10:00:00Z", "version": %d}"""
                .formatted(id, productId, title, status == null ? "null" : "\"" + status + "\"", version));
    }

    /**
     * Publishes a product created event for a fresh marker product and waits until it is in the catalog: every event
     * sent before it on the same partition has then been consumed.
     */
    static void drain() throws Exception {
        UUID marker = UUID.randomUUID();
        send(product(EventType.PRODUCT_CREATED, marker, "MRK", "Marker", "CONCEPT", 0));
        awaitStatus("/api/v1/catalog/products/" + marker, 200);
    }

    static void send(ProducerRecord<String, byte[]> record) {
        KafkaEvents.send(record);
    }

    static Response awaitStatus(String path, int status) {
        return await(path, r -> r.statusCode() == status, "GET " + path + " → " + status);
    }

    /** Polls {@code path} for at most 30 s until {@code done} holds. */
    static Response await(String path, Predicate<Response> done, String what) {
        AtomicReference<Response> response = new AtomicReference<>();
        Awaitility.await(what).atMost(KafkaEvents.WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    response.set(given().get(path));
                    assertTrue(done.test(response.get()), what + ", last response: " + response.get().asString());
                });
        return response.get();
    }

    /** The inbox's duplicate counter for one event type. */
    static long duplicates(EventType type) {
        return ((Number) given().get("/q/metrics").then().extract().body().asString().lines()
                .filter(l -> l.startsWith("tandem_inbox_duplicates_total") && l.contains(type.type()))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0.0)).longValue();
    }

    private CatalogEvents() {
    }
}
