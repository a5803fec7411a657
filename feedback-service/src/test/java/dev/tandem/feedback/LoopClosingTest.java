package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** feature.released from the real broker closes the loop: items ADDRESSED, each customer told once. */
@QuarkusTest
class LoopClosingTest {

    private static String linkedItem(UUID customer, UUID product, UUID feature) {
        String id = TestData.create(TestData.feedback("SALES", "LC-" + UUID.randomUUID(), customer, product,
                "Need bulk refunds", "Refunding one by one is painful.", null, "[]"));
        given().contentType(ContentType.JSON)
                .body("{\"featureId\": \"" + feature + "\", \"importance\": \"CRITICAL\"}")
                .post("/api/v1/feedback/" + id + "/links").then().statusCode(201);
        return id;
    }

    private static void move(String id, long version, String status) {
        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body("{\"status\": \"" + status + "\"}").post("/api/v1/feedback/" + id + "/status").then()
                .statusCode(200);
    }

    private static String status(String id) {
        return given().get("/api/v1/feedback/" + id).then().statusCode(200).extract().path("status");
    }

    @Test
    void aReleasedFeatureAddressesItsFeedbackAndTellsEachCustomerOnceEvenWhenRedelivered() throws Exception {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Bulk refunds");
        UUID releaseId = UUID.randomUUID();
        UUID alice = TestData.customer();
        UUID bob = TestData.customer();
        UUID carol = TestData.customer();
        String a1 = linkedItem(alice, product, feature);
        String a2 = linkedItem(alice, product, feature);
        String b1 = linkedItem(bob, product, feature);
        String b2 = linkedItem(bob, product, feature);
        move(b2, 1, "ARCHIVED");
        String c1 = linkedItem(carol, product, feature);
        move(c1, 1, "ADDRESSED");
        move(c1, 2, "CLOSED");
        String unrelated = TestData.create(TestData.feedback("SALES", "LC-" + UUID.randomUUID(), alice, product,
                "Other", "Not linked.", null, "[]"));
        long duplicatesBefore = CatalogEvents.duplicates(EventType.FEATURE_RELEASED);

        ProducerRecord<String, byte[]> released = CatalogEvents.event(EventType.FEATURE_RELEASED, feature, """
                {"featureId": "%s", "productId": "%s", "title": "Bulk refunds", "releaseId": "%s",
                 "releaseName": "2026.12", "releasedAt": "2026-11-22T12:00:00Z", "version": 7}"""
                .formatted(feature, product, releaseId));
        CatalogEvents.send(released);
        CatalogEvents.send(released);   // redelivered: same ce_id
        // released again under a new ce_id (e.g. a re-run upstream): still nobody is told twice
        CatalogEvents.send(CatalogEvents.event(EventType.FEATURE_RELEASED, feature, new String(released.value())));
        CatalogEvents.drain();

        assertEquals("ADDRESSED", status(a1));
        assertEquals("ADDRESSED", status(a2));
        assertEquals("ADDRESSED", status(b1));
        assertEquals("ARCHIVED", status(b2));
        assertEquals("CLOSED", status(c1));
        assertEquals("NEW", status(unrelated));
        given().get("/api/v1/catalog/features/" + feature).then().statusCode(200).body("status", equalTo("RELEASED"));
        assertEquals(duplicatesBefore + 1, CatalogEvents.duplicates(EventType.FEATURE_RELEASED));

        assertEquals(1, TestData.outboxCount(EventType.FEEDBACK_LOOP_CLOSED, alice));
        assertEquals(1, TestData.outboxCount(EventType.FEEDBACK_LOOP_CLOSED, bob));
        assertEquals(0, TestData.outboxCount(EventType.FEEDBACK_LOOP_CLOSED, carol));
        // a1: PLANNED on linking, ADDRESSED on release; nothing more for the redelivered and repeated events
        assertEquals(2, TestData.outboxCount(EventType.FEEDBACK_STATUS_CHANGED, a1));

        JsonNode toAlice = KafkaEvents.eventOf(Topics.FEEDBACK, alice.toString(), EventType.FEEDBACK_LOOP_CLOSED)
                .payload();
        assertEquals(feature.toString(), toAlice.get("featureId").asText());
        assertEquals("Bulk refunds", toAlice.get("featureTitle").asText());
        assertEquals(releaseId.toString(), toAlice.get("releaseId").asText());
        assertEquals("buyer@acme.example", toAlice.get("contactEmail").asText());
        assertEquals("2026-11-22T12:00:00Z", toAlice.get("releasedAt").asText());
        Set<String> ids = new HashSet<>();
        toAlice.get("feedbackIds").forEach(n -> ids.add(n.asText()));
        assertEquals(Set.of(a1, a2), ids);
        JsonNode toBob = KafkaEvents.eventOf(Topics.FEEDBACK, bob.toString(), EventType.FEEDBACK_LOOP_CLOSED)
                .payload();
        assertEquals(1, toBob.get("feedbackIds").size());
        assertEquals(b1, toBob.get("feedbackIds").get(0).asText());
    }
}
