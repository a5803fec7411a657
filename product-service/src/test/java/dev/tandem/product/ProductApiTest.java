package dev.tandem.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import dev.tandem.product.product.Product;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProductApiTest {

    private static String body(String key, String name) {
        return """
                {"key": "%s", "name": "%s", "vision": "Paying is the easiest step of buying.",
                 "targetSegments": ["SMB", "Enterprise"], "owner": "ana.pm@example.com"}""".formatted(key, name);
    }

    private static String uniqueKey() {
        return "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    @Test
    void createsAProductInConceptAndReadsItBack() {
        String key = uniqueKey().toLowerCase();
        Response created = given().contentType(ContentType.JSON).body(body(key, "Checkout"))
                .post("/api/v1/products");
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/products/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"0\""))
                .body("key", equalTo(key.toUpperCase()))
                .body("name", equalTo("Checkout"))
                .body("lifecycleStage", equalTo("CONCEPT"))
                .body("targetSegments", hasItem("Enterprise"))
                .body("createdAt", notNullValue());
        String id = created.path("id");

        given().get("/api/v1/products/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("owner", equalTo("ana.pm@example.com"));
    }

    @Test
    void aKeyIsUniqueWhateverItsCase() {
        String key = uniqueKey();
        given().contentType(ContentType.JSON).body(body(key, "First")).post("/api/v1/products").then().statusCode(201);
        long before = Product.count();

        given().contentType(ContentType.JSON).body(body(key.toLowerCase(), "Second")).post("/api/v1/products")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("errors.field", hasItem("key"));
        assertEquals(before, Product.count());
    }

    @Test
    void invalidInputNamesEachFieldAndWritesNothing() {
        long before = Product.count();
        given().contentType(ContentType.JSON)
                .body("{\"key\": \"1X\", \"name\": \" \", \"targetSegments\": [\"\"]}")
                .post("/api/v1/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("key"))
                .body("errors.field", hasItem("name"))
                .body("detail", not(containsString("Exception")));
        given().contentType(ContentType.JSON)
                .body("{\"key\": \"ABC\", \"name\": \"x\", \"colour\": \"red\"}")
                .post("/api/v1/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("colour"));
        assertEquals(before, Product.count());
    }

    @Test
    void anUnknownProductIsAProblem() {
        given().get("/api/v1/products/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        String key = uniqueKey();
        String idempotencyKey = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body(key, "Once")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
        long after = Product.count();

        given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body(key, "Once")).post("/api/v1/products")
                .then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body(key, "Something else")).post("/api/v1/products")
                .then().statusCode(422)
                .contentType("application/problem+json");
        assertEquals(after, Product.count());
    }

    @Test
    void anIdempotencyKeyBelongsToItsCallerAnotherCallerNeitherSeesTheAnswerNorIsRefused() {
        String idempotencyKey = "shared-" + UUID.randomUUID();
        String mine = given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body(uniqueKey(), "Mine")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
        String other = dev.tandem.devstack.testing.TestTokens.mint("apikey:" + UUID.randomUUID(),
                java.time.Instant.now(), java.time.Duration.ofMinutes(5), "products:read", "products:write");

        // the same key with another body from another caller: its own create, not a 422 "key reused"
        String theirBody = body(uniqueKey(), "Theirs");
        String theirs = given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .header(dev.tandem.devstack.testing.TestTokens.HEADER, other)
                .body(theirBody).post("/api/v1/products")
                .then().statusCode(201).header("Idempotency-Replayed", org.hamcrest.Matchers.nullValue())
                .extract().path("id");
        assertTrue(!theirs.equals(mine));
        // and its retry replays its own answer, not the first caller's
        given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .header(dev.tandem.devstack.testing.TestTokens.HEADER, other)
                .body(theirBody).post("/api/v1/products")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(theirs));
    }

    @Test
    void listingWalksEveryProductOncePageByPage() {
        java.util.Set<String> created = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(given().contentType(ContentType.JSON).body(body(uniqueKey(), "Listed " + i))
                    .post("/api/v1/products").then().statusCode(201).extract().path("id"));
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/products");
            page.then().statusCode(200);
            java.util.List<String> ids = page.path("items.id");
            org.junit.jupiter.api.Assertions.assertTrue(ids.size() <= 2);
            seen.addAll(ids);
            cursor = page.path("nextCursor");
            if (cursor != null) {
                org.hamcrest.MatcherAssert.assertThat(page.header("Link"), containsString("rel=\"next\""));
            }
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "no product twice");
        org.junit.jupiter.api.Assertions.assertTrue(seen.containsAll(created), "every product listed");
        assertEquals(Product.count(), seen.size());
    }

    @Test
    void badListParametersAreNamed() {
        given().queryParam("limit", 0).get("/api/v1/products").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/products").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
        given().queryParam("lifecycleStage", "SOLD").get("/api/v1/products").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
