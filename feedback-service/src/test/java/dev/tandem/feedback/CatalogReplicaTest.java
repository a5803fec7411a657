package dev.tandem.feedback;

import static dev.tandem.feedback.CatalogEvents.awaitStatus;
import static dev.tandem.feedback.CatalogEvents.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.platform.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    void updatesApplyInVersionOrderAndAnOlderEventArrivingLateChangesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        String path = "/api/v1/catalog/products/" + id;
        CatalogEvents.send(CatalogEvents.product(EventType.PRODUCT_CREATED, id, "PAY", "Payments", "CONCEPT", 0));
        CatalogEvents.send(CatalogEvents.product(EventType.PRODUCT_UPDATED, id, "PAY", "Payments v2", "CONCEPT", 2));
        CatalogEvents.await(path, r -> Integer.valueOf(2).equals(r.path("sourceVersion")), "updated applied")
                .then().body("name", equalTo("Payments v2"));

        CatalogEvents.send(CatalogEvents.product(EventType.PRODUCT_UPDATED, id, "PAY", "Payments v1", "CONCEPT", 1));
        CatalogEvents.drain();
        given().get(path).then().body("name", equalTo("Payments v2")).body("sourceVersion", equalTo(2));

        CatalogEvents.send(CatalogEvents.product(EventType.PRODUCT_LIFECYCLE_CHANGED, id, "PAY", "Payments v2",
                "DISCOVERY", 3));
        CatalogEvents.await(path, r -> "DISCOVERY".equals(r.path("lifecycleStage")), "lifecycle-changed applied")
                .then().body("sourceVersion", equalTo(3)).body("deletedAt", nullValue());
    }

    @Test
    void aDeletedProductStaysKnownButTakesNoNewFeedback() throws Exception {
        UUID id = UUID.randomUUID();
        String path = "/api/v1/catalog/products/" + id;
        UUID customer = TestData.customer();
        CatalogEvents.send(CatalogEvents.product(EventType.PRODUCT_CREATED, id, "OLD", "Legacy", "CONCEPT", 0));
        CatalogEvents.awaitStatus(path, 200);
        String existing = TestData.create(TestData.feedback("SUPPORT", null, customer, id, "Before", "Works fine",
                null, "[]"));

        CatalogEvents.send(CatalogEvents.product(EventType.PRODUCT_DELETED, id, "OLD", "Legacy", "CONCEPT", 1));
        CatalogEvents.await(path, r -> r.path("deletedAt") != null, "deleted applied")
                .then().statusCode(200).body("deletedAt", equalTo("2026-11-22T10:00:00Z"));
        given().queryParam("limit", 100).get("/api/v1/catalog/products").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));

        given().contentType(ContentType.JSON).body(TestData.feedback("SUPPORT", null, customer, id, "After",
                        "Still broken", null, "[]"))
                .post("/api/v1/feedback").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("productId"));
        given().queryParam("productId", id.toString()).get("/api/v1/feedback").then().statusCode(200)
                .body("items.id", contains(existing));
        given().get("/api/v1/feedback/" + existing).then().statusCode(200);
    }

    @Test
    void productsAreListedWithACursor() throws Exception {
        CatalogEvents.drain();
        CatalogEvents.drain();
        String cursor = given().queryParam("limit", 1).get("/api/v1/catalog/products").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/catalog/products").then()
                .statusCode(200).body("items.size()", equalTo(1));
        given().queryParam("cursor", "garbage").get("/api/v1/catalog/products").then().statusCode(400);
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
}
