package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** NPS surveys and answers over HTTP, on PostgreSQL. */
@QuarkusTest
class NpsApiTest {

    private static String survey(UUID product, String opensAt, String closesAt) {
        return given().contentType(ContentType.JSON).body("""
                        {"productId": "%s", "question": "Would you recommend us?", "opensAt": "%s", "closesAt": "%s"}"""
                        .formatted(product, opensAt, closesAt))
                .post("/api/v1/nps/surveys").then().statusCode(201).extract().path("id");
    }

    private static Response answer(String survey, UUID customer, Object score, String comment) {
        return given().contentType(ContentType.JSON).body("{\"customerId\": \"" + customer + "\", \"score\": " + score
                        + (comment == null ? "" : ", \"comment\": \"" + comment + "\"") + "}")
                .post("/api/v1/nps/surveys/" + survey + "/responses");
    }

    private static final String OPEN = "2020-01-01T00:00:00Z";
    private static final String CLOSE = "2099-01-01T00:00:00Z";

    @Test
    void answersMakeTheSurveysAndTheProductsNps() throws Exception {
        UUID product = TestData.product();
        String id = survey(product, OPEN, CLOSE);
        answer(id, TestData.customer(), 10, null).then().statusCode(201).body("category", equalTo("PROMOTER"))
                .body("feedbackId", nullValue());
        answer(id, TestData.customer(), 9, null).then().statusCode(201);
        answer(id, TestData.customer(), 8, null).then().statusCode(201).body("category", equalTo("PASSIVE"));
        UUID critic = TestData.customer();
        Response detractor = answer(id, critic, 3, "Exports are too slow");
        detractor.then().statusCode(201).body("category", equalTo("DETRACTOR")).body("feedbackId", notNullValue());

        given().get("/api/v1/nps/surveys/" + id).then().statusCode(200)
                .body("results.responses", equalTo(4)).body("results.promoters", equalTo(2))
                .body("results.passives", equalTo(1)).body("results.detractors", equalTo(1))
                .body("results.nps", equalTo(25.0f));
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        given().get("/api/v1/nps/products/" + product).then().statusCode(200)
                .body("overall.nps", equalTo(25.0f))
                .body("months.month", equalTo(List.of(month)))
                .body("months[0].nps.responses", equalTo(4));
        given().queryParam("productId", product).get("/api/v1/nps/surveys").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].results.responses", equalTo(4));

        // the comment became a SURVEY feedback item
        String feedbackId = detractor.path("feedbackId");
        given().get("/api/v1/feedback/" + feedbackId).then().statusCode(200)
                .body("source", equalTo("SURVEY")).body("customerId", equalTo(critic.toString()))
                .body("productId", equalTo(product.toString())).body("text", equalTo("Exports are too slow"))
                .body("tags", equalTo(List.of("nps")));
        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.FEEDBACK, id, 5);
        JsonNode created = records.get(0).payloadOf(EventType.NPS_SURVEY_CREATED);
        assertEquals(id, created.get("surveyId").asText());
        assertEquals(product.toString(), created.get("productId").asText());
        assertEquals("Would you recommend us?", created.get("question").asText());
        assertEquals(OPEN, created.get("opensAt").asText());
        assertEquals(0, created.get("version").asLong());
        JsonNode recorded = records.get(4).payloadOf(EventType.NPS_RESPONSE_RECORDED);
        assertEquals(3, recorded.get("score").asInt());
        assertEquals("DETRACTOR", recorded.get("category").asText());
        assertEquals(feedbackId, recorded.get("feedbackId").asText());
    }

    @Test
    void badAnswersAreProblemsAndWriteNothing() {
        UUID product = TestData.product();
        String id = survey(product, OPEN, CLOSE);
        UUID customer = TestData.customer();
        answer(id, customer, 11, null).then().statusCode(400).body("errors[0].field", equalTo("score"));
        answer(id, customer, -1, null).then().statusCode(400).body("errors[0].field", equalTo("score"));
        answer(id, customer, "\"nine\"", null).then().statusCode(400).body("errors[0].field", equalTo("score"));
        answer(id, UUID.randomUUID(), 5, null).then().statusCode(422).body("errors[0].field", equalTo("customerId"));
        answer(UUID.randomUUID().toString(), customer, 5, null).then().statusCode(404);
        given().get("/api/v1/nps/surveys/" + id).then().body("results.responses", equalTo(0))
                .body("results.nps", nullValue());

        answer(id, customer, 7, null).then().statusCode(201);
        answer(id, customer, 9, null).then().statusCode(409).body("errors[0].field", equalTo("customerId"));

        String closed = survey(product, "2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z");
        answer(closed, customer, 9, "Great").then().statusCode(409).body("detail", containsString("until"));
        String future = survey(product, Instant.now().plusSeconds(86_400).toString(), CLOSE);
        answer(future, customer, 9, null).then().statusCode(409);
        given().queryParam("customerId", customer).get("/api/v1/feedback").then().body("items", hasSize(0));
    }

    @Test
    void badSurveysAreProblems() {
        UUID product = TestData.product();
        given().contentType(ContentType.JSON).body("""
                        {"productId": "%s", "question": "Q?", "opensAt": "2026-12-01T00:00:00Z", "closesAt": "2026-11-01T00:00:00Z"}"""
                        .formatted(product)).post("/api/v1/nps/surveys").then().statusCode(422)
                .body("errors[0].field", equalTo("closesAt"));
        given().contentType(ContentType.JSON).body("""
                        {"productId": "%s", "question": "Q?", "opensAt": "2026-11-01T00:00:00Z", "closesAt": "2026-12-01T00:00:00Z"}"""
                        .formatted(UUID.randomUUID())).post("/api/v1/nps/surveys").then().statusCode(422)
                .body("errors[0].field", equalTo("productId"));
        given().contentType(ContentType.JSON).body("""
                        {"productId": "%s", "opensAt": "2026-11-01T00:00:00Z", "closesAt": "2026-12-01T00:00:00Z", "channel": "mail"}"""
                        .formatted(product)).post("/api/v1/nps/surveys").then().statusCode(400);
        given().get("/api/v1/nps/surveys/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/nps/products/" + UUID.randomUUID()).then().statusCode(404);
    }
}
