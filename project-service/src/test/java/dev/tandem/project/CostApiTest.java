package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CostApiTest {

    static Response addMember(String projectId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/projects/" + projectId + "/members");
    }

    static String memberBody(String person, int allocation, String amount, String currency) {
        return """
                {"personId": "%s", "role": "Backend developer", "allocationPercent": %d,
                 "hourlyRate": {"amount": "%s", "currency": "%s"}}""".formatted(person, allocation, amount, currency);
    }

    static Response recordTime(String projectId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/projects/" + projectId + "/time-entries");
    }

    static Response recordExpense(String projectId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/projects/" + projectId + "/expenses");
    }

    static int size(String path) {
        return given().get(path + "?limit=200").then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void membersAreAddedOnceInTheProjectsCurrency() {
        String p = TaskApiTest.project();
        String person = "ana-" + UUID.randomUUID();
        Response added = addMember(p, memberBody(person, 50, "85", "EUR"));
        added.then().statusCode(201).header("ETag", "\"0\"")
                .body("personId", equalTo(person)).body("allocationPercent", equalTo(50))
                .body("hourlyRate.amount", equalTo("85.00")).body("hourlyRate.currency", equalTo("EUR"));
        String id = added.path("id");
        given().get(added.header("Location")).then().statusCode(200).body("id", equalTo(id));
        addMember(p, memberBody(person, 20, "85", "EUR")).then().statusCode(409).body("errors.field", hasItem("personId"));
        addMember(p, memberBody("x", 50, "85", "USD")).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("hourlyRate.currency"));
        addMember(p, memberBody("x", 0, "85", "EUR")).then().statusCode(400)
                .body("errors.field", hasItem("allocationPercent"));
        addMember(p, memberBody("x", 101, "85", "EUR")).then().statusCode(400)
                .body("errors.field", hasItem("allocationPercent"));
        addMember(p, memberBody("x", 50, "85", "EUR").replace("50", "50.5")).then().statusCode(400)
                .body("errors.field", hasItem("allocationPercent"));
        addMember(p, memberBody("x", 50, "-85", "EUR")).then().statusCode(400)
                .body("errors.field", hasItem("hourlyRate.amount"));
        addMember(p, "{\"personId\": \"x\", \"role\": \"Dev\", \"allocationPercent\": 50}").then().statusCode(400)
                .body("errors.field", hasItem("hourlyRate"));
        String bare = ProjectApiTest.create("{\"key\": \"" + ProjectApiTest.uniqueKey() + "\", \"name\": \"Bare\"}");
        addMember(bare, memberBody("x", 50, "85", "EUR")).then().statusCode(422)
                .body("errors.field", hasItem("hourlyRate.currency"));
        addMember(UUID.randomUUID().toString(), memberBody("x", 50, "85", "EUR")).then().statusCode(404);
        assertEquals(1, size("/api/v1/projects/" + p + "/members"));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"allocationPercent\": 100}")
                .patch("/api/v1/projects/" + p + "/members/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("allocationPercent", equalTo(100));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"allocationPercent\": 90}")
                .patch("/api/v1/projects/" + p + "/members/" + id).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"hourlyRate\": {\"amount\": \"90.00\", \"currency\": \"GBP\"}}")
                .patch("/api/v1/projects/" + p + "/members/" + id).then().statusCode(422)
                .body("errors.field", hasItem("hourlyRate.currency"));
        given().get("/api/v1/projects/" + TaskApiTest.project() + "/members/" + id).then().statusCode(404);
    }

    @Test
    void timeIsCostedAtTheMembersRate() {
        String p = TaskApiTest.project();
        String task = TaskApiTest.task(p, "API", "16");
        String person = "ben-" + UUID.randomUUID();
        addMember(p, memberBody(person, 50, "85.00", "EUR")).then().statusCode(201);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response recorded = recordTime(p, """
                {"personId": "%s", "taskId": "%s", "date": "%s", "hours": 6.5, "note": "API"}"""
                .formatted(person, task, today));
        recorded.then().statusCode(201).body("cost.amount", equalTo("552.50")).body("cost.currency", equalTo("EUR"))
                .body("hours", equalTo(6.5f));
        given().get(recorded.header("Location")).then().statusCode(200).body("taskId", equalTo(task));

        String otherTask = TaskApiTest.task(TaskApiTest.project(), "Elsewhere", "4");
        String base = "{\"personId\": \"%s\", \"taskId\": \"%s\", \"date\": \"%s\", \"hours\": %s}";
        recordTime(p, base.formatted("stranger", task, today, "1")).then().statusCode(422)
                .body("errors.field", hasItem("personId"));
        recordTime(p, base.formatted(person, otherTask, today, "1")).then().statusCode(422)
                .body("errors.field", hasItem("taskId"));
        recordTime(p, base.formatted(person, task, LocalDate.now(ZoneOffset.UTC).plusDays(2), "1")).then()
                .statusCode(422).body("errors.field", hasItem("date"));
        recordTime(p, base.formatted(person, task, today, "0")).then().statusCode(400)
                .body("errors.field", hasItem("hours"));
        recordTime(p, base.formatted(person, task, today, "-2")).then().statusCode(400)
                .body("errors.field", hasItem("hours"));
        recordTime(p, base.formatted(person, task, today, "24.5")).then().statusCode(400)
                .body("errors.field", hasItem("hours"));
        recordTime(p, base.formatted(person, task, "yesterday", "1")).then().statusCode(400)
                .body("errors.field", hasItem("date"));
        recordTime(p, "{\"personId\": \"" + person + "\", \"taskId\": \"" + task + "\", \"date\": \"" + today
                + "\", \"hours\": 1, \"rate\": 5}").then().statusCode(400).body("errors.field", hasItem("rate"));
        assertEquals(1, size("/api/v1/projects/" + p + "/time-entries"));
    }

    @Test
    void expensesMustBeInTheProjectsCurrency() {
        String p = TaskApiTest.project();
        String body = """
                {"amount": {"amount": "1200.00", "currency": "%s"}, "category": "Licences", "date": "2027-01-12",
                 "description": "Payment sandbox"}""";
        recordExpense(p, body.formatted("USD")).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("amount.currency"));
        recordExpense(p, body.formatted("EUX")).then().statusCode(400).body("errors.field", hasItem("amount.currency"));
        recordExpense(p, "{\"amount\": {\"amount\": \"5.00\", \"currency\": \"EUR\"}, \"date\": \"2027-01-12\"}")
                .then().statusCode(400).body("errors.field", hasItem("category"));
        assertEquals(0, size("/api/v1/projects/" + p + "/expenses"));
        recordExpense(p, body.formatted("EUR")).then().statusCode(201).body("amount.amount", equalTo("1200.00"))
                .body("category", equalTo("Licences"));
        given().get("/api/v1/projects/" + p + "/expenses").then().body("items.description", contains("Payment sandbox"));
    }

    @Test
    void overAllocationAcrossActiveProjectsPerWeek() {
        String person = "cy-" + UUID.randomUUID();
        String p1 = TaskApiTest.project();
        String p2 = TaskApiTest.project();
        String p3 = TaskApiTest.project();
        addMember(p1, memberBody(person, 60, "80", "EUR")).then().statusCode(201);
        addMember(p2, memberBody(person, 50, "80", "EUR")).then().statusCode(201);
        addMember(p3, memberBody(person, 90, "80", "EUR")).then().statusCode(201);
        for (String p : new String[] {p1, p2}) {
            HealthApiTest.move(p, "APPROVED");
            HealthApiTest.move(p, "ACTIVE");
        }
        // p3 stays PROPOSED: it does not count
        given().get("/api/v1/projects/over-allocation?from=2027-01-04&to=2027-01-17").then().statusCode(200)
                .body("from", equalTo("2027-01-04"))
                .body("entries.findAll { it.personId == '" + person + "' }.week", contains("2027-W01", "2027-W02"))
                .body("entries.find { it.personId == '" + person + "' }.totalAllocationPercent", equalTo(110))
                .body("entries.find { it.personId == '" + person + "' }.projects.size()", equalTo(2));
        // after the planned end (26 March) nothing
        given().get("/api/v1/projects/over-allocation?from=2027-04-05&to=2027-04-11").then().statusCode(200)
                .body("entries.findAll { it.personId == '" + person + "' }.size()", equalTo(0));
        given().get("/api/v1/projects/over-allocation?from=2027-04-05&to=2027-04-01").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        given().get("/api/v1/projects/over-allocation?from=2027-01-01&to=2029-01-01").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        given().get("/api/v1/projects/over-allocation?from=soon").then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }
}
