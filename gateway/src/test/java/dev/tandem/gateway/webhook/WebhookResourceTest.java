package dev.tandem.gateway.webhook;

import static dev.tandem.gateway.webhook.WebhookFixtures.as;
import static dev.tandem.gateway.webhook.WebhookFixtures.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The webhook subscriptions API: its life cycle, the input it refuses, the targets it refuses, who may use it. */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class WebhookResourceTest {

    private static final String URL = "http://127.0.0.1:9/hooks";

    @Inject
    ApiKeys apiKeys;

    @Inject
    AgroalDataSource dataSource;

    private String admin() {
        return TestKeys.admin(apiKeys);
    }

    @Test
    void aSubscriptionIsCreatedListedReadUpdatedWithIfMatchAndDeleted() throws Exception {
        ExtractableResponse<Response> created = as(admin()).contentType("application/json").body("""
                {"url": "%s", "eventTypes": ["dev.tandem.feature.*", "dev.tandem.project.created.v1"],
                 "subjects": ["a1", "a1", "b2"], "description": "ERP sync"}""".formatted(URL))
                .post(WebhookResource.PATH).then().statusCode(201)
                .header("Cache-Control", "no-store")
                .header("Location", org.hamcrest.Matchers.containsString(WebhookResource.PATH + "/"))
                .header("ETag", notNullValue())
                .body("secret", startsWith("whsec_"))
                .body("status", equalTo("ENABLED"))
                .body("subjects", equalTo(java.util.List.of("a1", "b2")))
                .body("createdBy", startsWith("apikey:"))
                .extract();
        String id = created.jsonPath().getString("id");
        String secret = created.jsonPath().getString("secret");
        String etag = created.header("ETag");

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT secret FROM webhook_subscription WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String stored = rs.getString(1);
                assertTrue(stored.startsWith("aesgcm:"), "encrypted at rest");
                assertFalse(stored.contains(secret.substring(6)), "the secret itself is not stored");
            }
        }

        as(admin()).get(WebhookResource.PATH + "/" + id).then().statusCode(200)
                .header("ETag", etag)
                .body("url", equalTo(URL))
                .body("description", equalTo("ERP sync"))
                .body("secret", nullValue());
        as(admin()).header("If-None-Match", etag).get(WebhookResource.PATH + "/" + id).then().statusCode(304);

        create(as(admin()), "{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"status\":\"PAUSED\"}");
        ExtractableResponse<Response> first = as(admin()).queryParam("limit", 1).get(WebhookResource.PATH).then()
                .statusCode(200).header("Link", startsWith("</api/v1/webhooks?")).extract();
        String cursor = first.jsonPath().getString("nextCursor");
        assertTrue(cursor != null && !first.jsonPath().getList("items").isEmpty());
        as(admin()).queryParam("limit", 1).queryParam("cursor", cursor).get(WebhookResource.PATH).then()
                .statusCode(200).body("items[0].id", not(equalTo(first.jsonPath().getString("items[0].id"))))
                .body("items[0].secret", nullValue());

        as(admin()).contentType("application/json").body("{\"status\":\"PAUSED\"}")
                .patch(WebhookResource.PATH + "/" + id).then().statusCode(428);
        String newTag = as(admin()).header("If-Match", etag).contentType("application/json")
                .body("{\"status\":\"PAUSED\",\"description\":\"\",\"subjects\":[]}")
                .patch(WebhookResource.PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("description", nullValue())
                .body("subjects", equalTo(java.util.List.of()))
                .body("eventTypes", hasItem("dev.tandem.feature.*"))
                .extract().header("ETag");
        assertNotEquals(etag, newTag);
        as(admin()).header("If-Match", etag).contentType("application/json").body("{\"status\":\"ENABLED\"}")
                .patch(WebhookResource.PATH + "/" + id).then().statusCode(412);
        as(admin()).header("If-Match", newTag).contentType("application/merge-patch+json")
                .body("{\"url\":\"http://127.0.0.1:10/new\"}").patch(WebhookResource.PATH + "/" + id).then()
                .statusCode(200).body("url", equalTo("http://127.0.0.1:10/new"));

        as(admin()).delete(WebhookResource.PATH + "/" + id).then().statusCode(428);
        String current = as(admin()).get(WebhookResource.PATH + "/" + id).then().extract().header("ETag");
        as(admin()).header("If-Match", current).delete(WebhookResource.PATH + "/" + id).then().statusCode(204);
        as(admin()).get(WebhookResource.PATH + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(admin()).get(WebhookResource.PATH + "/" + id + "/deliveries").then().statusCode(404);
    }

    @Test
    void badInputIsA400NamingTheField() {
        String[][] cases = {
                {"{\"eventTypes\":[\"dev.tandem.feature.*\"]}", "url"},
                {"{\"url\":\"" + URL + "\"}", "eventTypes"},
                {"{\"url\":\"" + URL + "\",\"eventTypes\":[]}", "eventTypes"},
                {"{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.feature.commited.v1\"]}", "eventTypes[0]"},
                {"{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.product.created.v1\",\"dev.tandem.nope.*\"]}",
                        "eventTypes[1]"},
                {"{\"url\":\"" + URL + "\",\"eventTypes\":[\"*\"]}", "eventTypes[0]"},
                {"{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"status\":\"DISABLED\"}", "status"},
                {"{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"status\":\"ON\"}", "status"},
                {"{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"subjects\":[\" \"]}", "subjects[0]"},
                {"{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"secret\":\"whsec_mine\"}", "secret"},
                {"{\"url\":\"ftp://127.0.0.1/x\",\"eventTypes\":[\"dev.tandem.*\"]}", "url"},
                {"{\"url\":\"http://u:p@127.0.0.1/x\",\"eventTypes\":[\"dev.tandem.*\"]}", "url"},
                {"{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"description\":\"" + "x".repeat(501)
                        + "\"}", "description"}};
        for (String[] c : cases) {
            as(admin()).contentType("application/json").body(c[0]).post(WebhookResource.PATH).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c[1]));
        }
        as(admin()).header("Idempotency-Key", "k-1").contentType("application/json")
                .body("{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"status\":\"PAUSED\"}").post(WebhookResource.PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));

        WebhookFixtures.Subscription sub = create(as(admin()), "{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"status\":\"PAUSED\"}");
        String path = WebhookResource.PATH + "/" + sub.id();
        as(admin()).header("If-Match", sub.etag()).contentType("application/json").body("{\"eventTypes\":[]}")
                .patch(path).then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        as(admin()).header("If-Match", sub.etag()).contentType("application/json").body("{\"status\":\"DISABLED\"}")
                .patch(path).then().statusCode(400).body("errors[0].field", equalTo("status"));
        as(admin()).contentType("application/json").body("{}").post(path + "/replay").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        as(admin()).contentType("application/json").body("{\"since\":\"yesterday\"}").post(path + "/replay").then()
                .statusCode(400).body("errors[0].field", equalTo("since"));
        as(admin()).contentType("application/json").body("{\"since\":\"" + Instant.now().plusSeconds(3600) + "\"}")
                .post(path + "/replay").then().statusCode(400).body("errors[0].field", equalTo("since"));
        // before 1970: Kafka cannot look a negative timestamp up (was a 500)
        as(admin()).contentType("application/json").body("{\"since\":\"0001-01-01T00:00:00Z\"}")
                .post(path + "/replay").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("since"));
        // a well-formed cursor of another list's shape (was read as a sequence number, 200)
        String twoValues = dev.tandem.platform.paging.Cursor.of(5L, "x").encode();
        as(admin()).queryParam("cursor", twoValues).get(path + "/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as(admin()).queryParam("state", "LOST").get(path + "/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        as(admin()).queryParam("cursor", "bogus").get(path + "/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as(admin()).post(path + "/deliveries/" + UUID.randomUUID() + "/redeliver").then().statusCode(404);
        as(admin()).post(WebhookResource.PATH + "/" + UUID.randomUUID() + "/rotate-secret").then().statusCode(404);
    }

    @Test
    void targetsThatWebhooksMayNotReachAreRefusedNamingTheUrl() {
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook",
                "http://192.168.0.10/hook", "http://localhost:" + 9 + "/hook", "http://[::1]:9/hook",
                "http://0.0.0.0:9/hook", "http://224.0.0.1/hook", "http://[::ffff:127.0.0.1]:9/hook"}) {
            JsonPath problem = as(admin()).contentType("application/json")
                    .body("{\"url\":\"" + url + "\",\"eventTypes\":[\"dev.tandem.*\"]}").post(WebhookResource.PATH)
                    .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
            assertEquals("url", problem.getString("errors[0].field"), url);
            assertTrue(problem.getString("errors[0].message").contains("which webhooks may not reach"),
                    url + ": " + problem.getString("errors[0].message"));
        }
        WebhookFixtures.Subscription sub = create(as(admin()), "{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"status\":\"PAUSED\"}");
        as(admin()).header("If-Match", sub.etag()).contentType("application/json")
                .body("{\"url\":\"http://10.0.0.1/hook\"}").patch(WebhookResource.PATH + "/" + sub.id()).then()
                .statusCode(400).body("errors[0].field", equalTo("url"));
    }

    @Test
    void aKeyWithoutWebhooksManageGets403AndOneWithItManagesWebhooks() {
        String writer = TestKeys.withScopes(apiKeys, "products:write", "feedback:write");
        as(writer).get(WebhookResource.PATH).then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("webhooks:manage"));
        as(writer).contentType("application/json").body("{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"status\":\"PAUSED\"}")
                .post(WebhookResource.PATH).then().statusCode(403);
        given().get(WebhookResource.PATH).then().statusCode(401);

        String issued = as(admin()).contentType("application/json")
                .body("{\"name\":\"hooks\",\"scopes\":[\"webhooks:manage\"]}").post("/api/v1/admin/api-keys").then()
                .statusCode(201).extract().jsonPath().getString("secret");
        WebhookFixtures.Subscription sub = create(as(issued), "{\"url\":\"" + URL + "\",\"eventTypes\":[\"dev.tandem.*\"],\"status\":\"PAUSED\"}");
        as(issued).get(WebhookResource.PATH + "/" + sub.id()).then().statusCode(200);
        as(issued).get("/api/v1/admin/api-keys").then().statusCode(403);
        as(issued).get("/api/v1/products").then().statusCode(403);
    }

    @Test
    void theMergedDocumentDescribesTheEndpointsTheirScopeAndTheCallback() {
        JsonPath doc = given().get("/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals("webhooks:manage", doc.getString("paths.'/api/v1/webhooks'.post.x-tandem-scope"));
        assertEquals("gateway", doc.getString("paths.'/api/v1/webhooks'.x-tandem-upstream"));
        java.util.Set<String> operations = new java.util.HashSet<>();
        doc.<String, java.util.Map<String, Object>>getMap("paths").forEach((path, item) -> item.values().forEach(op -> {
            if (op instanceof java.util.Map<?, ?> operation && operation.get("operationId") != null) {
                operations.add((String) operation.get("operationId"));
            }
        }));
        assertTrue(operations.containsAll(java.util.List.of("createWebhook", "listWebhooks", "getWebhook",
                "updateWebhook", "deleteWebhook", "rotateWebhookSecret", "listWebhookDeliveries", "getWebhookDelivery",
                "redeliverWebhook", "replayWebhook")), operations.toString());
        assertEquals("receiveTandemEvent", doc.getString("webhooks.tandemEvent.post.operationId"));
        assertEquals("#/components/schemas/CloudEvent", doc.getString(
                "webhooks.tandemEvent.post.requestBody.content.'application/cloudevents+json'.schema.'$ref'"));
        assertTrue(doc.getList("webhooks.tandemEvent.post.parameters.name").containsAll(
                java.util.List.of("webhook-id", "webhook-timestamp", "webhook-signature")));
        assertEquals("object", doc.getString("components.schemas.CloudEvent.type"));
    }
}
