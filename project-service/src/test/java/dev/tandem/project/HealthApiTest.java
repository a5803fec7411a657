package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Earned value, health and its events, burndown — with the service's clock set by the test. */
@QuarkusTest
class HealthApiTest {

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static void member(String projectId, String person, String rate) {
        given().contentType(ContentType.JSON).body("""
                {"personId": "%s", "role": "Developer", "allocationPercent": 50,
                 "hourlyRate": {"amount": "%s", "currency": "EUR"}}""".formatted(person, rate))
                .post("/api/v1/projects/" + projectId + "/members").then().statusCode(201);
    }

    static void time(String projectId, String person, String task, String date, String hours) {
        given().contentType(ContentType.JSON).body("""
                {"personId": "%s", "taskId": "%s", "date": "%s", "hours": %s}""".formatted(person, task, date, hours))
                .post("/api/v1/projects/" + projectId + "/time-entries").then().statusCode(201);
    }

    static void expense(String projectId, String amount) {
        given().contentType(ContentType.JSON).body("""
                {"amount": {"amount": "%s", "currency": "EUR"}, "category": "Licences", "date": "2027-01-04"}"""
                .formatted(amount)).post("/api/v1/projects/" + projectId + "/expenses").then().statusCode(201);
    }

    static void move(String projectId, String status) {
        ProjectApiTest.changeStatus(projectId, TaskApiTest.etagOfProject(projectId),
                "{\"status\": \"" + status + "\"}").then().statusCode(200);
    }

    @Test
    void noHealthBeforeApproval() {
        String p = TaskApiTest.project();
        given().get("/api/v1/projects/" + p + "/health").then().statusCode(200)
                .body("health", nullValue()).body("bac", nullValue()).body("cpi", nullValue());
        given().get("/api/v1/projects/" + p).then().body("health", nullValue());
        given().get("/api/v1/projects/" + p + "/burndown").then().statusCode(200).body("days.size()", equalTo(0));
        given().get("/api/v1/projects/" + UUID.randomUUID() + "/health").then().statusCode(404);
    }

