package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskApiTest {

    static String project() {
        return ProjectApiTest.create(ProjectApiTest.fullBody(ProjectApiTest.uniqueKey(), null,
                UUID.randomUUID().toString()));
    }

    static Response createTask(String projectId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/projects/" + projectId + "/tasks");
    }

    static String task(String projectId, String title, String hours, String... dependsOn) {
        StringBuilder deps = new StringBuilder();
        for (String d : dependsOn) {
            deps.append(deps.length() == 0 ? "" : ", ").append('"').append(d).append('"');
        }
        return createTask(projectId, "{\"title\": \"" + title + "\", \"estimateHours\": " + hours
                + ", \"dependsOn\": [" + deps + "]}").then().statusCode(201).extract().path("id");
    }

    static Response patch(String taskId, String etag, String body) {
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .patch("/api/v1/tasks/" + taskId);
    }

    static Response status(String taskId, String body) {
        String etag = given().get("/api/v1/tasks/" + taskId).then().statusCode(200).extract().header("ETag");
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/api/v1/tasks/" + taskId + "/status");
    }

    static long count(String projectId) {
        return given().get("/api/v1/projects/" + projectId + "/tasks?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    static String etagOfProject(String projectId) {
        return given().get("/api/v1/projects/" + projectId).then().extract().header("ETag");
    }

    @Test
    void createGetAndList() {
        String p = project();
        String milestone = MilestoneApiTest.milestone(p, "Beta", "2027-03-31");
        Response created = createTask(p, """
                {"title": "Reorder button", "estimateHours": 16, "assignee": "ana.dev@example.com",
                 "plannedStart": "2027-01-04", "plannedEnd": "2027-01-06", "milestoneId": "%s"}""".formatted(milestone));
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("TODO"))
                .body("estimateHours", equalTo(16.0f))
                .body("remainingHours", equalTo(16.0f))
                .body("allowedStatuses", contains("IN_PROGRESS", "BLOCKED"))
                .body("milestoneId", equalTo(milestone));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/tasks/" + id));
        given().get("/api/v1/tasks/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("projectId", equalTo(p)).body("assignee", equalTo("ana.dev@example.com"))
                .body("baselineEstimateHours", nullValue());
        String second = task(p, "API", "8");
        given().get("/api/v1/projects/" + p + "/tasks?limit=1").then().statusCode(200)
                .body("items.id", contains(id)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/projects/" + p + "/tasks?status=TODO").then().body("items.id", contains(id, second));
        given().get("/api/v1/projects/" + p + "/tasks?status=DONE").then().body("items.size()", equalTo(0));
    }

    @Test
    void createIsIdempotent() {
        String p = project();
        String key = UUID.randomUUID().toString();
        String body = "{\"title\": \"X\", \"estimateHours\": 2}";
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/projects/" + p + "/tasks").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/projects/" + p + "/tasks").then().statusCode(201).body("id", equalTo(first))
                .header("Idempotency-Replayed", "true");
        assertEquals(1, count(p));
    }

    @Test
    void badInputsAreRefusedNamingTheFieldAndWriteNothing() {
        String p = project();
        String other = project();
        String foreignTask = task(other, "Elsewhere", "4");
        String foreignMilestone = MilestoneApiTest.milestone(other, "Elsewhere", "2027-03-31");
        createTask(p, "{\"estimateHours\": 4}").then().statusCode(400).body("errors.field", hasItem("title"));
        createTask(p, "{\"title\": \"X\"}").then().statusCode(400).body("errors.field", hasItem("estimateHours"));
        createTask(p, "{\"title\": \"X\", \"estimateHours\": -4}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("estimateHours"));
        createTask(p, "{\"title\": \"X\", \"estimateHours\": 0}").then().statusCode(400)
                .body("errors.field", hasItem("estimateHours"));
        createTask(p, "{\"title\": \"X\", \"estimateHours\": 4, \"remainingHours\": -1}").then().statusCode(400)
                .body("errors.field", hasItem("remainingHours"));
        createTask(p, "{\"title\": \"X\", \"estimateHours\": \"many\"}").then().statusCode(400)
                .body("errors.field", hasItem("estimateHours"));
        createTask(p, "{\"title\": \"X\", \"estimateHours\": 4, \"priority\": 1}").then().statusCode(400)
                .body("errors.field", hasItem("priority"));
        createTask(p, "{\"title\": \"X\", \"estimateHours\": 4, \"dependsOn\": [\"" + foreignTask + "\"]}")
                .then().statusCode(422).body("errors.field", hasItem("dependsOn[0]"));
        createTask(p, "{\"title\": \"X\", \"estimateHours\": 4, \"milestoneId\": \"" + foreignMilestone + "\"}")
                .then().statusCode(422).body("errors.field", hasItem("milestoneId"));
        createTask(p, "{\"title\": \"X\", \"estimateHours\": 4, \"plannedStart\": \"2027-01-05\", \"plannedEnd\": \"2027-01-04\"}")
                .then().statusCode(422).body("errors.field", hasItem("plannedEnd"));
        createTask(UUID.randomUUID().toString(), "{\"title\": \"X\", \"estimateHours\": 4}").then().statusCode(404);
        assertEquals(0, count(p));
        given().get("/api/v1/tasks/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/tasks/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aDependencyCycleIsRefusedNamingTheCycleInOrder() {
        String p = project();
        String a = task(p, "A", "8");
        String b = task(p, "B", "8", a);
        String c = task(p, "C", "8", b);
        patch(a, "\"0\"", "{\"dependsOn\": [\"" + c + "\"]}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(a + " → " + c + " → " + b + " → " + a))
                .body("errors.field", hasItem("dependsOn"));
        patch(a, "\"0\"", "{\"dependsOn\": [\"" + a + "\"]}").then().statusCode(422)
                .body("errors.field", hasItem("dependsOn[0]"));
        given().get("/api/v1/tasks/" + a).then().header("ETag", "\"0\"").body("dependsOn.size()", equalTo(0));
    }

    @Test
    void updateNeedsIfMatchAndChangesTheFieldsSent() {
        String p = project();
        String a = task(p, "A", "8");
        given().contentType(ContentType.JSON).body("{\"remainingHours\": 3}").patch("/api/v1/tasks/" + a)
                .then().statusCode(428);
        patch(a, "\"7\"", "{\"remainingHours\": 3}").then().statusCode(412);
        patch(a, "\"0\"", "{\"remainingHours\": 3, \"title\": \"A2\"}").then().statusCode(200)
                .header("ETag", "\"1\"").body("remainingHours", equalTo(3.0f)).body("title", equalTo("A2"))
                .body("estimateHours", equalTo(8.0f));
        patch(a, "\"1\"", "{\"estimateHours\": -2}").then().statusCode(400).body("errors.field", hasItem("estimateHours"));
        patch(UUID.randomUUID().toString(), "\"0\"", "{\"title\": \"x\"}").then().statusCode(404);
    }

    @Test
    void theStatusMachineThroughTheApi() {
        String p = project();
        String a = task(p, "A", "8");
        String b = task(p, "B", "5", a);
        status(b, "{\"status\": \"IN_PROGRESS\"}").then().statusCode(409)
                .body("detail", containsString(a + " (A)"));
        status(a, "{\"status\": \"DONE\"}").then().statusCode(409)
                .body("detail", containsString("allowed: IN_PROGRESS, BLOCKED"));
        status(a, "{\"status\": \"BLOCKED\"}").then().statusCode(422).body("errors.field", hasItem("reason"));
        status(a, "{\"status\": \"BLOCKED\", \"reason\": \"sandbox down\"}").then().statusCode(200)
                .body("blockedReason", equalTo("sandbox down"));
        status(a, "{\"status\": \"IN_PROGRESS\"}").then().statusCode(200).body("blockedReason", nullValue());
        status(a, "{\"status\": \"DONE\"}").then().statusCode(200).body("remainingHours", equalTo(0.0f))
                .body("allowedStatuses.size()", equalTo(0));
        status(b, "{\"status\": \"IN_PROGRESS\"}").then().statusCode(200);
        status(b, "{\"status\": \"FINISHED\"}").then().statusCode(400).body("errors.field", hasItem("status"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\": \"DONE\"}")
                .post("/api/v1/tasks/" + b + "/status").then().statusCode(412);
    }

    @Test
    void completingAProjectWithOpenTasksIsRefusedNamingThem() {
        String p = project();
        String a = task(p, "Open one", "8");
        ProjectApiTest.changeStatus(p, "\"0\"", "{\"status\": \"APPROVED\"}").then().statusCode(200);
        ProjectApiTest.changeStatus(p, etagOfProject(p), "{\"status\": \"ACTIVE\"}").then().statusCode(200);
        ProjectApiTest.changeStatus(p, etagOfProject(p), "{\"status\": \"COMPLETED\"}").then().statusCode(409)
                .body("detail", containsString(a + " (Open one)"));
        status(a, "{\"status\": \"IN_PROGRESS\"}").then().statusCode(200);
        status(a, "{\"status\": \"DONE\"}").then().statusCode(200);
        ProjectApiTest.changeStatus(p, etagOfProject(p), "{\"status\": \"COMPLETED\"}").then().statusCode(200);
        // a completed project's tasks are closed
        createTask(p, "{\"title\": \"Late\", \"estimateHours\": 1}").then().statusCode(409);
    }

    @Test
    void approvalCapturesTheTaskEstimatesInTheBaseline() {
        String p = project();
        String a = task(p, "A", "10");
        task(p, "B", "6.5");
        ProjectApiTest.changeStatus(p, "\"0\"", "{\"status\": \"APPROVED\"}").then().statusCode(200)
                .body("baseline.estimateHours", equalTo(16.5f))
                .body("health", equalTo("GREEN"));
        patch(a, "\"0\"", "{\"estimateHours\": 20}").then().statusCode(200)
                .body("estimateHours", equalTo(20.0f)).body("baselineEstimateHours", equalTo(10.0f));
        given().get("/api/v1/projects/" + p).then().body("baseline.estimateHours", equalTo(16.5f));
    }
}
