package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.platform.events.EventEnvelope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A committed feature in product-service becomes exactly one proposed project here. */
@QuarkusTest
class FeatureCommittedConsumerTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCommittedFeatureIsProposedOnceHoweverOftenItArrives() throws Exception {
        UUID feature = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.send(featureCommitted(eventId, feature, product, "One-click reorder", 4));
        KafkaEvents.send(featureCommitted(eventId, feature, product, "One-click reorder", 4));   // redelivery
        KafkaEvents.send(featureCommitted(UUID.randomUUID().toString(), feature, product, "Reorder again", 5));
        // a marker behind them on the same partition: once it is proposed, the three before it were processed
        UUID marker = UUID.randomUUID();
        KafkaEvents.send(featureCommitted(UUID.randomUUID().toString(), marker, product, "Marker", 1));
        awaitProjects(product, 2);

        Response list = given().queryParam("productId", product).get("/api/v1/projects");
        list.then().statusCode(200).body("items.size()", equalTo(2));
        List<List<String>> featureLists = list.path("items.featureIds");
        assertEquals(List.of(List.of(feature.toString()), List.of(marker.toString())), featureLists,
                "one project for the feature (however often committed), one for the marker");

        double duplicates = given().get("/q/metrics").then().extract().body().asString().lines()
                .filter(l -> l.startsWith("tandem_inbox_duplicates_total") && l.contains(EventType.FEATURE_COMMITTED.type()))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertEquals(1.0, duplicates, "the redelivered event (same ce_id) was dropped by the inbox");

        String projectId = list.path("items[0].id");
        given().get("/api/v1/projects/" + projectId).then().statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .body("name", equalTo("One-click reorder"))
                .body("key", equalTo("F" + feature.toString().substring(0, 7).toUpperCase()))
                .body("productId", equalTo(product.toString()))
                .body("scope", equalTo("Repeat buyers re-enter the same basket every week."))
                .body("initialEstimatePersonMonths", equalTo(2.5f))
                .body("proposedForFeatureId", equalTo(feature.toString()));

        var records = KafkaEvents.eventsOf(Topics.PROJECT, projectId, 1);
        JsonNode created = records.get(0).payloadOf(EventType.PROJECT_CREATED);
        assertEquals("PROPOSED", created.get("status").asText());
        assertEquals(feature.toString(), created.get("featureIds").get(0).asText());
        assertEquals(product.toString(), created.get("productId").asText());
        assertEquals(2.5, created.get("initialEstimatePersonMonths").asDouble());
    }

    @Test
    void aKeyClashGetsAnotherKey() throws Exception {
        UUID product = UUID.randomUUID();
        UUID feature = UUID.randomUUID();
        String clashing = "F" + feature.toString().substring(0, 7).toUpperCase();
        ProjectApiTest.create("{\"key\": \"" + clashing + "\", \"name\": \"Took the key first\"}");

        KafkaEvents.send(featureCommitted(UUID.randomUUID().toString(), feature, product, "Clash", 1));
        awaitProjects(product, 1);
        given().queryParam("productId", product).get("/api/v1/projects").then()
                .body("items[0].key", equalTo(clashing + "2"))
                .body("items[0].name", equalTo("Clash"));
    }

    @Test
    void anEventTypeItDoesNotHandleIsSkippedUnreadAndWritesNothing() throws Exception {
        UUID product = UUID.randomUUID();
        String ignoredId = UUID.randomUUID().toString();
        double skippedBefore = metric("tandem_inbox_skipped_total", EventType.PRODUCT_CREATED.type());
        EventEnvelope envelope = new EventEnvelope(ignoredId, "/tandem/product-service",
                EventType.PRODUCT_CREATED.type(), product.toString(), Instant.now(), 1, null);
        // project-service does not handle product.created: it must not even read the payload, so this one is fine
        KafkaEvents.send(new ProducerRecord<>(Topics.PRODUCT, 0, product.toString(),
                "not an event payload".getBytes(StandardCharsets.UTF_8), envelope.toHeaders()));
        // a marker behind it on the same partition: once it is proposed, the skipped one was seen
        KafkaEvents.send(featureCommitted(UUID.randomUUID().toString(), UUID.randomUUID(), product, "Marker", 1));
        awaitProjects(product, 1);

        assertEquals(skippedBefore + 1, metric("tandem_inbox_skipped_total", EventType.PRODUCT_CREATED.type()));
        assertEquals(0.0, metric("tandem_inbox_dead_lettered_total", EventType.PRODUCT_CREATED.type()),
                "skipped, not dead-lettered");
        try (var c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM inbox_event WHERE event_id = ?")) {
            ps.setString(1, ignoredId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "a skipped event leaves no inbox row");
            }
        }
    }

    /** The sum of a Prometheus counter over the series of one event type. */
    private static double metric(String name, String type) {
        return given().get("/q/metrics").then().extract().body().asString().lines()
                .filter(l -> l.startsWith(name) && l.contains("type=\"" + type + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void awaitProjects(UUID product, int count) {
        await("proposed projects for product " + product).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().queryParam("productId", product).get("/api/v1/projects").<Integer>path("items.size()"),
                        greaterThanOrEqualTo(count));
    }

    private static ProducerRecord<String, byte[]> featureCommitted(String eventId, UUID feature, UUID product,
                                                                   String title, long version) {
        EventEnvelope envelope = new EventEnvelope(eventId, "/tandem/product-service",
                EventType.FEATURE_COMMITTED.type(), feature.toString(), Instant.now(), version, null);
        String json = """
                {"featureId": "%s", "productId": "%s", "title": "%s",
                 "problem": "Repeat buyers re-enter the same basket every week.", "effortPersonMonths": 2.5,
                 "committedAt": "2026-11-22T10:00:00Z", "version": %d}""".formatted(feature, product, title, version);
        return new ProducerRecord<>(Topics.PRODUCT, 0, feature.toString(), json.getBytes(StandardCharsets.UTF_8),
                envelope.toHeaders());
    }
}
