package dev.tandem.product.feature;

import static dev.tandem.product.Fixtures.withCurrentETag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.product.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeatureApiTest {

    private static final String FEATURES = "/api/v1/features";

    private static String rice(String productId, String title, Object reach, Object impact, Object confidence,
                               Object effort) {
        return """
                {"productId": "%s", "title": "%s", "problem": "Re-entering baskets", "reach": %s, "impact": %s,
                 "confidence": %s, "effort": %s}""".formatted(productId, title, reach, impact, confidence, effort);
    }

    @Test
    void createsAFeatureWithItsRiceScoreAndReadsItBack() {
        String product = Fixtures.product();
        Response created = given().contentType(ContentType.JSON)
                .body(rice(product, "One-click reorder", 1200, 2, 80, 2.5)).post(FEATURES);
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/features/[0-9a-f-]{36}"))
                .header("ETag", "\"0.0\"")
                .body("status", equalTo("IDEA"))
                .body("productId", equalTo(product))
                .body("reach", equalTo(1200))
                .body("impact", equalTo(2))
                .body("confidence", equalTo(80))
                .body("effort", equalTo(2.5f))
                .body("score", equalTo(768.0f));
        String id = created.path("id");
        given().get(FEATURES + "/" + id).then().statusCode(200).header("ETag", "\"0.0\"")
                .body("title", equalTo("One-click reorder")).body("score", equalTo(768.0f));

        String partial = Fixtures.feature("{\"productId\": \"" + product + "\", \"title\": \"Partial\", \"reach\": 10}");
        given().get(FEATURES + "/" + partial).then().body("score", nullValue()).body("reach", equalTo(10));
    }

    @Test
    void anUnknownProductIs422NamingProductId() {
        long before = Feature.count();
        given().contentType(ContentType.JSON).body("{\"productId\": \"" + UUID.randomUUID() + "\", \"title\": \"x\"}")
                .post(FEATURES).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("productId"));
        assertEquals(before, Feature.count());
    }

    @Test
    void badInputIsNamedFieldByFieldAndNothingIsWritten() {
        String product = Fixtures.product();
        long before = Feature.count();
        given().contentType(ContentType.JSON).body("{\"problem\": \"p\"}").post(FEATURES).then().statusCode(400)
                .body("errors.field", hasItems("productId", "title"));
        given().contentType(ContentType.JSON).body(rice(product, "t", -1, 1.5, 101, 0)).post(FEATURES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("reach", "impact", "confidence", "effort"));
        given().contentType(ContentType.JSON).body(rice(product, "t", 1.5, 1, 50, 1)).post(FEATURES)
                .then().statusCode(400).body("errors.field", hasItem("reach"));
        given().contentType(ContentType.JSON).body(rice(product, "t", "\"many\"", 1, 50, 1)).post(FEATURES)
                .then().statusCode(400).body("errors.field", hasItem("reach"));
        given().contentType(ContentType.JSON).body("{\"productId\": \"" + product + "\", \"title\": \"t\", \"votes\": 3}")
                .post(FEATURES).then().statusCode(400).body("errors.field", hasItem("votes"));
        given().contentType(ContentType.JSON).body("{\"productId\": \"nope\", \"title\": \"t\"}")
                .post(FEATURES).then().statusCode(400).body("errors.field", hasItem("productId"));
        assertEquals(before, Feature.count());
    }

    @Test
    void anUnknownFeatureIs404() {
        String unknown = FEATURES + "/" + UUID.randomUUID();
        given().get(unknown).then().statusCode(404).contentType("application/problem+json");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"title\": \"x\"}").patch(unknown)
                .then().statusCode(404);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"status\": \"CANDIDATE\"}")
                .post(unknown + "/status").then().statusCode(404);
        given().header("If-Match", "\"0\"").delete(unknown).then().statusCode(404);
    }

    @Test
    void patchRecomputesTheScoreAndNeedsACurrentIfMatch() {
        String id = Fixtures.feature(rice(Fixtures.product(), "Reorder", 100, 1, 50, 2));
        String path = FEATURES + "/" + id;
        given().contentType(ContentType.JSON).body("{\"impact\": 3}").patch(path).then().statusCode(428);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"impact\": 3, \"title\": \"Reorder!\"}")
                .patch(path).then().statusCode(200).header("ETag", "\"1.0\"")
                .body("impact", equalTo(3)).body("score", equalTo(75.0f)).body("title", equalTo("Reorder!"))
                .body("reach", equalTo(100));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"impact\": 1}")
                .patch(path).then().statusCode(412);
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"confidence\": 120}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("confidence"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"title\": \" \"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("title"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"productId\": \"" + UUID.randomUUID() + "\"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("productId"));
        given().get(path).then().header("ETag", "\"1.0\"").body("score", equalTo(75.0f));
    }

    @Test
    void statusMovesAlongTheMachineAndIllegalMovesNameTheAllowedOnes() {
        String id = Fixtures.feature(Fixtures.product(), "Walk");
        String path = FEATURES + "/" + id + "/status";
        given().contentType(ContentType.JSON).body("{\"status\": \"CANDIDATE\"}").post(path).then().statusCode(428);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"status\": \"COMMITTED\"}")
                .post(path).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("allowed: CANDIDATE, REJECTED"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"status\": \"CANDIDATE\", \"reason\": \"asked for\"}")
                .post(path).then().statusCode(200).header("ETag", "\"1.0\"").body("status", equalTo("CANDIDATE"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"status\": \"PLANNED\"}")
                .post(path).then().statusCode(412);
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"status\": \"DONE\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("status"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"reason\": \"x\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("status"));
        for (String s : List.of("PLANNED", "COMMITTED", "IN_DELIVERY")) {
            withCurrentETag("POST", path, "{\"status\": \"" + s + "\"}").then().statusCode(200).body("status", equalTo(s));
        }
        withCurrentETag("POST", path, "{\"status\": \"REJECTED\", \"reason\": \"too late\"}")
                .then().statusCode(409).body("detail", containsString("allowed: DELIVERED"));
        given().get(FEATURES + "/" + id).then().body("status", equalTo("IN_DELIVERY")).header("ETag", "\"4.0\"");
    }

    @Test
    void rejectionNeedsAReasonAndMayBeReopened() {
        String id = Fixtures.feature(Fixtures.product(), "Reject me");
        String path = FEATURES + "/" + id + "/status";
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"status\": \"REJECTED\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("reason"));
        given().get(FEATURES + "/" + id).then().body("status", equalTo("IDEA")).header("ETag", "\"0.0\"");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"status\": \"REJECTED\", \"reason\": \"wallet solves it\"}")
                .post(path).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("wallet solves it"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"status\": \"CANDIDATE\"}")
                .post(path).then().statusCode(409).body("detail", containsString("allowed: IDEA"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"status\": \"IDEA\"}")
                .post(path).then().statusCode(200).body("status", equalTo("IDEA")).body("rejectionReason", nullValue());
    }

    @Test
    void onlyAnIdeaCanBeDeleted() {
        String product = Fixtures.product();
        String idea = Fixtures.feature(product, "Idea");
        given().delete(FEATURES + "/" + idea).then().statusCode(428);
        given().header("If-Match", "\"7\"").delete(FEATURES + "/" + idea).then().statusCode(412);
        given().header("If-Match", "\"0\"").delete(FEATURES + "/" + idea).then().statusCode(204);
        given().get(FEATURES + "/" + idea).then().statusCode(404);

        String candidate = Fixtures.feature(product, "Candidate");
        withCurrentETag("POST", FEATURES + "/" + candidate + "/status", "{\"status\": \"CANDIDATE\"}")
                .then().statusCode(200);
        given().header("If-Match", "\"1\"").delete(FEATURES + "/" + candidate).then().statusCode(409)
                .body("detail", containsString("only an IDEA can"));
        given().get(FEATURES + "/" + candidate).then().statusCode(200);
    }

    /** Every item for these query parameters, following nextCursor with pages of 2. */
    private static List<Map<String, Object>> walk(Map<String, Object> query) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParams(query).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(FEATURES);
            page.then().statusCode(200);
            all.addAll(page.path("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null && ++pages < 500);
        return all;
    }

    @Test
    void listFiltersByProductAndStatusAndSortsByScoreOrCreation() {
        String product = Fixtures.product();
        String low = Fixtures.feature(rice(product, "Low", 10, 1, 100, 1));         // 10
        String none = Fixtures.feature(product, "Unscored");                         // null
        String high = Fixtures.feature(rice(product, "High", 1000, 3, 100, 1));     // 3000
        String mid = Fixtures.feature(rice(product, "Mid", 100, 1, 100, 1));        // 100
        String tie = Fixtures.feature(rice(product, "Tie", 200, 0.5, 100, 1));      // 100
        Fixtures.feature(Fixtures.product(), "Other product");
        withCurrentETag("POST", FEATURES + "/" + mid + "/status", "{\"status\": \"CANDIDATE\"}").then().statusCode(200);

        List<String> created = walk(Map.of("productId", product)).stream().map(i -> (String) i.get("id")).toList();
        assertEquals(List.of(low, none, high, mid, tie), created);
        List<String> newest = walk(Map.of("productId", product, "sort", "-createdAt")).stream()
                .map(i -> (String) i.get("id")).toList();
        assertEquals(List.of(tie, mid, high, none, low), newest);

        List<String> best = walk(Map.of("productId", product, "sort", "-score")).stream()
                .map(i -> (String) i.get("id")).toList();
        assertEquals(5, best.size());
        assertEquals(high, best.get(0));
        assertEquals(java.util.Set.of(mid, tie), java.util.Set.copyOf(best.subList(1, 3)), "ties by id, both listed");
        assertEquals(List.of(low, none), best.subList(3, 5), "unscored last");
        List<String> worst = walk(Map.of("productId", product, "sort", "score")).stream()
                .map(i -> (String) i.get("id")).toList();
        List<String> reversed = new ArrayList<>(best);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, worst);

        assertEquals(List.of(mid), walk(Map.of("productId", product, "status", "CANDIDATE")).stream()
                .map(i -> (String) i.get("id")).toList());
        given().queryParam("sort", "popularity").get(FEATURES).then().statusCode(400).body("errors.field", hasItem("sort"));
        given().queryParam("status", "DONE").get(FEATURES).then().statusCode(400).body("errors.field", hasItem("status"));
        given().queryParam("productId", "nope").get(FEATURES).then().statusCode(400)
                .body("errors.field", hasItem("productId"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        String body = rice(Fixtures.product(), "Once", 1, 1, 1, 1);
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(FEATURES)
                .then().statusCode(201).extract().path("id");
        long after = Feature.count();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(FEATURES)
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first));
        assertEquals(after, Feature.count());
    }
}
