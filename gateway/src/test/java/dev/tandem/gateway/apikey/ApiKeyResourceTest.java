package dev.tandem.gateway.apikey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(TestUpstreams.class)
class ApiKeyResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ApiKeys apiKeys;

    private RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TestKeys.admin(apiKeys)).contentType(ContentType.JSON);
    }

    @Test
    void createShowsTheSecretOnceWithAVisiblePrefix() {
        Response created = admin().body("""
                {"name": "crm-sync", "scopes": ["products:read", "feedback:write", "products:read"],
                 "rateLimitPerMinute": 120, "expiresAt": "2099-01-01T00:00:00Z"}""")
                .post("/api/v1/admin/api-keys");
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/admin/api-keys/[0-9a-f-]{36}"))
                .header("Cache-Control", "no-store")
                .body("name", is("crm-sync"))
                .body("scopes", is(List.of("feedback:write", "products:read")))
                .body("rateLimitPerMinute", is(120))
                .body("status", is("ACTIVE"))
                .body("expiresAt", is("2099-01-01T00:00:00Z"))
                .body("createdBy", matchesPattern("apikey:[0-9a-f-]{36}"))
                .body("secret", matchesPattern("tnd_live_[0-9a-f]{8}_[0-9a-f]{64}"));
        String secret = created.path("secret");
        String prefix = created.path("prefix");
        assertEquals(secret.substring(9, 17), prefix);

        admin().get("/api/v1/admin/api-keys/" + created.path("id")).then()
                .statusCode(200)
                .body("prefix", is(prefix))
                .body("$", not(hasKey("secret")))
                .body("lastUsedAt", nullValue());
        // the key works for what it may do
        given().header("X-API-Key", secret).get("/api/v1/products").then().statusCode(200)
                .header("RateLimit-Limit", "120");
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsCreated() {
        long before = countKeys();
        for (String[] c : new String[][] {
                {"{\"scopes\":[\"admin\"]}", "name"},
                {"{\"name\":\"x\",\"scopes\":[]}", "scopes"},
                {"{\"name\":\"x\",\"scopes\":[\"products:read\",\"products:delete\"]}", "scopes[1]"},
                {"{\"name\":\"x\",\"scopes\":[\"admin\"],\"rateLimitPerMinute\":0}", "rateLimitPerMinute"},
                {"{\"name\":\"x\",\"scopes\":[\"admin\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}", "expiresAt"},
                {"{\"name\":\"x\",\"scopes\":[\"admin\"],\"expiresAt\":\"tomorrow\"}", "expiresAt"},
                {"{\"name\":\"x\",\"scopes\":[\"admin\"],\"secret\":\"mine\"}", "secret"}}) {
            admin().body(c[0]).post("/api/v1/admin/api-keys").then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem(c[1]));
        }
        admin().post("/api/v1/admin/api-keys").then().statusCode(400).contentType(PROBLEM);
        admin().header("Idempotency-Key", "k-1").body("{\"name\":\"x\",\"scopes\":[\"admin\"]}")
                .post("/api/v1/admin/api-keys").then()
                .statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(before, countKeys());
    }

    @Test
    void unknownIdsAre404AndBadIdsAre400() {
        admin().get("/api/v1/admin/api-keys/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        admin().delete("/api/v1/admin/api-keys/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        admin().get("/api/v1/admin/api-keys/not-a-uuid").then().statusCode(anyOf400or404()).contentType(PROBLEM);
    }

    private static org.hamcrest.Matcher<Integer> anyOf400or404() {
        return org.hamcrest.Matchers.oneOf(400, 404);
    }

    @Test
    void listIsCursorPaginatedOldestFirstWithoutSecrets() {
        for (int i = 0; i < 3; i++) {
            admin().body("{\"name\":\"page-" + i + "\",\"scopes\":[\"projects:read\"]}").post("/api/v1/admin/api-keys")
                    .then().statusCode(201);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = admin().queryParam("limit", 2).queryParam("cursor", cursor == null ? new Object[0]
                    : new Object[] {cursor}).get("/api/v1/admin/api-keys");
            page.then().statusCode(200).body("items.secret", not(hasItem(org.hamcrest.Matchers.notNullValue())));
            List<String> ids = page.path("items.id");
            ids.forEach(id -> assertEquals(true, seen.add(id), "repeated " + id));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                page.then().header("Link", containsString("rel=\"next\""));
            }
            pages++;
        } while (cursor != null && pages < 100);
        assertEquals(countKeys(), seen.size());
        admin().get("/api/v1/admin/api-keys?cursor=garbage").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void twoKeysNeverShareASecret() {
        String a = admin().body("{\"name\":\"a\",\"scopes\":[\"admin\"]}").post("/api/v1/admin/api-keys").path("secret");
        String b = admin().body("{\"name\":\"a\",\"scopes\":[\"admin\"]}").post("/api/v1/admin/api-keys").path("secret");
        assertNotEquals(a, b);
    }

    private long countKeys() {
        return apiKeys.page(null, 10_000).size();
    }
}