    @Test
    void healthFollowsTheWorkAndEveryChangeIsPublished() throws Exception {
        // planned 2027-01-04 .. 2027-03-26 (82 days), budget 120000.00 EUR
        TestClock.setToday(LocalDate.of(2027, 1, 4));
        String p = TaskApiTest.project();
        String a = TaskApiTest.task(p, "Backend", "60");
        String b = TaskApiTest.task(p, "Frontend", "40", a);
        String beta = MilestoneApiTest.milestone(p, "Beta", "2027-02-01");
        move(p, "APPROVED");
        given().get("/api/v1/projects/" + p + "/health").then().statusCode(200)
                .body("health", equalTo("GREEN")).body("reasons.size()", equalTo(0))
                .body("bac.amount", equalTo("120000.00")).body("pv.amount", equalTo("0.00"))
                .body("cpi", nullValue()).body("spi", nullValue()).body("eac.amount", equalTo("120000.00"))
                .body("criticalPath", contains(a, b))
                .body("forecastFinish", equalTo("2027-01-20"));
        member(p, "ana", "100.00");
        move(p, "ACTIVE");
        TaskApiTest.status(a, "{\"status\": \"IN_PROGRESS\"}").then().statusCode(200);

        // money spent, nothing earned: CPI 0 → RED
        time(p, "ana", a, "2027-01-04", "10");
        given().get("/api/v1/projects/" + p).then().body("health", equalTo("RED"));
        given().get("/api/v1/projects/" + p + "/health").then()
                .body("ac.amount", equalTo("1000.00")).body("cpi", equalTo(0.0f)).body("eac", nullValue())
                .body("reasons.code", contains("CPI_BELOW_THRESHOLD"));

        // halfway through the plan (41 of 82 days) the backend is done: EV 72000, PV 60000; Beta is overdue
        TestClock.setToday(LocalDate.of(2027, 2, 14));
        TaskApiTest.status(a, "{\"status\": \"DONE\"}").then().statusCode(200);
        given().get("/api/v1/projects/" + p + "/health").then()
                .body("health", equalTo("AMBER"))
                .body("reasons.code", contains("MILESTONE_OVERDUE"))
                .body("pv.amount", equalTo("60000.00"))
                .body("ev.amount", equalTo("72000.00"))
                .body("percentComplete", equalTo(60.0f))
                .body("spi", equalTo(1.2f))
                .body("cpi", equalTo(72.0f))
                .body("cv.amount", equalTo("71000.00"))
                .body("sv.amount", equalTo("12000.00"))
                // started: the 40 remaining hours from Monday 15 Feb (the 14th is a Sunday) end Friday 19 Feb
                .body("forecastFinish", equalTo("2027-02-19"))
                .body("baselineEnd", equalTo("2027-03-26"));

        // the frontend (on the critical path) blocked: a second reason, still AMBER
        TaskApiTest.status(b, "{\"status\": \"BLOCKED\", \"reason\": \"design missing\"}").then().statusCode(200);
        given().get("/api/v1/projects/" + p + "/health").then()
                .body("reasons.code", contains("MILESTONE_OVERDUE", "CRITICAL_TASK_BLOCKED"));
        MilestoneApiTest.reach(beta, "\"0\"", "{}").then().statusCode(200);
        TaskApiTest.status(b, "{\"status\": \"TODO\"}").then().statusCode(200);
        given().get("/api/v1/projects/" + p).then().body("health", equalTo("GREEN"));
        given().get("/api/v1/projects?health=GREEN&limit=200").then().body("items.id", hasItem(p));
        given().get("/api/v1/projects?health=RED&limit=200").then().body("items.id", not(hasItem(p)));
        given().get("/api/v1/projects?health=PURPLE").then().statusCode(400).body("errors.field", hasItem("health"));

        // burndown: 100 h remaining from approval, 40 h from 14 Feb
        List<String> days = given().get("/api/v1/projects/" + p + "/burndown").then().statusCode(200)
                .body("baselineEstimateHours", equalTo(100.0f))
                .extract().jsonPath().getList("days.date");
        assertEquals("2027-02-14", days.get(days.size() - 1));
        given().get("/api/v1/projects/" + p + "/burndown").then()
                .body("days.find { it.date == '2027-01-04' }.remainingHours", equalTo(100.0f))
                .body("days.find { it.date == '2027-01-05' }.remainingHours", equalTo(100.0f))
                .body("days.find { it.date == '2027-01-04' }.idealRemainingHours", equalTo(100.0f))
                .body("days.find { it.date == '2027-02-14' }.remainingHours", equalTo(40.0f))
                .body("days.find { it.date == '2027-02-14' }.idealRemainingHours", equalTo(50.0f));

        // events with key p: created, approved, health →GREEN, started, →RED, →AMBER (overdue), AMBER (+ blocked),
        // AMBER (blocked only, milestone reached), →GREEN: a change of reasons is published even when the colour stays
        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.PROJECT, p, 9);
        List<String> types = records.stream().map(r -> r.type()).toList();
        assertEquals(List.of(EventType.PROJECT_CREATED.type(), EventType.PROJECT_STATUS_CHANGED.type(),
                EventType.PROJECT_HEALTH_CHANGED.type(), EventType.PROJECT_STATUS_CHANGED.type(),
                EventType.PROJECT_HEALTH_CHANGED.type(), EventType.PROJECT_HEALTH_CHANGED.type(),
                EventType.PROJECT_HEALTH_CHANGED.type(), EventType.PROJECT_HEALTH_CHANGED.type(),
                EventType.PROJECT_HEALTH_CHANGED.type()), types);
        JsonNode first = records.get(2).payloadOf(EventType.PROJECT_HEALTH_CHANGED);
        assertTrue(first.path("from").isMissingNode() || first.path("from").isNull(), "no health before");
        assertEquals("GREEN", first.get("to").asText());
        JsonNode red = records.get(4).payloadOf(EventType.PROJECT_HEALTH_CHANGED);
        assertEquals("GREEN", red.get("from").asText());
        assertEquals("RED", red.get("to").asText());
        assertEquals("CPI_BELOW_THRESHOLD", red.get("reasons").get(0).get("code").asText());
        assertEquals("5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6", red.get("featureIds").get(0).asText());
        JsonNode amber = records.get(5).payloadOf(EventType.PROJECT_HEALTH_CHANGED);
        assertEquals("MILESTONE_OVERDUE", amber.get("reasons").get(0).get("code").asText());
        assertEquals(1.2, amber.get("spi").asDouble(), 1e-9);
        JsonNode blocked = records.get(6).payloadOf(EventType.PROJECT_HEALTH_CHANGED);
        assertEquals("AMBER", blocked.get("from").asText());
        assertEquals("AMBER", blocked.get("to").asText());
        assertEquals(List.of("MILESTONE_OVERDUE", "CRITICAL_TASK_BLOCKED"), codes(blocked));
        JsonNode reached = records.get(7).payloadOf(EventType.PROJECT_HEALTH_CHANGED);
        assertEquals(List.of("CRITICAL_TASK_BLOCKED"), codes(reached));
        JsonNode green = records.get(8).payloadOf(EventType.PROJECT_HEALTH_CHANGED);
        assertEquals("AMBER", green.get("from").asText());
        assertEquals(0, green.get("reasons").size());
    }

    @jakarta.inject.Inject
    dev.tandem.project.tracking.HealthReevaluation reevaluation;

    @Test
    void anIdleProjectsHealthMovesWithTimeAndTheChangeIsPublishedOnce() throws Exception {
        TestClock.setToday(LocalDate.of(2027, 1, 4));
        String p = TaskApiTest.project();
        TaskApiTest.task(p, "Backend", "60");
        MilestoneApiTest.milestone(p, "Beta", "2027-02-01");
        move(p, "APPROVED");
        move(p, "ACTIVE");
        given().get("/api/v1/projects/" + p).then().body("health", equalTo("GREEN"));
        String version = TaskApiTest.etagOfProject(p);

        // nobody writes; six weeks pass: Beta is overdue, nothing was earned of what was planned by now
        TestClock.setToday(LocalDate.of(2027, 2, 15));
        given().get("/api/v1/projects/" + p).then().body("health", equalTo("GREEN"));
        assertTrue(reevaluation.reevaluateActiveProjects() >= 1, "at least this project changed");
        given().get("/api/v1/projects/" + p).then().body("health", equalTo("RED"));
        given().get("/api/v1/projects/" + p + "/health").then()
                .body("reasons.code", hasItem("MILESTONE_OVERDUE")).body("reasons.code", hasItem("SPI_BELOW_THRESHOLD"));
        assertTrue(!version.equals(TaskApiTest.etagOfProject(p)), "the stored health changed the version");

        // the same day again: nothing new to say
        String after = TaskApiTest.etagOfProject(p);
        reevaluation.reevaluateActiveProjects();
        assertEquals(after, TaskApiTest.etagOfProject(p));

        // created, approved, health → GREEN, started, health → RED from the re-evaluation (the second run changed
        // nothing, so it published nothing: a health event always comes with a new version)
        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.PROJECT, p, 5);
        List<String> types = records.stream().map(r -> r.type()).toList();
        assertEquals(List.of(EventType.PROJECT_CREATED.type(), EventType.PROJECT_STATUS_CHANGED.type(),
                EventType.PROJECT_HEALTH_CHANGED.type(), EventType.PROJECT_STATUS_CHANGED.type(),
                EventType.PROJECT_HEALTH_CHANGED.type()), types);
        JsonNode red = records.get(4).payloadOf(EventType.PROJECT_HEALTH_CHANGED);
        assertEquals("GREEN", red.get("from").asText());
        assertEquals("RED", red.get("to").asText());
        assertTrue(codes(red).contains("MILESTONE_OVERDUE"), red.toString());
    }

    @Test
    void crossingTheBudgetIsPublishedOnce() throws Exception {
        TestClock.setToday(LocalDate.of(2027, 1, 4));
        String p = ProjectApiTest.create(ProjectApiTest.fullBody(ProjectApiTest.uniqueKey(), null,
                UUID.randomUUID().toString()).replace("120000.00", "1000.00"));
        TaskApiTest.task(p, "Everything", "10");
        move(p, "APPROVED");
        expense(p, "999.00");
        given().get("/api/v1/projects/" + p + "/health").then().body("reasons.code", not(hasItem("OVER_BUDGET")));
        expense(p, "2.00");
        given().get("/api/v1/projects/" + p + "/health").then().body("health", equalTo("RED"))
                .body("reasons.code", hasItem("OVER_BUDGET")).body("ac.amount", equalTo("1001.00"));
        expense(p, "5.00");
        given().contentType(ContentType.JSON).header("If-Match", TaskApiTest.etagOfProject(p))
                .body("{\"name\": \"Marker\"}").patch("/api/v1/projects/" + p).then().statusCode(200);

        // created, approved, →GREEN, →RED (CPI 0), RED (+ OVER_BUDGET), budget exceeded, updated: the third
        // expense sent nothing (same colour, same reasons)
        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.PROJECT, p, 7);
        List<String> types = records.stream().map(r -> r.type()).toList();
        assertEquals(List.of(EventType.PROJECT_CREATED.type(), EventType.PROJECT_STATUS_CHANGED.type(),
                EventType.PROJECT_HEALTH_CHANGED.type(), EventType.PROJECT_HEALTH_CHANGED.type(),
                EventType.PROJECT_HEALTH_CHANGED.type(), EventType.PROJECT_BUDGET_EXCEEDED.type(),
                EventType.PROJECT_UPDATED.type()), types);
        JsonNode overBudget = records.get(4).payloadOf(EventType.PROJECT_HEALTH_CHANGED);
        assertEquals("RED", overBudget.get("from").asText());
        assertEquals(List.of("CPI_BELOW_THRESHOLD", "OVER_BUDGET"), codes(overBudget));
        JsonNode exceeded = records.get(5).payloadOf(EventType.PROJECT_BUDGET_EXCEEDED);
        assertEquals("1000.00", exceeded.get("budget").get("amount").asText());
        assertEquals("1001.00", exceeded.get("actualCost").get("amount").asText());
        assertEquals("EUR", exceeded.get("actualCost").get("currency").asText());
    }

    private static List<String> codes(JsonNode healthChanged) {
        List<String> codes = new java.util.ArrayList<>();
        healthChanged.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }
}
