package dev.tandem.product.product;

import static dev.tandem.product.Fixtures.etag;
import static dev.tandem.product.Fixtures.withCurrentETag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import dev.tandem.product.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Update, delete and lifecycle of products through the API. */
@QuarkusTest
class ProductChangesApiTest {

    private static final String PRODUCTS = "/api/v1/products/";

    private static long historyCount(String id) {
        return LifecycleChange.count("productId", UUID.fromString(id));
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
        String id = Fixtures.product("Checkout", "ana.pm@example.com", "Old vision");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"name\": \"Checkout & Pay\", \"targetSegments\": [\"SMB\", \"Mid-market\"], \"owner\": \"\"}")
                .patch(PRODUCTS + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Checkout & Pay"))
                .body("vision", equalTo("Old vision"))
                .body("targetSegments", contains("SMB", "Mid-market"))
                .body("owner", nullValue())
                .body("version", equalTo(1));
        given().get(PRODUCTS + id).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Checkout & Pay"));
    }

    @Test
    void patchNeedsACurrentIfMatch() {
        String id = Fixtures.product();
        given().contentType(ContentType.JSON).body("{\"name\": \"X\"}").patch(PRODUCTS + id)
                .then().statusCode(428).contentType("application/problem+json");
        withCurrentETag("PATCH", PRODUCTS + id, "{\"name\": \"Y\"}").then().statusCode(200);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"name\": \"Z\"}")
                .patch(PRODUCTS + id).then().statusCode(412).contentType("application/problem+json");
        given().get(PRODUCTS + id).then().body("name", equalTo("Y"));
    }

    @Test
    void patchRefusesBadInputAndTheKeyNamingEachFieldAndWritesNothing() {
        String id = Fixtures.product();
        String key = given().get(PRODUCTS + id).path("key");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"key\": \"NEW\"}")
                .patch(PRODUCTS + id).then().statusCode(400).body("errors.field", hasItem("key"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"key\": \"" + key.toLowerCase() + "\", \"name\": \"Same key is fine\"}")
                .patch(PRODUCTS + id).then().statusCode(200);
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"name\": \"  \", \"targetSegments\": [\"\"]}")
                .patch(PRODUCTS + id).then().statusCode(400)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("targetSegments[0]"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"colour\": \"red\"}")
                .patch(PRODUCTS + id).then().statusCode(400).body("errors.field", hasItem("colour"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"targetSegments\": \"SMB\"}")
                .patch(PRODUCTS + id).then().statusCode(400).body("errors.field", hasItem("targetSegments"));
        given().get(PRODUCTS + id).then().header("ETag", "\"1\"").body("name", equalTo("Same key is fine"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .patch(PRODUCTS + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void afterConceptVisionAndSegmentsChangeOnlyByAPivotAndAnEditThatTriesIsRefusedNamingTheField() {
        String id = Fixtures.product("Payouts", "ana.pm@example.com", "Paid the day they ship");
        withCurrentETag("PATCH", PRODUCTS + id, "{\"vision\": \"Edited freely in CONCEPT\", \"targetSegments\": [\"SMB\"]}")
                .then().statusCode(200).body("vision", equalTo("Edited freely in CONCEPT"));
        withCurrentETag("POST", PRODUCTS + id + "/lifecycle",
                "{\"stage\": \"LAUNCHED\", \"reason\": \"Live\", \"changedBy\": \"ana\"}").then().statusCode(200);
        String version = etag(PRODUCTS + id);

        withCurrentETag("PATCH", PRODUCTS + id, "{\"vision\": \"A new direction without evidence\"}")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", contains("vision"))
                .body("errors[0].message", containsString("/api/v1/products/" + id + "/pivots"));
        withCurrentETag("PATCH", PRODUCTS + id, "{\"name\": \"Payouts 2\", \"targetSegments\": [\"Enterprise\"]}")
                .then().statusCode(409).body("errors.field", contains("targetSegments"));
        given().get(PRODUCTS + id).then().header("ETag", version)
                .body("vision", equalTo("Edited freely in CONCEPT")).body("name", equalTo("Payouts"))
                .body("targetSegments", contains("SMB"));

        // the same values, the name or the owner stay editable
        withCurrentETag("PATCH", PRODUCTS + id, "{\"name\": \"Payouts 2\", \"vision\": \"Edited freely in CONCEPT\", "
                + "\"targetSegments\": [\"SMB\"]}").then().statusCode(200).body("name", equalTo("Payouts 2"));
    }

    @Test
    void lifecycleMovesForwardAndRecordsWhoWhyAndWhen() {
        String id = Fixtures.product();
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"stage\": \"DEVELOPMENT\", \"reason\": \"Discovery done\", \"changedBy\": \"ana\"}")
                .post(PRODUCTS + id + "/lifecycle")
                .then().statusCode(200).header("ETag", "\"1\"").body("lifecycleStage", equalTo("DEVELOPMENT"));
        withCurrentETag("POST", PRODUCTS + id + "/lifecycle",
                "{\"stage\": \"GROWTH\", \"reason\": \"Skipping LAUNCHED: soft launch counted\", \"changedBy\": \"li\"}")
                .then().statusCode(200).body("lifecycleStage", equalTo("GROWTH"));

        given().get(PRODUCTS + id + "/lifecycle-history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].from", equalTo("DEVELOPMENT"))
                .body("items[0].to", equalTo("GROWTH"))
                // who is the authenticated caller; what the body names is kept as onBehalfOf, next to it
                .body("items[0].changedBy", equalTo("test-user"))
                .body("items[0].createdBy.subject", equalTo("test-user"))
                .body("items[0].onBehalfOf", equalTo("li"))
                .body("items[0].reason", equalTo("Skipping LAUNCHED: soft launch counted"))
                .body("items[1].from", equalTo("CONCEPT"))
                .body("items[1].to", equalTo("DEVELOPMENT"))
                .body("items[1].changedAt", org.hamcrest.Matchers.notNullValue());
        given().queryParam("limit", 1).get(PRODUCTS + id + "/lifecycle-history").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].to", equalTo("GROWTH"))
                .header("Link", containsString("rel=\"next\""));
    }

    @Test
    void aBackwardMoveIsRefusedNamingTheAllowedStagesAndRecordsNothing() {
        String id = Fixtures.product();
        withCurrentETag("POST", PRODUCTS + id + "/lifecycle",
                "{\"stage\": \"MATURITY\", \"reason\": \"r\", \"changedBy\": \"ana\"}").then().statusCode(200);
        withCurrentETag("POST", PRODUCTS + id + "/lifecycle",
                "{\"stage\": \"LAUNCHED\", \"reason\": \"r\", \"changedBy\": \"ana\"}")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("allowed: DECLINE, RETIRED"));
        withCurrentETag("POST", PRODUCTS + id + "/lifecycle",
                "{\"stage\": \"RETIRED\", \"reason\": \"sunset\", \"changedBy\": \"ana\"}").then().statusCode(200);
        withCurrentETag("POST", PRODUCTS + id + "/lifecycle",
                "{\"stage\": \"DECLINE\", \"reason\": \"r\", \"changedBy\": \"ana\"}")
                .then().statusCode(409).body("detail", containsString("RETIRED is final"));
        assertEquals(2, historyCount(id));
        given().get(PRODUCTS + id).then().body("lifecycleStage", equalTo("RETIRED")).header("ETag", "\"2\"");
    }

    @Test
    void lifecycleRefusesBadInputAndStaleOrMissingIfMatch() {
        String id = Fixtures.product();
        String path = PRODUCTS + id + "/lifecycle";
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"stage\": \"SOLD\", \"reason\": \"r\", \"changedBy\": \"a\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("stage"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"stage\": \"GROWTH\"}")
                .post(path).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{\"stage\": \"GROWTH\", \"reason\": \"r\", \"changedBy\": \"a\"}")
                .post(path).then().statusCode(428);
        given().header("If-Match", "\"5\"").contentType(ContentType.JSON)
                .body("{\"stage\": \"GROWTH\", \"reason\": \"r\", \"changedBy\": \"a\"}")
                .post(path).then().statusCode(412);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"stage\": \"GROWTH\", \"reason\": \"r\", \"changedBy\": \"a\"}")
                .post(PRODUCTS + UUID.randomUUID() + "/lifecycle").then().statusCode(404);
        given().get(PRODUCTS + UUID.randomUUID() + "/lifecycle-history").then().statusCode(404);
        assertEquals(0, historyCount(id));
        given().get(PRODUCTS + id).then().body("lifecycleStage", equalTo("CONCEPT"));
    }

    @Test
    void deleteOnlyInConceptWithNothingLinked() {
        String id = Fixtures.product();
        given().delete(PRODUCTS + id).then().statusCode(428);
        given().header("If-Match", "\"3\"").delete(PRODUCTS + id).then().statusCode(412);
        given().header("If-Match", "\"0\"").delete(PRODUCTS + id).then().statusCode(204);
        given().get(PRODUCTS + id).then().statusCode(404);
        given().header("If-Match", "\"0\"").delete(PRODUCTS + id).then().statusCode(404);

        String developing = Fixtures.product();
        withCurrentETag("POST", PRODUCTS + developing + "/lifecycle",
                "{\"stage\": \"DEVELOPMENT\", \"reason\": \"r\", \"changedBy\": \"a\"}").then().statusCode(200);
        given().header("If-Match", etag(PRODUCTS + developing)).delete(PRODUCTS + developing)
                .then().statusCode(409).body("detail", containsString("only a product in CONCEPT can be deleted"));

        String withFeature = Fixtures.product();
        Fixtures.feature(withFeature, "Linked");
        given().header("If-Match", "\"0\"").delete(PRODUCTS + withFeature)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("1 feature(s) linked"));
        given().get(PRODUCTS + developing).then().statusCode(200);
        given().get(PRODUCTS + withFeature).then().statusCode(200);

        // customers' feedback filed against a concept keeps it (known here from feedback.received)
        String withFeedback = Fixtures.product();
        UUID item = UUID.randomUUID();
        dev.tandem.product.FeedbackFeed.received(item, UUID.fromString(withFeedback), null);
        // known once it is accepted as pivot evidence (a probe without a side effect on what is tested)
        dev.tandem.product.Publish.awaitTrue("the feedback to be known", () -> withCurrentETag("POST",
                PRODUCTS + withFeedback + "/pivots", """
                        {"vision": "Heard from customers", "rationale": "r",
                         "evidence": [{"type": "FEEDBACK", "feedbackId": "%s"}]}""".formatted(item))
                .statusCode() == 201);
        given().header("If-Match", etag(PRODUCTS + withFeedback)).delete(PRODUCTS + withFeedback)
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("feedback"))
                .body("detail", containsString("1 feedback item(s) filed against it"));
        given().get(PRODUCTS + withFeedback).then().statusCode(200);
    }
}
