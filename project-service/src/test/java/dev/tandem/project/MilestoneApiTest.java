package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

@QuarkusTest
class MilestoneApiTest {

    static String project(String productId) {
        return ProjectApiTest.create(ProjectApiTest.fullBody(ProjectApiTest.uniqueKey(), null, productId));
    }

    static Response createMilestone(String projectId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/projects/" + projectId + "/milestones");
    }

    static String milestone(String projectId, String name, String due) {
        return createMilestone(projectId, "{\"name\": \"" + name + "\", \"dueDate\": \"" + due + "\"}")
                .then().statusCode(201).extract().path("id");
    }

    static Response reach(String id, String etag, String body) {
        var spec = given().contentType(ContentType.JSON).body(body);
        if (etag != null) {
            spec = spec.header("If-Match", etag);
        }
        return spec.post("/api/v1/milestones/" + id + "/reached");
    }

    static long count(String projectId) {
        return given().get("/api/v1/projects/" + projectId + "/milestones?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    @Test
    void createAndGet() {
        String p = project(UUID.randomUUID().toString());
        String id = createMilestone(p, "{\"name\": \"Beta release\", \"dueDate\": \"2027-03-31\"}")
                .then().statusCode(201).extract().path("id");
        given().get("/api/v1/milestones/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("projectId", equalTo(p))
                .body("name", equalTo("Beta release"))
                .body("dueDate", equalTo("2027-03-31"))
                .body("reachedAt", nullValue())
                .body("overdue", equalTo(false))
                .body("late", equalTo(false))
                .body("version", equalTo(0));
    }

    @Test
    void createSetsLocationAndIsIdempotent() {
        String p = project(UUID.randomUUID().toString());
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Alpha\", \"dueDate\": \"2027-02-01\"}";
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/projects/" + p + "/milestones");
        first.then().statusCode(201).header("ETag", "\"0\"");
        String id = first.path("id");
        assertTrue(first.header("Location").endsWith("/api/v1/milestones/" + id));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/projects/" + p + "/milestones").then().statusCode(201).body("id", equalTo(id));
        assertEquals(1, count(p));
    }

    @Test
    void overdueWhenDueBeforeTodayAndNotReached() {
        String p = project(UUID.randomUUID().toString());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String past = milestone(p, "Past", today.minusDays(1).toString());
        String due = milestone(p, "Today", today.toString());
        given().get("/api/v1/milestones/" + past).then().body("overdue", equalTo(true));
        given().get("/api/v1/milestones/" + due).then().body("overdue", equalTo(false));
        reach(past, "\"0\"", "{}").then().statusCode(200).body("overdue", equalTo(false)).body("late", equalTo(true));
    }

    @Test
    void badCreateInputs() {
        String p = project(UUID.randomUUID().toString());
        createMilestone(UUID.randomUUID().toString(), "{\"name\": \"X\", \"dueDate\": \"2027-03-31\"}")
                .then().statusCode(404);
        createMilestone(p, "{\"dueDate\": \"2027-03-31\"}").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        createMilestone(p, "{\"name\": \"  \", \"dueDate\": \"2027-03-31\"}").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        createMilestone(p, "{\"name\": \"X\"}").then().statusCode(400).body("errors.field", hasItem("dueDate"));
        createMilestone(p, "{\"name\": \"X\", \"dueDate\": \"31.03.2027\"}").then().statusCode(400)
                .body("errors.field", hasItem("dueDate"));
        createMilestone(p, "{\"name\": \"X\", \"dueDate\": \"2027-03-31\", \"owner\": \"me\"}").then().statusCode(400)
                .body("errors.field", hasItem("owner"));
        assertEquals(0, count(p));
    }

    @Test
    void noMilestonesForACancelledProject() {
        String p = project(UUID.randomUUID().toString());
        ProjectApiTest.changeStatus(p, "\"0\"", "{\"status\": \"CANCELLED\", \"reason\": \"dropped\"}")
                .then().statusCode(200);
        createMilestone(p, "{\"name\": \"X\", \"dueDate\": \"2027-03-31\"}").then().statusCode(409);
        assertEquals(0, count(p));
    }

    @Test
    void milestonesOfACancelledProjectCanNoLongerChangeOrBeReached() {
        String p = project(UUID.randomUUID().toString());
        String m = milestone(p, "Beta", "2027-03-31");
        ProjectApiTest.changeStatus(p, "\"0\"", "{\"status\": \"CANCELLED\", \"reason\": \"dropped\"}")
                .then().statusCode(200);

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"Renamed\"}")
                .patch("/api/v1/milestones/" + m).then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("projectId"));
        reach(m, "\"0\"", "{}").then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/milestones/" + m).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Beta"))
                .body("reachedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void listIsOrderedByDueDateThenIdWithCursor() {
        String p = project(UUID.randomUUID().toString());
        String c = milestone(p, "C", "2027-05-01");
        String a = milestone(p, "A", "2027-01-01");
        String b1 = milestone(p, "B1", "2027-03-01");
        String b2 = milestone(p, "B2", "2027-03-01");
        List<String> bs = new ArrayList<>(List.of(b1, b2));
        bs.sort(null);
        List<String> expected = List.of(a, bs.get(0), bs.get(1), c);

        List<String> seen = new ArrayList<>();
        String url = "/api/v1/projects/" + p + "/milestones?limit=3";
        Response page1 = given().get(url);
        page1.then().statusCode(200).body("nextCursor", notNullValue());
        seen.addAll(page1.jsonPath().getList("items.id"));
        Response page2 = given().queryParam(dev.tandem.platform.paging.Cursor.PARAM, (String) page1.path("nextCursor"))
                .get("/api/v1/projects/" + p + "/milestones?limit=3");
        page2.then().statusCode(200).body("nextCursor", nullValue());
        seen.addAll(page2.jsonPath().getList("items.id"));
        assertEquals(expected, seen);

        given().get("/api/v1/projects/" + UUID.randomUUID() + "/milestones").then().statusCode(404);
        given().get("/api/v1/projects/" + p + "/milestones?" + dev.tandem.platform.paging.Cursor.PARAM + "=garbage").then().statusCode(400);
    }

