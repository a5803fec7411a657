package dev.tandem.product.objective;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.product.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObjectiveApiTest {

    private static final String OBJECTIVES = "/api/v1/objectives";

    static String objective(String productId, String period) {
        return given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + productId + "\", \"title\": \"Adoption\", \"period\": \"" + period + "\"}")
                .post(OBJECTIVES).then().statusCode(201).extract().path("id");
    }

    /** Adds a key result with the objective's current ETag; returns the key result's id. */
    static String keyResult(String objectiveId, String body) {
        String path = OBJECTIVES + "/" + objectiveId;
        return given().header("If-Match", Fixtures.etag(path)).contentType(ContentType.JSON).body(body)
                .post(path + "/key-results").then().statusCode(201).extract().path("keyResults[-1].id");
    }

    static final String ACTIVE_TEAMS = """
            {"metric": "Weekly active teams", "unit": "teams", "baseline": 120, "target": 200, "direction": "INCREASE"}""";
    static final String CHURN = """
            {"metric": "Churn", "unit": "%", "baseline": 4.5, "target": 3, "direction": "DECREASE"}""";

    @Test
    void createsAnObjectiveAndReadsItBackWithETag() {
        String product = Fixtures.product();
        Response created = given().contentType(ContentType.JSON).body("""
                {"productId": "%s", "title": "Teams adopt Tandem weekly", "description": "Every week",
                 "period": "2027-Q1"}""".formatted(product)).post(OBJECTIVES);
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/objectives/[0-9a-f-]{36}"))
                .header("ETag", "\"0\"")
                .body("productId", equalTo(product))
                .body("period", equalTo("2027-Q1"))
                .body("keyResults", hasSize(0))
                .body("progress", nullValue());
        String id = created.path("id");
        given().get(OBJECTIVES + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("title", equalTo("Teams adopt Tandem weekly")).body("description", equalTo("Every week"));
    }

    @Test
    void createIsIdempotentWithAKey() {
        String product = Fixtures.product();
        String key = UUID.randomUUID().toString();
        String body = "{\"productId\": \"" + product + "\", \"title\": \"Once\", \"period\": \"2027-Q2\"}";
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(OBJECTIVES).then().statusCode(201).extract().path("id");
        String second = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(OBJECTIVES).then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        given().queryParam("productId", product).get(OBJECTIVES).then().body("items", hasSize(1));
    }

    @Test
    void badCreateInputsAreRefusedAndNothingIsWritten() {
        String product = Fixtures.product();
        long before = Objective.count();
        given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + UUID.randomUUID() + "\", \"title\": \"T\", \"period\": \"2027-Q1\"}")
                .post(OBJECTIVES).then().statusCode(422).body("errors.field", hasItem("productId"));
        for (String period : List.of("2027-Q5", "2027Q1", "27-Q1", "2027-q1", "Q1-2027")) {
            given().contentType(ContentType.JSON)
                    .body("{\"productId\": \"" + product + "\", \"title\": \"T\", \"period\": \"" + period + "\"}")
                    .post(OBJECTIVES).then().statusCode(400).body("errors.field", hasItem("period"));
        }
        given().contentType(ContentType.JSON).body("{\"productId\": \"" + product + "\"}")
                .post(OBJECTIVES).then().statusCode(400).body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("period"));
        given().contentType(ContentType.JSON).body("{\"productId\": 42, \"title\": \"T\", \"period\": \"2027-Q1\"}")
                .post(OBJECTIVES).then().statusCode(400).body("errors.field", hasItem("productId"));
        given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + product + "\", \"title\": \"T\", \"period\": \"2027-Q1\", \"owner\": \"x\"}")
                .post(OBJECTIVES).then().statusCode(400).body("errors.field", hasItem("owner"));
        assertEquals(before, Objective.count());
    }

    @Test
    void unknownObjectiveIs404Everywhere() {
        String path = OBJECTIVES + "/" + UUID.randomUUID();
        given().get(path).then().statusCode(404);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"title\": \"X\"}")
                .patch(path).then().statusCode(404);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(ACTIVE_TEAMS)
                .post(path + "/key-results").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"value\": 1, \"measuredAt\": \"2027-01-31T00:00:00Z\", \"source\": \"x\"}")
                .post(path + "/key-results/" + UUID.randomUUID() + "/measurements").then().statusCode(404);
        given().get(path + "/key-results/" + UUID.randomUUID() + "/measurements").then().statusCode(404);
        given().get(OBJECTIVES + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void patchChangesFieldsWithIfMatchOnly() {
        String id = objective(Fixtures.product(), "2027-Q1");
        String path = OBJECTIVES + "/" + id;
        given().contentType(ContentType.JSON).body("{\"period\": \"2027-Q2\"}").patch(path).then().statusCode(428);
        given().header("If-Match", "\"7\"").contentType(ContentType.JSON).body("{\"period\": \"2027-Q2\"}")
                .patch(path).then().statusCode(412);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"period\": \"2027-Q9\"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("period"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"title\": \" \"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("title"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"productId\": \"x\"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("productId"));
        given().get(path).then().header("ETag", "\"0\"").body("period", equalTo("2027-Q1"));

        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"period\": \"2027-Q2\", \"title\": \"Daily use\", \"description\": \"d\"}")
                .patch(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("period", equalTo("2027-Q2")).body("title", equalTo("Daily use"))
                .body("description", equalTo("d"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"description\": \"\"}")
                .patch(path).then().statusCode(200).header("ETag", "\"2\"").body("description", nullValue());
    }

    @Test
    void keyResultsNeedTheObjectivesIfMatchAndStartAtTheirBaseline() {
        String id = objective(Fixtures.product(), "2027-Q1");
        String path = OBJECTIVES + "/" + id;
        given().contentType(ContentType.JSON).body(ACTIVE_TEAMS).post(path + "/key-results").then().statusCode(428);
        given().header("If-Match", "\"3\"").contentType(ContentType.JSON).body(ACTIVE_TEAMS)
                .post(path + "/key-results").then().statusCode(412);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("""
                {"metric": "Churn", "unit": "%", "baseline": 3, "target": 4.5, "direction": "DECREASE"}""")
                .post(path + "/key-results").then().statusCode(400).body("errors.field", hasItem("target"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("""
                {"metric": "M", "unit": "u", "baseline": "lots", "target": 4, "direction": "UP"}""")
                .post(path + "/key-results").then().statusCode(400).body("errors.field", hasItem("baseline"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("""
                {"metric": "M", "unit": "u", "baseline": 1, "target": 4, "direction": "UP"}""")
                .post(path + "/key-results").then().statusCode(400).body("errors.field", hasItem("direction"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"metric\": \"M\"}")
                .post(path + "/key-results").then().statusCode(400).body("errors.field", hasItem("unit"))
                .body("errors.field", hasItem("baseline")).body("errors.field", hasItem("target"))
                .body("errors.field", hasItem("direction"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("""
                {"metric": "M", "unit": "u", "baseline": 1.00001, "target": 4, "direction": "INCREASE"}""")
                .post(path + "/key-results").then().statusCode(400).body("errors.field", hasItem("baseline"));
        given().get(path).then().header("ETag", "\"0\"").body("keyResults", hasSize(0));

        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(ACTIVE_TEAMS)
                .post(path + "/key-results").then().statusCode(201).header("ETag", "\"1\"")
                .header("Location", containsString(path))
                .body("keyResults", hasSize(1))
                .body("keyResults[0].metric", equalTo("Weekly active teams"))
                .body("keyResults[0].current", equalTo(120))
                .body("keyResults[0].currentMeasuredAt", nullValue())
                .body("keyResults[0].progress", equalTo(0.0f))
                .body("progress", equalTo(0.0f));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(CHURN)
                .post(path + "/key-results").then().statusCode(201).header("ETag", "\"2\"")
                .body("keyResults[1].direction", equalTo("DECREASE"))
                .body("keyResults[1].baseline", equalTo(4.5f))
                .body("keyResults[1].current", equalTo(4.5f));
    }

    @Test
    void measurementsUpdateCurrentByLatestMeasuredAtAndAreListedOldestFirst() {
        String id = objective(Fixtures.product(), "2027-Q1");
        String kr = keyResult(id, ACTIVE_TEAMS);
        String churn = keyResult(id, CHURN);
        String measurements = OBJECTIVES + "/" + id + "/key-results/" + kr + "/measurements";

        given().contentType(ContentType.JSON)
                .body("{\"value\": 150, \"measuredAt\": \"2027-02-28T00:00:00Z\", \"source\": \"analytics\"}")
                .post(measurements).then().statusCode(201)
                .header("ETag", "\"3\"")
                .body("measurement.value", equalTo(150))
                .body("keyResult.current", equalTo(150))
                .body("keyResult.progress", equalTo(37.5f))
                .body("objectiveProgress", equalTo(18.75f));
        // an older measurement is kept but does not replace the current value
        given().contentType(ContentType.JSON)
                .body("{\"value\": 130, \"measuredAt\": \"2027-01-31T00:00:00Z\", \"source\": \"backfill\"}")
                .post(measurements).then().statusCode(201).body("keyResult.current", equalTo(150));
        given().contentType(ContentType.JSON)
                .body("{\"value\": 3.75, \"measuredAt\": \"2027-02-28T00:00:00Z\", \"source\": \"billing\"}")
                .post(OBJECTIVES + "/" + id + "/key-results/" + churn + "/measurements").then().statusCode(201)
                .body("keyResult.progress", equalTo(50.0f));
        given().contentType(ContentType.JSON)
                .body("{\"value\": 260, \"measuredAt\": \"2027-03-31T00:00:00Z\", \"source\": \"analytics\"}")
                .post(measurements).then().statusCode(201).body("keyResult.progress", equalTo(100.0f));

        given().get(OBJECTIVES + "/" + id).then().statusCode(200).header("ETag", "\"6\"")
                .body("keyResults[0].current", equalTo(260))
                .body("keyResults[0].currentMeasuredAt", equalTo("2027-03-31T00:00:00Z"))
                .body("keyResults[0].progress", equalTo(100.0f))
                .body("keyResults[1].progress", equalTo(50.0f))
                .body("progress", equalTo(75.0f));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var req = given().queryParam("limit", 2);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            Response page = req.get(measurements);
            page.then().statusCode(200);
            seen.addAll(page.path("items.measuredAt"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("2027-01-31T00:00:00Z", "2027-02-28T00:00:00Z", "2027-03-31T00:00:00Z"), seen);
        given().get(measurements).then().body("items[0].source", equalTo("backfill"))
                .body("items[0].value", equalTo(130));
    }

    @Test
    void badMeasurementsAreRefusedAndNothingIsWritten() {
        String id = objective(Fixtures.product(), "2027-Q1");
        String kr = keyResult(id, ACTIVE_TEAMS);
        String measurements = OBJECTIVES + "/" + id + "/key-results/" + kr + "/measurements";
        given().contentType(ContentType.JSON).body("{\"value\": \"many\", \"measuredAt\": \"2027-01-31T00:00:00Z\", "
                + "\"source\": \"x\"}").post(measurements).then().statusCode(400).body("errors.field", hasItem("value"));
        given().contentType(ContentType.JSON).body("{\"value\": 1, \"measuredAt\": \"last week\", \"source\": \"x\"}")
                .post(measurements).then().statusCode(400).body("errors.field", hasItem("measuredAt"));
        given().contentType(ContentType.JSON).body("{\"value\": 1}").post(measurements).then().statusCode(400)
                .body("errors.field", hasItem("measuredAt")).body("errors.field", hasItem("source"));
        given().contentType(ContentType.JSON).body("{\"value\": 1, \"measuredAt\": \"2027-01-31T00:00:00Z\", "
                + "\"source\": \"x\", \"unit\": \"u\"}").post(measurements).then().statusCode(400)
                .body("errors.field", hasItem("unit"));
        given().contentType(ContentType.JSON)
                .body("{\"value\": 1, \"measuredAt\": \"2027-01-31T00:00:00Z\", \"source\": \"x\"}")
                .post(OBJECTIVES + "/" + id + "/key-results/" + UUID.randomUUID() + "/measurements")
                .then().statusCode(404);
        given().get(measurements).then().statusCode(200).body("items", hasSize(0));
        given().get(OBJECTIVES + "/" + id).then().header("ETag", "\"1\"").body("keyResults[0].current", equalTo(120));
    }

    @Test
    void listFiltersByProductAndPeriodAndPagesWithACursor() {
        String product = Fixtures.product();
        String q1 = objective(product, "2027-Q1");
        String q2 = objective(product, "2027-Q2");
        String q1b = objective(product, "2027-Q1");
        objective(Fixtures.product(), "2027-Q1");

        given().queryParam("productId", product).get(OBJECTIVES).then().statusCode(200)
                .body("items.id", equalTo(List.of(q1, q2, q1b)));
        given().queryParam("productId", product).queryParam("period", "2027-Q1").get(OBJECTIVES).then()
                .body("items.id", equalTo(List.of(q1, q1b)));

        Response first = given().queryParam("productId", product).queryParam("limit", 2).get(OBJECTIVES);
        first.then().statusCode(200).body("items.id", equalTo(List.of(q1, q2)));
        String cursor = first.path("nextCursor");
        given().queryParam("productId", product).queryParam("limit", 2).queryParam("cursor", cursor).get(OBJECTIVES)
                .then().statusCode(200).body("items.id", equalTo(List.of(q1b))).body("nextCursor", nullValue());

        given().queryParam("period", "2027-Q7").get(OBJECTIVES).then().statusCode(400)
                .body("errors.field", hasItem("period"));
        given().queryParam("productId", "nope").get(OBJECTIVES).then().statusCode(400)
                .body("errors.field", hasItem("productId"));
        given().queryParam("cursor", "garbage").get(OBJECTIVES).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void aProductWithObjectivesCannotBeDeleted() {
        String product = Fixtures.product();
        objective(product, "2027-Q1");
        given().header("If-Match", "\"0\"").delete("/api/v1/products/" + product).then().statusCode(409)
                .body("errors.field", hasItem("objectives"));
        given().get("/api/v1/products/" + product).then().statusCode(200);
    }

    @Test
    void aRetriedMeasurementWithTheSameIdempotencyKeyIsRecordedOnce() {
        String id = objective(Fixtures.product(), "2027-Q1");
        String kr = keyResult(id, ACTIVE_TEAMS);
        String measurements = OBJECTIVES + "/" + id + "/key-results/" + kr + "/measurements";
        String key = UUID.randomUUID().toString();
        String body = "{\"value\": 150, \"measuredAt\": \"2027-01-31T00:00:00Z\", \"source\": \"analytics\"}";
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(measurements).then().statusCode(201).extract().path("measurement.id");
        String second = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(measurements).then().statusCode(201).extract().path("measurement.id");
        assertEquals(first, second);
        given().get(measurements).then().body("items", hasSize(1));
        given().get(OBJECTIVES + "/" + id).then().header("ETag", "\"2\"");
    }
}
