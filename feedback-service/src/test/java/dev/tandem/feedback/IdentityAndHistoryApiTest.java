package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.devstack.testing.TestTokens;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Who did what in feedback-service: createdBy/updatedBy, links' linkedBy and every event's actor are the caller of
 * the gateway's internal token (what a body names is only on whose behalf); customers and feedback items have a
 * history, newest first, paged, with each changed field (links included) from → to.
 */
@QuarkusTest
class IdentityAndHistoryApiTest {

    private static final String KEY_ID = "9c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e6f";
    private static final String CRM = TestTokens.apiKey(KEY_ID, "crm-sync", "feedback:write");
    private static final String ANA = TestTokens.person("u-ana", "Ana Lima", "ana@example.com", "feedback:write");
    private static final String BO = TestTokens.person("u-bo", null, "bo@example.com", "feedback:write");

    private static RequestSpecification as(String token) {
        return given().header(TestTokens.HEADER, token).contentType(ContentType.JSON);
    }

    private static Response asWithETag(String token, String method, String path, String body) {
        String etag = as(token).get(path.replaceAll("/(status|links/[0-9a-f-]{36})$", "")).then().statusCode(200)
                .extract().header("ETag");
        return as(token).header("If-Match", etag).body(body).request(method, path);
    }

    private static String customer(String token) {
        return as(token).body(CustomerApiTest.body(CustomerApiTest.crmId(), "Acme GmbH")).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    private static String feedback(String token, UUID customer, UUID product) {
        return as(token).body(TestData.feedback("SUPPORT", "ID-" + UUID.randomUUID(), customer, product,
                        "Checkout is slow", "The checkout page is slow.", null, "[]"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }

    @Test
    void createdByAndUpdatedByAreTheCallersOfTheTokenNotNamesInTheBody() {
        String customer = customer(CRM);
        as(CRM).get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("createdBy.subject", equalTo("apikey:" + KEY_ID))
                .body("createdBy.kind", equalTo("SYSTEM"))
                .body("createdBy.name", equalTo("crm-sync"));
        asWithETag(ANA, "PATCH", "/api/v1/customers/" + customer, "{\"tier\": \"GROWTH\"}").then().statusCode(200)
                .body("updatedBy.subject", equalTo("u-ana")).body("updatedBy.name", equalTo("Ana Lima"))
                .body("createdBy.name", equalTo("crm-sync"));

        String item = feedback(CRM, UUID.fromString(customer), TestData.product());
        as(CRM).get("/api/v1/feedback/" + item).then()
                .body("createdBy.subject", equalTo("apikey:" + KEY_ID))
                // the owner is who is accountable for the item, a field of it, not who acted
                .body("owner", equalTo("ana.pm@example.com"));
        asWithETag(BO, "PATCH", "/api/v1/feedback/" + item, "{\"owner\": \"bo@example.com\"}").then().statusCode(200)
                .body("updatedBy.subject", equalTo("u-bo"))
                .body("updatedBy.name", equalTo("bo@example.com"))
                .body("owner", equalTo("bo@example.com"));
        asWithETag(BO, "PATCH", "/api/v1/feedback/" + item,
                "{\"owner\": \"x\", \"createdBy\": {\"subject\": \"u-ana\"}}").then().statusCode(400)
                .body("errors.field", hasItem("createdBy"));
    }

    @Test
    void aLinkIsTheCallersWithTheNameSentKeptAsOnBehalfOf() throws Exception {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Faster checkout");
        String item = feedback(CRM, TestData.customer(), product);
        as(ANA).body("{\"featureId\": \"" + feature + "\", \"importance\": \"IMPORTANT\", "
                        + "\"linkedBy\": \"mallory@example.com\"}")
                .post("/api/v1/feedback/" + item + "/links").then().statusCode(201)
                .body("linkedBy", equalTo("Ana Lima"))
                .body("onBehalfOf", equalTo("mallory@example.com"))
                .body("createdBy.subject", equalTo("u-ana"));

        KafkaEvents.Event linked = KafkaEvents.eventOf(Topics.FEEDBACK, item, EventType.FEEDBACK_LINKED);
        JsonNode payload = linked.payload();
        assertEquals("Ana Lima", payload.get("linkedBy").asText());
        assertEquals("mallory@example.com", payload.get("onBehalfOf").asText());
        assertEquals("u-ana", linked.actor());
        assertEquals("Ana Lima", linked.actorName());
        assertEquals("PERSON", linked.actorKind());
        KafkaEvents.Event received = KafkaEvents.eventOf(Topics.FEEDBACK, item, EventType.FEEDBACK_RECEIVED);
        assertEquals("apikey:" + KEY_ID, received.actor());
        assertEquals("crm-sync", received.actorName());
        assertEquals("SYSTEM", received.actorKind());
    }

    @Test
    void aFeedbackItemsHistoryListsEachChangeNewestFirstLinksIncluded() {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Faster checkout");
        String item = feedback(CRM, TestData.customer(), product);
        String path = "/api/v1/feedback/" + item;
        asWithETag(ANA, "PATCH", path, "{\"title\": \"Checkout is very slow\", \"owner\": \"\"}").then()
                .statusCode(200);
        as(BO).body("{\"featureId\": \"" + feature + "\", \"importance\": \"IMPORTANT\"}").post(path + "/links")
                .then().statusCode(201);
        asWithETag(ANA, "PATCH", path + "/links/" + feature, "{\"importance\": \"CRITICAL\"}").then()
                .statusCode(200);

        Map<String, String> important = Map.of("featureId", feature.toString(), "importance", "IMPORTANT");
        Map<String, String> critical = Map.of("featureId", feature.toString(), "importance", "CRITICAL");
        as(CRM).get(path + "/history").then().statusCode(200)
                .body("items.size()", equalTo(4))
                .body("items[0].eventType", equalTo("dev.tandem.feedback.linked.v1"))
                .body("items[0].actor.subject", equalTo("u-ana"))
                .body("items[0].changes.links.from", equalTo(List.of(important)))
                .body("items[0].changes.links.to", equalTo(List.of(critical)))
                .body("items[0].changes", not(hasKey("status")))
                // the link moved the item to PLANNED: one change, by who linked it
                .body("items[1].eventType", equalTo("dev.tandem.feedback.status-changed.v1"))
                .body("items[1].actor.subject", equalTo("u-bo"))
                .body("items[1].changes.status.from", equalTo("NEW"))
                .body("items[1].changes.status.to", equalTo("PLANNED"))
                .body("items[1].changes.links.from", equalTo(List.of()))
                .body("items[1].changes.links.to", equalTo(List.of(important)))
                .body("items[2].eventType", equalTo("dev.tandem.feedback.updated.v1"))
                .body("items[2].actor.name", equalTo("Ana Lima"))
                .body("items[2].changes.title.from", equalTo("Checkout is slow"))
                .body("items[2].changes.title.to", equalTo("Checkout is very slow"))
                .body("items[2].changes.owner.from", equalTo("ana.pm@example.com"))
                .body("items[2].changes.owner.to", nullValue())
                .body("items[3].eventType", equalTo("dev.tandem.feedback.received.v1"))
                .body("items[3].actor.subject", equalTo("apikey:" + KEY_ID))
                .body("items[3].actor.kind", equalTo("SYSTEM"))
                .body("items[3].changes.title.from", nullValue())
                .body("items[3].changes.title.to", equalTo("Checkout is slow"))
                .body("nextCursor", nullValue());

        Response first = as(CRM).queryParam("limit", 3).get(path + "/history");
        first.then().statusCode(200).body("items.size()", equalTo(3))
                .header("Link", containsString("rel=\"next\""));
        as(CRM).queryParam("limit", 3).queryParam("cursor", first.<String>path("nextCursor")).get(path + "/history")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].eventType", equalTo("dev.tandem.feedback.received.v1"))
                .body("nextCursor", nullValue());
    }

    @Test
    void aCustomersHistoryListsWhoChangedWhat() {
        String customer = customer(CRM);
        asWithETag(ANA, "PATCH", "/api/v1/customers/" + customer,
                "{\"annualRevenue\": {\"amount\": \"250000.00\", \"currency\": \"EUR\"}}").then().statusCode(200);
        asWithETag(BO, "PATCH", "/api/v1/customers/" + customer, "{\"emailOptOut\": true}").then().statusCode(200);

        as(CRM).get("/api/v1/customers/" + customer + "/history").then().statusCode(200)
                .body("items.eventType", equalTo(List.of("dev.tandem.customer.updated.v1",
                        "dev.tandem.customer.updated.v1", "dev.tandem.customer.created.v1")))
                .body("items[0].actor.name", equalTo("bo@example.com"))
                .body("items[0].changes.emailOptOut.from", equalTo(false))
                .body("items[0].changes.emailOptOut.to", equalTo(true))
                .body("items[1].actor.name", equalTo("Ana Lima"))
                .body("items[1].changes.annualRevenue.to", equalTo(Map.of("amount", "250000.00", "currency", "EUR")))
                .body("items[2].actor.name", equalTo("crm-sync"))
                .body("items[2].changes.name.to", equalTo("Acme GmbH"));
    }

    @Test
    void historyOfAnUnknownRecordIs404AndNeedsTheReadScope() {
        as(CRM).get("/api/v1/customers/" + UUID.randomUUID() + "/history").then().statusCode(404)
                .contentType("application/problem+json");
        as(CRM).get("/api/v1/feedback/" + UUID.randomUUID() + "/history").then().statusCode(404)
                .contentType("application/problem+json");
        String customer = customer(CRM);
        given().header(TestTokens.HEADER, TestTokens.mint("feedback:read")).get("/api/v1/customers/" + customer
                + "/history").then().statusCode(200);
        given().header(TestTokens.HEADER, TestTokens.mint("products:read")).get("/api/v1/customers/" + customer
                + "/history").then().statusCode(403);
    }

    @Test
    void importedItemsAreTheImportersWithAHistoryEach() {
        UUID customer = TestData.customer();
        UUID product = TestData.product();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            rows.append("""
                    {"source": "SUPPORT", "externalReference": "IH-%s-%d", "customerId": "%s", "productId": "%s", "title": "Imported %d", "text": "Row %d"}
                    """.formatted(run, i, customer, product, i, i));
        }
        given().header(TestTokens.HEADER, CRM).contentType("application/x-ndjson")
                .body(rows.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/feedback/imports").then()
                .statusCode(200).body("created", equalTo(3));

        List<String> ids = as(CRM).queryParam("customerId", customer).get("/api/v1/feedback").then().statusCode(200)
                .body("items.createdBy.subject", equalTo(List.of("apikey:" + KEY_ID, "apikey:" + KEY_ID,
                        "apikey:" + KEY_ID)))
                .extract().path("items.id");
        for (String id : ids) {
            as(CRM).get("/api/v1/feedback/" + id + "/history").then().statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].eventType", equalTo("dev.tandem.feedback.received.v1"))
                    .body("items[0].actor.name", equalTo("crm-sync"))
                    .body("items[0].changes.title.to", containsString("Imported"));
        }
    }

    @Test
    void aChangeMadeOnAnotherServicesEventIsFeedbackServicesOwn() throws Exception {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Bulk refunds");
        String item = feedback(CRM, TestData.customer(), product);
        as(ANA).body("{\"featureId\": \"" + feature + "\", \"importance\": \"CRITICAL\"}")
                .post("/api/v1/feedback/" + item + "/links").then().statusCode(201);
        CatalogEvents.send(CatalogEvents.event(EventType.FEATURE_RELEASED, feature, """
                {"featureId": "%s", "productId": "%s", "title": "Bulk refunds", "releaseId": "%s",
                 "releaseName": "2026.12", "releasedAt": "2026-11-22T12:00:00Z", "version": 7}"""
                .formatted(feature, product, UUID.randomUUID())));
        CatalogEvents.drain();

        as(CRM).get("/api/v1/feedback/" + item).then().body("status", equalTo("ADDRESSED"))
                .body("updatedBy.subject", equalTo("system:feedback-service"))
                .body("createdBy.subject", equalTo("apikey:" + KEY_ID));
        as(CRM).get("/api/v1/feedback/" + item + "/history").then()
                .body("items[0].actor.subject", equalTo("system:feedback-service"))
                .body("items[0].actor.kind", equalTo("SYSTEM"))
                .body("items[0].changes.status.from", equalTo("PLANNED"))
                .body("items[0].changes.status.to", equalTo("ADDRESSED"))
                .body("items[1].actor.subject", equalTo("u-ana"));
    }
}