    @Test
    void getUnknownIs404() {
        given().get("/api/v1/milestones/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/milestones/not-a-uuid").then().statusCode(404);
    }

    @Test
    void patchNeedsCurrentIfMatch() {
        String p = project(UUID.randomUUID().toString());
        String id = milestone(p, "Beta", "2027-03-31");
        String path = "/api/v1/milestones/" + id;
        String patch = "{\"dueDate\": \"2027-04-15\"}";
        given().contentType(ContentType.JSON).body(patch).patch(path).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(patch).patch(path).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"dueDate\": \"tomorrow\"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("dueDate"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reachedAt\": \"2027-01-01T00:00:00Z\"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("reachedAt"));
        given().get(path).then().body("dueDate", equalTo("2027-03-31")).body("version", equalTo(0));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(patch).patch(path).then()
                .statusCode(200).header("ETag", "\"1\"").body("dueDate", equalTo("2027-04-15"))
                .body("name", equalTo("Beta"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"name\": \"Public beta\"}")
                .patch(path).then().statusCode(200).body("name", equalTo("Public beta"))
                .body("dueDate", equalTo("2027-04-15"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(patch)
                .patch("/api/v1/milestones/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void reachBadInputs() {
        String p = project(UUID.randomUUID().toString());
        String id = milestone(p, "Beta", "2027-03-31");
        reach(id, null, "{}").then().statusCode(428);
        reach(id, "\"5\"", "{}").then().statusCode(412);
        reach(id, "\"0\"", "{\"reachedAt\": \"" + Instant.now().plusSeconds(3600) + "\"}").then().statusCode(400)
                .body("errors.field", hasItem("reachedAt"));
        reach(id, "\"0\"", "{\"reachedAt\": \"yesterday\"}").then().statusCode(400)
                .body("errors.field", hasItem("reachedAt"));
        reach(id, "\"0\"", "{\"when\": \"2027-01-01T00:00:00Z\"}").then().statusCode(400)
                .body("errors.field", hasItem("when"));
        reach(UUID.randomUUID().toString(), "\"0\"", "{}").then().statusCode(404);
        given().get("/api/v1/milestones/" + id).then().body("reachedAt", nullValue()).body("version", equalTo(0));
    }

    @Test
    void reachOnceThenConflictAndEventIsPublished() throws Exception {
        String product = UUID.randomUUID().toString();
        String p = project(product);
        String id = milestone(p, "Beta", "2026-01-10");
        reach(id, "\"0\"", "{\"reachedAt\": \"2026-01-12T09:30:00Z\"}").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("reachedAt", equalTo("2026-01-12T09:30:00Z"))
                .body("late", equalTo(true))
                .body("overdue", equalTo(false));
        reach(id, "\"1\"", "{}").then().statusCode(409);
        given().get("/api/v1/milestones/" + id).then().body("reachedAt", equalTo("2026-01-12T09:30:00Z"))
                .body("version", equalTo(1));

        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.PROJECT, id, 2);
        JsonNode created = records.get(0).payloadOf(EventType.MILESTONE_CREATED);
        assertEquals("2026-01-10", created.get("dueDate").asText());
        assertEquals(product, created.get("productId").asText());
        JsonNode reached = records.get(1).payloadOf(EventType.MILESTONE_REACHED);
        assertEquals(id, reached.get("milestoneId").asText());
        assertEquals(p, reached.get("projectId").asText());
        assertEquals(product, reached.get("productId").asText());
        assertEquals("5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6", reached.get("featureIds").get(0).asText());
        assertEquals("Beta", reached.get("name").asText());
        assertEquals("2026-01-10", reached.get("dueDate").asText());
        assertEquals("2026-01-12T09:30:00Z", reached.get("reachedAt").asText());
        assertTrue(reached.get("late").asBoolean());
        assertEquals(1, reached.get("version").asLong());
        assertEquals(id, records.get(0).subject());
    }
}
