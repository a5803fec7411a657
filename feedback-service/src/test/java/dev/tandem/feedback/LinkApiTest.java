package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Links from feedback to features: rules, answers and the events product-service weighs demand from. */
@QuarkusTest
class LinkApiTest {

    private static String item(UUID customer, UUID product) {
        return TestData.create(TestData.feedback("SUPPORT", "LK-" + UUID.randomUUID(), customer, product,
                "Checkout is slow", "Paying takes forever.", null, "[]"));
    }

    private static io.restassured.response.Response link(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/feedback/" + id + "/links");
    }

    private static String linkBody(UUID feature, String importance) {
        return "{\"featureId\": \"" + feature + "\", \"importance\": \"" + importance + "\", \"linkedBy\": \"ana.pm@example.com\"}";
    }

    @Test
    void linkingPlansTheItemAndTheFeatureFilterFindsIt() {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "One-click checkout");
        String id = item(TestData.customer(), product);
        String other = item(TestData.customer(), product);

        link(id, linkBody(feature, "IMPORTANT")).then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/feedback/" + id + "/links/" + feature))
                .header("ETag", equalTo("\"1\""))
                .body("featureTitle", equalTo("One-click checkout"))
                .body("importance", equalTo("IMPORTANT"))
                .body("productId", equalTo(product.toString()));

