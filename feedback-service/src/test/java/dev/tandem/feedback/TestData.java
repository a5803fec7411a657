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
