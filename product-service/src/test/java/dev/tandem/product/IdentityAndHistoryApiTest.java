package dev.tandem.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
 * Who did what: the actor of every change is the caller of the gateway's internal token, never a name in the body —
 * on the record (createdBy/updatedBy), on its events (ce_actor, ce_actorname) and in its history (newest first, the
 * changed fields from → to, paged).
 */
@QuarkusTest
class IdentityAndHistoryApiTest {

    private static final String KEY_ID = "0d6c1f3e-8b2a-4c5d-9e7f-a1b2c3d4e5f6";
    private static final String CRM = TestTokens.apiKey(KEY_ID, "crm-sync", "products:write");
    private static final String ANA = TestTokens.person("u-ana", "Ana Lima", "ana@example.com", "products:write");
    private static final String BO = TestTokens.person("u-bo", null, "bo@example.com", "products:write");

    private static RequestSpecification as(String token) {
        return given().header(TestTokens.HEADER, token).contentType(ContentType.JSON);
    }

    private static Response asWithETag(String token, String method, String path, String body) {
        String etag = as(token).get(path.replaceAll("/(status|lifecycle|pivots|release)$", "")).then().statusCode(200)
                .extract().header("ETag");
        return as(token).header("If-Match", etag).body(body).request(method, path);
    }

    private static String createProduct(String token, String key) {
        return as(token).body("""
                {"key": "%s", "name": "Checkout", "targetSegments": ["SMB"], "owner": "mallory@example.com"}"""
                .formatted(key)).post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    @Test
    void createdByAndUpdatedByAreTheCallersOfTheTokenNotNamesInTheBody() {
        String key = Fixtures.uniqueKey();
        String id = createProduct(CRM, key);
        as(CRM).get("/api/v1/products/" + id).then().statusCode(200)
                .body("createdBy.subject", equalTo("apikey:" + KEY_ID))
                .body("createdBy.kind", equalTo("SYSTEM"))
                .body("createdBy.name", equalTo("crm-sync"))
                .body("updatedBy.subject", equalTo("apikey:" + KEY_ID))
                // owner is the accountable product manager, a field of the product, not who acted
                .body("owner", equalTo("mallory@example.com"));

        asWithETag(ANA, "PATCH", "/api/v1/products/" + id, "{\"name\": \"Checkout & Pay\"}").then().statusCode(200)
                .body("createdBy.name", equalTo("crm-sync"))
                .body("updatedBy.subject", equalTo("u-ana"))
                .body("updatedBy.kind", equalTo("PERSON"))
                .body("updatedBy.name", equalTo("Ana Lima"));
        // who acted cannot be written: createdBy/updatedBy in a body are unknown fields
        asWithETag(BO, "PATCH", "/api/v1/products/" + id,
                "{\"name\": \"x\", \"updatedBy\": {\"subject\": \"u-ana\", \"kind\": \"PERSON\", \"name\": \"Ana Lima\"}}")
                .then().statusCode(400).body("errors.field", hasItem("updatedBy"));
        as(BO).get("/api/v1/products/" + id).then().body("updatedBy.subject", equalTo("u-ana"));

        String feature = as(BO).body("{\"productId\": \"" + id + "\", \"title\": \"Reorder\"}")
                .post("/api/v1/features").then().statusCode(201)
                .body("createdBy.subject", equalTo("u-bo"))
                .body("createdBy.name", equalTo("bo@example.com"))
                .extract().path("id");
        asWithETag(ANA, "POST", "/api/v1/features/" + feature + "/status", "{\"status\": \"CANDIDATE\"}")
                .then().statusCode(200).body("updatedBy.name", equalTo("Ana Lima"))
                .body("createdBy.subject", equalTo("u-bo"));
    }

    @Test
    void aLifecycleChangeIsTheCallersWithWhatTheBodyNamesKeptAsOnBehalfOf() {
        String id = createProduct(CRM, Fixtures.uniqueKey());
        asWithETag(ANA, "POST", "/api/v1/products/" + id + "/lifecycle",
                "{\"stage\": \"DEVELOPMENT\", \"reason\": \"MVP\", \"changedBy\": \"mallory@example.com\"}")
                .then().statusCode(200);
        asWithETag(BO, "POST", "/api/v1/products/" + id + "/lifecycle",
                "{\"stage\": \"LAUNCHED\", \"reason\": \"GA\"}").then().statusCode(200);

        as(CRM).get("/api/v1/products/" + id + "/lifecycle-history").then().statusCode(200)
                .body("items[0].changedBy", equalTo("bo@example.com"))
                .body("items[0].createdBy.subject", equalTo("u-bo"))
                .body("items[0]", not(hasKey("onBehalfOf")))
                .body("items[1].changedBy", equalTo("Ana Lima"))
                .body("items[1].createdBy.subject", equalTo("u-ana"))
                .body("items[1].onBehalfOf", equalTo("mallory@example.com"));
    }

    @Test
    void everyEventCarriesItsActor() {
        String id = createProduct(CRM, Fixtures.uniqueKey());
        asWithETag(ANA, "POST", "/api/v1/products/" + id + "/lifecycle",
                "{\"stage\": \"DEVELOPMENT\", \"reason\": \"MVP\", \"onBehalfOf\": \"cpo@example.com\"}")
                .then().statusCode(200);

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, id, 2);
        assertEquals(EventType.PRODUCT_CREATED.type(), events.get(0).type());
        assertEquals("apikey:" + KEY_ID, events.get(0).actor());
        assertEquals("crm-sync", events.get(0).actorName());
        assertEquals(EventType.PRODUCT_LIFECYCLE_CHANGED.type(), events.get(1).type());
        assertEquals("u-ana", events.get(1).actor());
        assertEquals("Ana Lima", events.get(1).actorName());
        JsonNode changed = events.get(1).payload();
        assertEquals("Ana Lima", changed.get("changedBy").asText());
        assertEquals("cpo@example.com", changed.get("onBehalfOf").asText());
    }

