package dev.tandem.feedback;

import static dev.tandem.feedback.CatalogEvents.await;
import static dev.tandem.feedback.CatalogEvents.awaitStatus;
import static dev.tandem.feedback.CatalogEvents.drain;
import static dev.tandem.feedback.CatalogEvents.duplicates;
import static dev.tandem.feedback.CatalogEvents.feature;
import static dev.tandem.feedback.CatalogEvents.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import dev.tandem.events.EventType;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** feedback-service learns features from product-service's events alone. */
@QuarkusTest
class CatalogFeaturesTest {

    @Test
    void aFeatureFollowsItsEventsAndStaysResolvableAfterDeletion() throws Exception {
        UUID product = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String path = "/api/v1/catalog/features/" + id;

        send(feature(EventType.FEATURE_CREATED, id, product, "One-click reorder", "IDEA", 0));
        awaitStatus(path, 200).then().body("productId", equalTo(product.toString()))
                .body("title", equalTo("One-click reorder")).body("status", equalTo("IDEA"))
                .body("sourceVersion", equalTo(0)).body("deletedAt", nullValue());

        send(feature(EventType.FEATURE_UPDATED, id, product, "Reorder in one click", "IDEA", 1));
        send(feature(EventType.FEATURE_STATUS_CHANGED, id, product, "Reorder in one click", "PLANNED", 2));
        await(path, r -> "PLANNED".equals(r.path("status")), "status-changed applied")
                .then().body("title", equalTo("Reorder in one click")).body("sourceVersion", equalTo(2));

        // committed.v1 carries no status: it means COMMITTED.
        send(feature(EventType.FEATURE_COMMITTED, id, product, "Reorder in one click", null, 3));
        await(path, r -> "COMMITTED".equals(r.path("status")), "committed applied");

        given().queryParam("productId", product.toString()).get("/api/v1/catalog/features").then().statusCode(200)
                .body("items.id", contains(id.toString()));

        send(feature(EventType.FEATURE_DELETED, id, product, "Reorder in one click", "COMMITTED", 4));
        await(path, r -> r.path("deletedAt") != null, "deleted applied")
                .then().statusCode(200).body("deletedAt", equalTo("2026-11-22T10:00:00Z")).body("sourceVersion", equalTo(4));
        given().queryParam("productId", product.toString()).get("/api/v1/catalog/features").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void anOlderEventArrivingLateChangesNothing() throws Exception {
        UUID product = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String path = "/api/v1/catalog/features/" + id;
        send(feature(EventType.FEATURE_REJECTED, id, product, "Dark mode", "REJECTED", 5));
        awaitStatus(path, 200).then().body("status", equalTo("REJECTED"));

        send(feature(EventType.FEATURE_STATUS_CHANGED, id, product, "Dark mode (old)", "CANDIDATE", 4));
        drain();
        given().get(path).then().body("status", equalTo("REJECTED")).body("title", equalTo("Dark mode"))
                .body("sourceVersion", equalTo(5));
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        UUID product = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String path = "/api/v1/catalog/features/" + id;
        ProducerRecord<String, byte[]> created = feature(EventType.FEATURE_CREATED, id, product, "Exports", "IDEA", 0);
        send(created);
        awaitStatus(path, 200);
        send(feature(EventType.FEATURE_UPDATED, id, product, "CSV exports", "CANDIDATE", 1));
        await(path, r -> "CANDIDATE".equals(r.path("status")), "updated applied");

        long before = duplicates(EventType.FEATURE_CREATED);
        send(created);
        drain();
        given().get(path).then().body("title", equalTo("CSV exports")).body("status", equalTo("CANDIDATE"))
                .body("sourceVersion", equalTo(1));
        assertEquals(before + 1, duplicates(EventType.FEATURE_CREATED), "the redelivery was recognised as a duplicate");
    }

    @Test
    void listingNeedsAProductAndPagesWithACursor() throws Exception {
        given().get("/api/v1/catalog/features").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("productId"));
        given().get("/api/v1/catalog/features/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        UUID product = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            send(feature(EventType.FEATURE_CREATED, UUID.randomUUID(), product, "F" + i, "IDEA", 0));
        }
        drain();
        String cursor = given().queryParam("productId", product.toString()).queryParam("limit", 2)
                .get("/api/v1/catalog/features").then().statusCode(200).body("items.size()", equalTo(2))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().queryParam("productId", product.toString()).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/catalog/features").then().statusCode(200).body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
    }
}