        given().get("/api/v1/feedback/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("PLANNED"));
        given().get("/api/v1/feedback/" + id + "/links").then().statusCode(200).header("ETag", "\"1\"")
                .body("items", hasSize(1)).body("items[0].featureId", equalTo(feature.toString()));
        given().get("/api/v1/feedback/" + id + "/links/" + feature).then().statusCode(200)
                .body("linkedBy", equalTo("test-user"))
                .body("createdBy.subject", equalTo("test-user"))
                .body("onBehalfOf", equalTo("ana.pm@example.com"));
        given().queryParam("featureId", feature).get("/api/v1/feedback").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        given().get("/api/v1/feedback/" + other + "/links").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void onlyALiveFeatureOfTheItemsProductCanBeLinkedOnce() {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Saved carts");
        UUID otherProductsFeature = TestData.feature(TestData.product(), "Elsewhere");
        String id = item(TestData.customer(), product);

        link(id, linkBody(UUID.randomUUID(), "IMPORTANT")).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("featureId"));
        link(id, linkBody(otherProductsFeature, "IMPORTANT")).then().statusCode(422)
                .body("errors[0].field", equalTo("featureId"))
                .body("errors[0].message", containsString("another product"));
        link(id, "{\"featureId\": \"" + feature + "\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("importance"));
        link(id, linkBody(feature, "URGENT")).then().statusCode(400)
                .body("errors[0].field", equalTo("importance"))
                .body("errors[0].message", containsString("CRITICAL"));
        link(id, "{\"featureId\": \"" + feature + "\", \"importance\": \"IMPORTANT\", \"weight\": 3}").then()
                .statusCode(400).body("errors[0].field", equalTo("weight"));
        link(UUID.randomUUID().toString(), linkBody(feature, "IMPORTANT")).then().statusCode(404);
        // nothing was written by the refused requests
        given().get("/api/v1/feedback/" + id).then().header("ETag", "\"0\"").body("status", equalTo("NEW"));

        link(id, linkBody(feature, "IMPORTANT")).then().statusCode(201);
        link(id, linkBody(feature, "CRITICAL")).then().statusCode(409)
                .body("errors[0].field", equalTo("featureId"));

        QuarkusTransaction.requiringNew().run(() -> dev.tandem.feedback.catalog.CatalogFeature.getEntityManager()
                .createNativeQuery("UPDATE catalog_feature SET deleted_at = now() WHERE id = ?1")
                .setParameter(1, feature).executeUpdate());
        String second = item(TestData.customer(), product);
        link(second, linkBody(feature, "IMPORTANT")).then().statusCode(422)
                .body("errors[0].field", equalTo("featureId"))
                .body("errors[0].message", containsString("deleted"));
    }

    @Test
    void importanceChangesAndUnlinkingNeedTheItemsETag() {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Export to CSV");
        String id = item(TestData.customer(), product);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\": \"TRIAGED\"}")
                .post("/api/v1/feedback/" + id + "/status").then().statusCode(200);
        link(id, linkBody(feature, "NICE_TO_HAVE")).then().statusCode(201).header("ETag", "\"2\"");
        given().get("/api/v1/feedback/" + id).then().body("status", equalTo("PLANNED"));

        String path = "/api/v1/feedback/" + id + "/links/" + feature;
        given().contentType(ContentType.JSON).body("{\"importance\": \"CRITICAL\"}").patch(path).then()
                .statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"importance\": \"CRITICAL\"}")
                .patch(path).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"importance\": \"CRITICAL\"}")
                .patch(path).then().statusCode(200).header("ETag", "\"3\"").body("importance", equalTo("CRITICAL"));
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"importance\": \"CRITICAL\"}")
                .put(path).then().statusCode(200).header("ETag", "\"3\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"importance\": \"LOW\"}")
                .patch(path).then().statusCode(400).body("errors[0].field", equalTo("importance"));
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"importance\": \"CRITICAL\"}")
                .patch("/api/v1/feedback/" + id + "/links/" + UUID.randomUUID()).then().statusCode(404);

        given().delete(path).then().statusCode(428);
        given().header("If-Match", "\"3\"").delete(path).then().statusCode(204).header("ETag", "\"4\"");
        given().get(path).then().statusCode(404);
        given().get("/api/v1/feedback/" + id).then().body("status", equalTo("PLANNED"));
    }

    @Test
    void linkEventsCarryTheCustomersRevenueAndFollowTheItemsLife() throws Exception {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Bulk refunds");
        UUID customer = TestData.customer();
        UUID newCustomer = UUID.fromString(given().contentType(ContentType.JSON).body("""
                        {"externalCrmId": "%s", "name": "Smaller buyer", "tier": "GROWTH",
                         "annualRevenue": {"amount": "50000.00", "currency": "USD"}}""".formatted(CustomerApiTest.crmId()))
                .post("/api/v1/customers").then().statusCode(201).extract().<String>path("id"));
        String id = item(customer, product);
        String path = "/api/v1/feedback/" + id;
        link(id, linkBody(feature, "IMPORTANT")).then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"importance\": \"CRITICAL\"}")
                .patch(path + "/links/" + feature).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{\"customerId\": \"" + newCustomer + "\"}").patch(path).then().statusCode(200);
        given().header("If-Match", "\"3\"").delete(path).then().statusCode(204);

        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.FEEDBACK, id, 7);
        records.get(0).payloadOf(EventType.FEEDBACK_RECEIVED);
        JsonNode planned = records.get(1).payloadOf(EventType.FEEDBACK_STATUS_CHANGED);
        assertEquals("PLANNED", planned.get("to").asText());
        JsonNode linked = records.get(2).payloadOf(EventType.FEEDBACK_LINKED);
        assertEquals(feature.toString(), linked.get("featureId").asText());
        assertEquals(product.toString(), linked.get("productId").asText());
        assertEquals(customer.toString(), linked.get("customerId").asText());
        assertEquals("IMPORTANT", linked.get("importance").asText());
        assertTrue(linked.path("previousImportance").isMissingNode() || linked.path("previousImportance").isNull());
        assertEquals("120000.00", linked.path("customerAnnualRevenue").path("amount").asText());
        assertEquals("EUR", linked.path("customerAnnualRevenue").path("currency").asText());
        assertEquals(1, linked.get("version").asLong());

        JsonNode changed = records.get(3).payloadOf(EventType.FEEDBACK_LINKED);
        assertEquals("CRITICAL", changed.get("importance").asText());
        assertEquals("IMPORTANT", changed.get("previousImportance").asText());
        assertEquals(2, changed.get("version").asLong());

        records.get(4).payloadOf(EventType.FEEDBACK_UPDATED);
        JsonNode resent = records.get(5).payloadOf(EventType.FEEDBACK_LINKED);
        // the link moves to the new customer and their weight (product-service upserts it per feedback and feature)
        assertEquals(newCustomer.toString(), resent.get("customerId").asText());
        assertEquals("CRITICAL", resent.get("importance").asText());
        assertEquals("50000.00", resent.path("customerAnnualRevenue").path("amount").asText());
        assertEquals("USD", resent.path("customerAnnualRevenue").path("currency").asText());
        assertEquals(3, resent.get("version").asLong());

        JsonNode unlinked = records.get(6).payloadOf(EventType.FEEDBACK_UNLINKED);
        assertEquals(feature.toString(), unlinked.get("featureId").asText());
        assertEquals("CRITICAL", unlinked.get("importance").asText());
        assertEquals("50000.00", unlinked.path("customerAnnualRevenue").path("amount").asText());
        assertEquals(newCustomer.toString(), unlinked.get("customerId").asText());
        assertEquals(4, unlinked.get("version").asLong());
        JsonNode deleted = KafkaEvents.eventsOf(Topics.FEEDBACK, id, 8).get(7).payloadOf(EventType.FEEDBACK_DELETED);
        assertEquals(4, deleted.get("version").asLong());
    }

    @Test
    void aLinkedItemKeepsItsProductUntilItIsUnlinked() {
        UUID product = TestData.product();
        UUID otherProduct = TestData.product();
        UUID feature = TestData.feature(product, "Split payments");
        String id = item(TestData.customer(), product);
        String path = "/api/v1/feedback/" + id;
        link(id, linkBody(feature, "IMPORTANT")).then().statusCode(201).header("ETag", "\"1\"");

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"productId\": \"" + otherProduct + "\", \"title\": \"Moved\"}").patch(path).then()
                .statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("productId"))
                .body("detail", containsString("unlink"));
        // nothing changed: same version, product, title and link; no event
        given().get(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("productId", equalTo(product.toString()))
                .body("title", equalTo("Checkout is slow"));
        given().get(path + "/links").then().body("items.featureId", equalTo(List.of(feature.toString())));
        assertEquals(0, TestData.outboxCount(EventType.FEEDBACK_UPDATED, id));

        // the same product is no move; without links the item may move
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"productId\": \"" + product + "\"}").patch(path).then().statusCode(200)
                .header("ETag", "\"1\"");
        given().header("If-Match", "\"1\"").delete(path + "/links/" + feature).then().statusCode(204);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{\"productId\": \"" + otherProduct + "\"}").patch(path).then().statusCode(200)
                .header("ETag", "\"3\"").body("productId", equalTo(otherProduct.toString()));
    }
}