    @Test
    void aProductsHistoryListsEachChangeNewestFirstWithWhoAndFromTo() {
        String key = Fixtures.uniqueKey();
        String id = createProduct(CRM, key);
        String path = "/api/v1/products/" + id;
        asWithETag(ANA, "PATCH", path, "{\"name\": \"Checkout & Pay\", \"owner\": \"\"}").then().statusCode(200);
        asWithETag(BO, "POST", path + "/lifecycle", "{\"stage\": \"DEVELOPMENT\", \"reason\": \"MVP\"}")
                .then().statusCode(200);

        as(CRM).get(path + "/history").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items[0].eventType", equalTo("dev.tandem.product.lifecycle-changed.v1"))
                .body("items[0].actor.subject", equalTo("u-bo"))
                .body("items[0].actor.name", equalTo("bo@example.com"))
                .body("items[0].changes.lifecycleStage.from", equalTo("CONCEPT"))
                .body("items[0].changes.lifecycleStage.to", equalTo("DEVELOPMENT"))
                .body("items[0].changes", not(hasKey("name")))
                .body("items[1].eventType", equalTo("dev.tandem.product.updated.v1"))
                .body("items[1].actor.kind", equalTo("PERSON"))
                .body("items[1].actor.name", equalTo("Ana Lima"))
                .body("items[1].changes.name.from", equalTo("Checkout"))
                .body("items[1].changes.name.to", equalTo("Checkout & Pay"))
                .body("items[1].changes.owner.from", equalTo("mallory@example.com"))
                .body("items[1].changes.owner.to", nullValue())
                .body("items[1].changes", not(hasKey("version")))
                .body("items[2].eventType", equalTo("dev.tandem.product.created.v1"))
                .body("items[2].actor.subject", equalTo("apikey:" + KEY_ID))
                .body("items[2].actor.name", equalTo("crm-sync"))
                .body("items[2].changes.key.from", nullValue())
                .body("items[2].changes.key.to", equalTo(key))
                .body("items[2].changes.targetSegments.to", equalTo(List.of("SMB")))
                .body("items[2].at", notNullValue())
                .body("nextCursor", nullValue());

        // paged like every list: limit, nextCursor, Link
        Response first = as(CRM).queryParam("limit", 2).get(path + "/history");
        first.then().statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].eventType", equalTo("dev.tandem.product.lifecycle-changed.v1"))
                .header("Link", containsString("rel=\"next\""));
        as(CRM).queryParam("limit", 2).queryParam("cursor", first.<String>path("nextCursor")).get(path + "/history")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].eventType", equalTo("dev.tandem.product.created.v1"))
                .body("nextCursor", nullValue());
        as(CRM).queryParam("cursor", "not-a-cursor").get(path + "/history").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void historyOfAnUnknownRecordIs404AndReadingItNeedsTheReadScope() {
        for (String kind : List.of("products", "features", "objectives", "releases")) {
            as(CRM).get("/api/v1/" + kind + "/" + UUID.randomUUID() + "/history").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        String id = createProduct(CRM, Fixtures.uniqueKey());
        given().header(TestTokens.HEADER, TestTokens.mint("products:read")).get("/api/v1/products/" + id + "/history")
                .then().statusCode(200);
        given().header(TestTokens.HEADER, TestTokens.mint("projects:read")).get("/api/v1/products/" + id + "/history")
                .then().statusCode(403);
    }

    @Test
    void featuresObjectivesAndReleasesHaveAHistoryToo() {
        String product = createProduct(CRM, Fixtures.uniqueKey());

        String feature = as(CRM).body("{\"productId\": \"" + product + "\", \"title\": \"Reorder\", \"reach\": 100}")
                .post("/api/v1/features").then().statusCode(201).extract().path("id");
        asWithETag(ANA, "PATCH", "/api/v1/features/" + feature, "{\"reach\": 250}").then().statusCode(200);
        asWithETag(BO, "POST", "/api/v1/features/" + feature + "/status", "{\"status\": \"CANDIDATE\"}")
                .then().statusCode(200);
        as(CRM).get("/api/v1/features/" + feature + "/history").then().statusCode(200)
                .body("items.eventType", equalTo(List.of("dev.tandem.feature.status-changed.v1",
                        "dev.tandem.feature.updated.v1", "dev.tandem.feature.created.v1")))
                .body("items[0].actor.subject", equalTo("u-bo"))
                .body("items[0].changes.status.from", equalTo("IDEA"))
                .body("items[0].changes.status.to", equalTo("CANDIDATE"))
                .body("items[1].actor.name", equalTo("Ana Lima"))
                .body("items[1].changes.reach.from", equalTo(100))
                .body("items[1].changes.reach.to", equalTo(250))
                .body("items[1].changes", not(hasKey("demand")))
                .body("items[2].changes.title.to", equalTo("Reorder"));

        String objective = as(CRM).body("{\"productId\": \"" + product + "\", \"title\": \"Adoption\", "
                + "\"period\": \"2027-Q1\"}").post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        asWithETag(ANA, "PATCH", "/api/v1/objectives/" + objective, "{\"title\": \"Weekly adoption\"}")
                .then().statusCode(200).body("updatedBy.name", equalTo("Ana Lima"));
        as(CRM).get("/api/v1/objectives/" + objective + "/history").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].eventType", equalTo("dev.tandem.objective.updated.v1"))
                .body("items[0].actor.subject", equalTo("u-ana"))
                .body("items[0].changes.title.from", equalTo("Adoption"))
                .body("items[0].changes.title.to", equalTo("Weekly adoption"))
                .body("items[1].actor.name", equalTo("crm-sync"));

        String release = as(CRM).body("{\"productId\": \"" + product + "\", \"name\": \"2027.1\", "
                + "\"targetDate\": \"2027-03-31\"}").post("/api/v1/releases").then().statusCode(201)
                .body("createdBy.name", equalTo("crm-sync")).extract().path("id");
        asWithETag(BO, "PATCH", "/api/v1/releases/" + release, "{\"targetDate\": \"2027-04-15\"}")
                .then().statusCode(200).body("updatedBy.subject", equalTo("u-bo"));
        as(CRM).get("/api/v1/releases/" + release + "/history").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].actor.name", equalTo("bo@example.com"))
                .body("items[0].changes.targetDate.from", equalTo("2027-03-31"))
                .body("items[0].changes.targetDate.to", equalTo("2027-04-15"));
    }

    @Test
    void aChangeMadeOnAnotherServicesEventIsProductServicesOwn() {
        String product = createProduct(CRM, Fixtures.uniqueKey());
        String feature = as(CRM).body("{\"productId\": \"" + product + "\", \"title\": \"Delivered by a project\"}")
                .post("/api/v1/features").then().statusCode(201).extract().path("id");
        ProjectFeed.commit(feature);
        ProjectFeed.status(UUID.randomUUID(), product, List.of(feature), "APPROVED", "ACTIVE", 3);
        Publish.awaitTrue("IN_DELIVERY", () -> "IN_DELIVERY".equals(
                as(CRM).get("/api/v1/features/" + feature).path("status")));

        as(CRM).get("/api/v1/features/" + feature).then()
                .body("updatedBy.subject", equalTo("system:product-service"))
                .body("updatedBy.kind", equalTo("SYSTEM"));
        as(CRM).get("/api/v1/features/" + feature + "/history").then().statusCode(200)
                .body("items[0].actor.subject", equalTo("system:product-service"))
                .body("items[0].actor.name", equalTo("product-service"))
                .body("items[0].changes.status.from", equalTo("COMMITTED"))
                .body("items[0].changes.status.to", equalTo("IN_DELIVERY"))
                .body("items[1].actor.subject", equalTo("test-user"));
        // created, CANDIDATE, PLANNED, COMMITTED (+ committed), IN_DELIVERY
        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, feature, 6);
        assertEquals("test-user", events.get(4).actor());
        assertEquals(EventType.FEATURE_STATUS_CHANGED.type(), events.get(5).type());
        assertEquals("system:product-service", events.get(5).actor());
    }
}
