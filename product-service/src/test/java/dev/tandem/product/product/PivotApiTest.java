package dev.tandem.product.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.product.FeedbackFeed;
import dev.tandem.product.Fixtures;
import dev.tandem.product.Publish;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PivotApiTest {

    static String pivots(String product) {
        return "/api/v1/products/" + product + "/pivots";
    }

    /** Makes a feedback item known here (feedback.received), waiting until a link of it counts as demand. */
    static UUID knownFeedback(String product) {
        UUID item = UUID.randomUUID();
        String feature = Fixtures.feature(product, "Evidence carrier");
        FeedbackFeed.received(item, UUID.fromString(product), null);
        FeedbackFeed.linked(item, feature, product, null, "IMPORTANT", 1);
        Publish.awaitTrue("feedback known", () -> Integer.valueOf(1).equals(
                given().get("/api/v1/features/" + feature).path("demand.feedbackCount")));
        return item;
    }

    /** Records a key-result measurement through the API and returns its id. */
    static String measurement(String product) {
        String objective = given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + product + "\", \"title\": \"Adoption\", \"period\": \"2027-Q1\"}")
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        String path = "/api/v1/objectives/" + objective;
        String kr = given().header("If-Match", Fixtures.etag(path)).contentType(ContentType.JSON).body("""
                        {"metric": "Weekly reorders", "unit": "orders", "baseline": 100, "target": 200,
                         "direction": "INCREASE"}""")
                .post(path + "/key-results").then().statusCode(201).extract().path("keyResults[-1].id");
        return given().contentType(ContentType.JSON)
                .body("{\"value\": 130, \"measuredAt\": \"2027-01-31T00:00:00Z\", \"source\": \"warehouse\"}")
                .post(path + "/key-results/" + kr + "/measurements").then().statusCode(201)
                .extract().path("measurement.id");
    }

    @Test
    void refusesAPivotWithoutOrWithUnknownEvidenceAndChangesNothing() {
        String product = Fixtures.product("Checkout", "ana.pm@example.com", "Paying is easy");
        String path = pivots(product);
        Fixtures.withCurrentETag("POST", path, """
                {"vision": "Reorder in one click", "rationale": "Customers asked"}""")
                .then().statusCode(422).body("errors[0].field", equalTo("evidence"));
        Fixtures.withCurrentETag("POST", path, """
                {"vision": "Reorder in one click", "rationale": "Customers asked", "evidence": []}""")
                .then().statusCode(422).body("errors[0].field", equalTo("evidence"));
        UUID unknownFeedback = UUID.randomUUID();
        UUID unknownMeasurement = UUID.randomUUID();
        Fixtures.withCurrentETag("POST", path, """
                {"vision": "Reorder in one click", "rationale": "Customers asked",
                 "evidence": [{"type": "FEEDBACK", "feedbackId": "%s"},
                              {"type": "KEY_RESULT_MEASUREMENT", "measurementId": "%s"},
                              {"type": "KEY_RESULT_MEASUREMENT"}]}""".formatted(unknownFeedback, unknownMeasurement))
                .then().statusCode(422)
                .body("errors.field", equalTo(List.of("evidence[0].feedbackId", "evidence[1].measurementId",
                        "evidence[2].measurementId")))
                .body("detail", containsString(unknownFeedback.toString()))
                .body("detail", containsString(unknownMeasurement.toString()));
        Fixtures.withCurrentETag("POST", path, """
                {"vision": "x", "rationale": "y", "evidence": [{"type": "HUNCH"}]}""")
                .then().statusCode(400).body("errors[0].field", equalTo("evidence[0].type"));
        Fixtures.withCurrentETag("POST", path, """
                {"vision": "x", "evidence": [{"type": "FEEDBACK", "feedbackId": "%s"}]}""".formatted(unknownFeedback))
                .then().statusCode(400).body("errors[0].field", equalTo("rationale"));
        given().contentType(ContentType.JSON).body("{\"vision\": \"x\", \"rationale\": \"y\"}").post(path)
                .then().statusCode(428);
        given().header("If-Match", "\"5\"").contentType(ContentType.JSON).body("""
                {"vision": "x", "rationale": "y", "evidence": [{"type": "FEEDBACK", "feedbackId": "%s"}]}"""
                .formatted(unknownFeedback)).post(path).then().statusCode(412)
                .contentType("application/problem+json");
        Fixtures.withCurrentETag("POST", path, """
                {"vision": "x", "rationale": "y", "evidence": [], "confidence": "high"}""")
                .then().statusCode(400).body("errors[0].field", equalTo("confidence"));
        Fixtures.withCurrentETag("POST", path, """
                {"targetSegments": "SMB", "rationale": "y", "evidence": []}""")
                .then().statusCode(400).body("errors[0].field", equalTo("targetSegments"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("""
                {"vision": "x", "rationale": "y", "evidence": [{"type": "FEEDBACK", "feedbackId": "%s"}]}"""
                .formatted(unknownFeedback)).post(pivots(UUID.randomUUID().toString())).then().statusCode(404);
        given().get("/api/v1/products/" + product).then().body("vision", equalTo("Paying is easy"))
                .header("ETag", "\"0\"");
        given().get(path).then().statusCode(200).body("items.size()", equalTo(0));
        given().get(pivots(UUID.randomUUID().toString())).then().statusCode(404);
    }

    @Test
    void evidenceAboutAnotherProductIsRefusedAndNothingChanges() {
        String product = Fixtures.product("Checkout", "ana.pm@example.com", "Paying is easy");
        String other = Fixtures.product("Insights", "ana.pm@example.com", "Know your buyers");
        UUID othersFeedback = knownFeedback(other);
        String othersMeasurement = measurement(other);
        String path = pivots(product);
        Fixtures.withCurrentETag("POST", path, """
                {"vision": "Reorder in one click", "rationale": "borrowed evidence",
                 "evidence": [{"type": "FEEDBACK", "feedbackId": "%s"},
                              {"type": "KEY_RESULT_MEASUREMENT", "measurementId": "%s"}]}"""
                .formatted(othersFeedback, othersMeasurement))
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("evidence[0].feedbackId", "evidence[1].measurementId")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("another product"));
        given().get("/api/v1/products/" + product).then().body("vision", equalTo("Paying is easy"))
                .header("ETag", "\"0\"");
        given().get(path).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void pivotsWithKnownEvidenceRecordsHistoryAndPublishesBeforeAndAfter() {
        String product = Fixtures.product("Checkout", "ana.pm@example.com", "Paying is easy");
        UUID feedback = knownFeedback(product);
        String measurement = measurement(product);
        String path = pivots(product);

        Fixtures.withCurrentETag("POST", path, """
                {"vision": "Reorder in one click", "targetSegments": ["SMB", "Enterprise"],
                 "rationale": "Enterprise buyers reorder weekly", "pivotedBy": "ana.pm@example.com",
                 "evidence": [{"type": "FEEDBACK", "feedbackId": "%s"},
                              {"type": "KEY_RESULT_MEASUREMENT", "measurementId": "%s"}]}"""
                .formatted(feedback, measurement))
                .then().statusCode(201).header("ETag", "\"1\"")
                .body("vision", equalTo("Reorder in one click"))
                .body("targetSegments", equalTo(List.of("SMB", "Enterprise")));
        // the same direction again is no pivot
        Fixtures.withCurrentETag("POST", path, """
                {"vision": "Reorder in one click", "rationale": "again",
                 "evidence": [{"type": "FEEDBACK", "feedbackId": "%s"}]}""".formatted(feedback))
                .then().statusCode(422).body("errors[0].field", equalTo("vision"));
        Fixtures.withCurrentETag("POST", path, """
                {"targetSegments": ["Enterprise"], "rationale": "SMB churns",
                 "evidence": [{"type": "KEY_RESULT_MEASUREMENT", "measurementId": "%s"}]}""".formatted(measurement))
                .then().statusCode(201).body("targetSegments", equalTo(List.of("Enterprise")))
                .body("vision", equalTo("Reorder in one click"));

        given().get(path).then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].rationale", equalTo("SMB churns"))
                .body("items[0].before.targetSegments", equalTo(List.of("SMB", "Enterprise")))
                .body("items[0].after.targetSegments", equalTo(List.of("Enterprise")))
                .body("items[1].before.vision", equalTo("Paying is easy"))
                .body("items[1].after.vision", equalTo("Reorder in one click"))
                .body("items[1].evidence[0].feedbackId", equalTo(feedback.toString()))
                .body("items[1].pivotedBy", equalTo("test-user"))
                .body("items[1].createdBy.subject", equalTo("test-user"))
                .body("items[1].onBehalfOf", equalTo("ana.pm@example.com"));
        given().queryParam("limit", 1).get(path).then().body("items[0].rationale", equalTo("SMB churns"))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, product, 3);
        assertEquals(EventType.PRODUCT_PIVOTED.type(), events.get(1).type());
        JsonNode first = events.get(1).payload();
        assertEquals("Paying is easy", first.get("before").get("vision").asText());
        assertEquals("Reorder in one click", first.get("after").get("vision").asText());
        assertEquals("KEY_RESULT_MEASUREMENT", first.get("evidence").get(1).get("type").asText());
        assertEquals(measurement, first.get("evidence").get(1).get("measurementId").asText());
        assertEquals(1, first.get("version").asInt());
    }
}
