package dev.tandem.feedback;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.tandem.feedback.catalog.CatalogProduct;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/** Customers and catalog products for feedback tests. */
final class TestData {

    /** A product in the catalog, as if its dev.tandem.product.created.v1 had arrived (CatalogReplicaTest covers that path). */
    static UUID product() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> CatalogProduct.getEntityManager().createNativeQuery("""
                        INSERT INTO catalog_product (id, product_key, name, lifecycle_stage, source_version, updated_at)
                        VALUES (?1, 'TST', 'Test product', 'CONCEPT', 0, now())""")
                .setParameter(1, id).executeUpdate());
        return id;
    }

    /** A feature of {@code productId} in the catalog, as if its dev.tandem.feature.created.v1 had arrived. */
    static UUID feature(UUID productId, String title) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> CatalogProduct.getEntityManager().createNativeQuery("""
                        INSERT INTO catalog_feature (id, product_id, title, status, source_version, updated_at)
                        VALUES (?1, ?2, ?3, 'PLANNED', 0, now())""")
                .setParameter(1, id).setParameter(2, productId).setParameter(3, title).executeUpdate());
        return id;
    }

    /** How many events of {@code type} about {@code aggregateId} the outbox holds (what the service published). */
    static long outboxCount(dev.tandem.events.EventType type, Object aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) CatalogProduct.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE event_type = ?1 AND aggregate_id = ?2")
                .setParameter(1, type.type()).setParameter(2, aggregateId.toString()).getSingleResult()).longValue());
    }

    static UUID customer() {
        return UUID.fromString(CustomerApiTest.create(CustomerApiTest.crmId(), "Feedback giver"));
    }

    static String feedback(String source, String ref, UUID customer, UUID product, String title, String text,
                           String receivedAt, String tagsJson) {
        return """
                {"source": "%s", "externalReference": %s, "customerId": "%s", "productId": "%s", "title": "%s",
                 "text": "%s", "receivedAt": %s, "tags": %s, "owner": "ana.pm@example.com"}""".formatted(source,
                ref == null ? "null" : "\"" + ref + "\"", customer, product, title, text,
                receivedAt == null ? "null" : "\"" + receivedAt + "\"", tagsJson);
    }

    static String create(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/feedback").then().statusCode(201)
                .extract().path("id");
    }

    private TestData() {
    }
}
