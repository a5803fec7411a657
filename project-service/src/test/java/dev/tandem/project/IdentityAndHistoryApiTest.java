package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.devstack.testing.TestTokens;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.platform.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Who did what in project-service: createdBy/updatedBy and every event's actor are the caller of the gateway's
 * internal token (or project-service itself on another service's event); projects, tasks and risks have a history,
 * newest first, paged, with each changed field from → to.
 */
@QuarkusTest
class IdentityAndHistoryApiTest {

    private static final String KEY_ID = "4a7e0c2d-1b3f-4e5a-8c9d-0f1e2d3c4b5a";
    private static final String PPM = TestTokens.apiKey(KEY_ID, "ppm-sync", "projects:write");
    private static final String BEN = TestTokens.person("u-ben", "Ben Okafor", "ben@example.com", "projects:write");
    private static final String CY = TestTokens.person("u-cy", null, "cy@example.com", "projects:write");

    private static RequestSpecification as(String token) {
        return given().header(TestTokens.HEADER, token).contentType(ContentType.JSON);
    }

    private static Response asWithETag(String token, String method, String path, String body) {
        String etag = as(token).get(path.replaceAll("/status$", "")).then().statusCode(200).extract().header("ETag");
        return as(token).header("If-Match", etag).body(body).request(method, path);
    }

    private static String project(String token) {
        return as(token).body(ProjectApiTest.fullBody(ProjectApiTest.uniqueKey(), null, UUID.randomUUID().toString()))
                .post("/api/v1/projects").then().statusCode(201).extract().path("id");
    }

    @Test
    void createdByAndUpdatedByAreTheCallersOfTheToken() {
        String id = project(PPM);
        as(PPM).get("/api/v1/projects/" + id).then().statusCode(200)
                .body("createdBy.subject", equalTo("apikey:" + KEY_ID))
                .body("createdBy.kind", equalTo("SYSTEM"))
                .body("createdBy.name", equalTo("ppm-sync"))
                .body("manager", equalTo("ben.pjm@example.com"));
        asWithETag(BEN, "PATCH", "/api/v1/projects/" + id, "{\"scope\": \"Reorder and wallet\"}").then()
                .statusCode(200)
                .body("createdBy.name", equalTo("ppm-sync"))
                .body("updatedBy.subject", equalTo("u-ben"))
                .body("updatedBy.kind", equalTo("PERSON"))
                .body("updatedBy.name", equalTo("Ben Okafor"));
        asWithETag(CY, "PATCH", "/api/v1/projects/" + id,
                "{\"scope\": \"x\", \"createdBy\": {\"subject\": \"u-ben\"}}").then().statusCode(400)
                .body("errors.field", hasItem("createdBy"));

        String task = as(CY).body("{\"title\": \"Reorder button\", \"estimateHours\": 8}")
                .post("/api/v1/projects/" + id + "/tasks").then().statusCode(201)
                .body("createdBy.subject", equalTo("u-cy"))
                .body("createdBy.name", equalTo("cy@example.com"))
                .extract().path("id");
        asWithETag(BEN, "POST", "/api/v1/tasks/" + task + "/status", "{\"status\": \"IN_PROGRESS\"}").then()
                .statusCode(200).body("updatedBy.name", equalTo("Ben Okafor"))
                .body("createdBy.subject", equalTo("u-cy"));
        String risk = as(BEN).body("{\"title\": \"Sandbox late\", \"probability\": 3, \"impact\": 4}")
                .post("/api/v1/projects/" + id + "/risks").then().statusCode(201)
                .body("createdBy.name", equalTo("Ben Okafor")).extract().path("id");
        as(PPM).body("{\"personId\": \"dana\", \"role\": \"Engineer\", \"allocationPercent\": 50, "
                + "\"hourlyRate\": {\"amount\": \"100.00\", \"currency\": \"EUR\"}}")
                .post("/api/v1/projects/" + id + "/members").then().statusCode(201)
                .body("createdBy.name", equalTo("ppm-sync"));
        as(PPM).get("/api/v1/projects/" + id + "/risks/" + risk).then().body("updatedBy.name", equalTo("Ben Okafor"));
    }

    @Test
    void everyEventCarriesItsActor() throws Exception {
        String id = project(PPM);
        asWithETag(BEN, "PATCH", "/api/v1/projects/" + id, "{\"name\": \"Reorder\"}").then().statusCode(200);

        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.PROJECT, id, 2);
        assertEquals(EventType.PROJECT_CREATED.type(), records.get(0).type());
        assertEquals("apikey:" + KEY_ID, records.get(0).actor());
        assertEquals("ppm-sync", records.get(0).actorName());
        assertEquals("SYSTEM", records.get(0).actorKind());
        assertEquals("u-ben", records.get(1).actor());
        assertEquals("Ben Okafor", records.get(1).actorName());
        assertEquals("PERSON", records.get(1).actorKind());
    }

    @Test
    void aProjectsHistoryListsEachChangeNewestFirstWithWhoAndFromTo() {
        String id = project(PPM);
        String path = "/api/v1/projects/" + id;
        asWithETag(BEN, "PATCH", path, "{\"budget\": {\"amount\": \"95000.00\", \"currency\": \"EUR\"}}").then()
                .statusCode(200);
        asWithETag(CY, "POST", path + "/status", "{\"status\": \"CANCELLED\", \"reason\": \"No longer needed\"}")
                .then().statusCode(200);

        as(PPM).get(path + "/history").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items[0].eventType", equalTo("dev.tandem.project.status-changed.v1"))
                .body("items[0].actor.subject", equalTo("u-cy"))
                .body("items[0].changes.status.from", equalTo("PROPOSED"))
                .body("items[0].changes.status.to", equalTo("CANCELLED"))
                .body("items[0].changes.statusReason.to", equalTo("No longer needed"))
                .body("items[1].eventType", equalTo("dev.tandem.project.updated.v1"))
                .body("items[1].actor.name", equalTo("Ben Okafor"))
                .body("items[1].changes.budget.from", equalTo(Map.of("amount", "120000.00", "currency", "EUR")))
                .body("items[1].changes.budget.to", equalTo(Map.of("amount", "95000.00", "currency", "EUR")))
                .body("items[1].changes", not(hasKey("name")))
                .body("items[1].changes", not(hasKey("version")))
                .body("items[2].eventType", equalTo("dev.tandem.project.created.v1"))
                .body("items[2].actor.subject", equalTo("apikey:" + KEY_ID))
                .body("items[2].changes.name.from", nullValue())
                .body("items[2].changes.name.to", equalTo("One-click reorder"))
                .body("nextCursor", nullValue());

        Response first = as(PPM).queryParam("limit", 2).get(path + "/history");
        first.then().statusCode(200).body("items.size()", equalTo(2))
                .header("Link", containsString("rel=\"next\""));
        as(PPM).queryParam("limit", 2).queryParam("cursor", first.<String>path("nextCursor")).get(path + "/history")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].eventType", equalTo("dev.tandem.project.created.v1"));
    }

    @Test
    void tasksAndRisksHaveAHistoryToo() {
        String project = project(PPM);
        String task = as(PPM).body("{\"title\": \"Reorder button\", \"estimateHours\": 8}")
                .post("/api/v1/projects/" + project + "/tasks").then().statusCode(201).extract().path("id");
        asWithETag(BEN, "PATCH", "/api/v1/tasks/" + task, "{\"estimateHours\": 12}").then().statusCode(200);
        asWithETag(CY, "POST", "/api/v1/tasks/" + task + "/status", "{\"status\": \"IN_PROGRESS\"}").then()
                .statusCode(200);
        as(PPM).get("/api/v1/tasks/" + task + "/history").then().statusCode(200)
                .body("items.eventType", equalTo(List.of("dev.tandem.task.status-changed.v1",
                        "dev.tandem.task.updated.v1", "dev.tandem.task.created.v1")))
                .body("items[0].actor.subject", equalTo("u-cy"))
                .body("items[0].changes.status.from", equalTo("TODO"))
                .body("items[0].changes.status.to", equalTo("IN_PROGRESS"))
                .body("items[1].actor.name", equalTo("Ben Okafor"))
                .body("items[1].changes.estimateHours.from", equalTo(8.0f))
                .body("items[1].changes.estimateHours.to", equalTo(12.0f))
                .body("items[2].actor.name", equalTo("ppm-sync"));

        String risks = "/api/v1/projects/" + project + "/risks/";
        String risk = as(PPM).body("{\"title\": \"Sandbox late\", \"probability\": 3, \"impact\": 4}")
                .post("/api/v1/projects/" + project + "/risks").then().statusCode(201).extract().path("id");
        asWithETag(BEN, "PATCH", risks + risk, "{\"status\": \"MITIGATED\", \"probability\": 2}").then()
                .statusCode(200).body("updatedBy.subject", equalTo("u-ben"));
        as(PPM).get(risks + risk + "/history").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].eventType", equalTo("dev.tandem.risk.updated.v1"))
                .body("items[0].actor.name", equalTo("Ben Okafor"))
                .body("items[0].changes.status.from", equalTo("OPEN"))
                .body("items[0].changes.status.to", equalTo("MITIGATED"))
                .body("items[0].changes.probability.from", equalTo(3))
                .body("items[0].changes.probability.to", equalTo(2))
                .body("items[0].changes.exposure.to", equalTo(8))
                .body("items[1].changes.title.to", equalTo("Sandbox late"));
    }

    @Test
    void historyOfAnUnknownRecordIs404() {
        as(PPM).get("/api/v1/projects/" + UUID.randomUUID() + "/history").then().statusCode(404)
                .contentType("application/problem+json");
        as(PPM).get("/api/v1/tasks/" + UUID.randomUUID() + "/history").then().statusCode(404);
        String project = project(PPM);
        as(PPM).get("/api/v1/projects/" + project + "/risks/" + UUID.randomUUID() + "/history").then()
                .statusCode(404);
        as(PPM).get("/api/v1/projects/" + UUID.randomUUID() + "/risks/" + UUID.randomUUID() + "/history").then()
                .statusCode(404);
        given().header(TestTokens.HEADER, TestTokens.mint("projects:read")).get("/api/v1/projects/" + project
                + "/history").then().statusCode(200);
        given().header(TestTokens.HEADER, TestTokens.mint("feedback:read")).get("/api/v1/projects/" + project
                + "/history").then().statusCode(403);
    }

    @Test
    void aProjectProposedOnAnotherServicesEventIsProjectServicesOwn() throws Exception {
        UUID feature = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/tandem/product-service",
                EventType.FEATURE_COMMITTED.type(), feature.toString(), Instant.now(), 1, null);
        String json = """
                {"featureId": "%s", "productId": "%s", "title": "Proposed by an event",
                 "problem": "p", "effortPersonMonths": 1, "committedAt": "2026-11-22T10:00:00Z", "version": 1}"""
                .formatted(feature, product);
        KafkaEvents.send(new ProducerRecord<>(Topics.PRODUCT, 0, feature.toString(),
                json.getBytes(StandardCharsets.UTF_8), envelope.toHeaders()));
        String id = await("the project proposed for " + feature).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> as(PPM).queryParam("productId", product).get("/api/v1/projects").<String>path("items[0].id"),
                        notNullValue());
        assertEquals(36, id.length(), "proposed within 30 s");

        as(PPM).get("/api/v1/projects/" + id).then()
                .body("createdBy.subject", equalTo("system:project-service"))
                .body("createdBy.kind", equalTo("SYSTEM"))
                .body("createdBy.name", equalTo("project-service"));
        as(PPM).get("/api/v1/projects/" + id + "/history").then()
                .body("items[0].actor.subject", equalTo("system:project-service"))
                .body("items[0].changes.proposedForFeatureId.to", equalTo(feature.toString()));
        assertEquals("system:project-service",
                KafkaEvents.eventsOf(Topics.PROJECT, id, 1).get(0).actor());
    }
}
