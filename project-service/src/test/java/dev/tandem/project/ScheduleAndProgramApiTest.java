package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScheduleAndProgramApiTest {

    @Test
    void theScheduleOfADiamondFromThePlannedStart() {
        // planned start Monday 2027-01-04; a (8) → b (24) → d (8); a → c (8) → d
        String p = TaskApiTest.project();
        String a = TaskApiTest.task(p, "A", "8");
        String b = TaskApiTest.task(p, "B", "24", a);
        String c = TaskApiTest.task(p, "C", "8", a);
        String d = TaskApiTest.task(p, "D", "8", b, c);
        given().get("/api/v1/projects/" + p + "/schedule").then().statusCode(200)
                .body("basis", equalTo("estimate"))
                .body("startDate", equalTo("2027-01-04"))
                .body("hoursPerDay", equalTo(8))
                .body("durationHours", equalTo(40.0f))
                .body("criticalPath", contains(a, b, d))
                .body("forecastFinish", equalTo("2027-01-08"))
                .body("tasks.find { it.taskId == '" + c + "' }.slackHours", equalTo(16.0f))
                .body("tasks.find { it.taskId == '" + c + "' }.slackDays", equalTo(2.0f))
                .body("tasks.find { it.taskId == '" + c + "' }.critical", equalTo(false))
                .body("tasks.find { it.taskId == '" + c + "' }.earliestStart", equalTo("2027-01-05"))
                .body("tasks.find { it.taskId == '" + c + "' }.latestFinish", equalTo("2027-01-07"))
                .body("tasks.find { it.taskId == '" + d + "' }.earliestStart", equalTo("2027-01-08"));
    }

    @Test
    void anEmptyScheduleAndAnUnknownProject() {
        String p = TaskApiTest.project();
        given().get("/api/v1/projects/" + p + "/schedule").then().statusCode(200)
                .body("tasks.size()", equalTo(0)).body("criticalPath.size()", equalTo(0))
                .body("forecastFinish", nullValue());
        given().get("/api/v1/projects/" + UUID.randomUUID() + "/schedule").then().statusCode(404);
    }

    @Test
    void aProgramRollsUpBudgetSpendAndWorstHealthPerCurrency() {
        String program = ProgramApiTest.createProgram(ProgramApiTest.uniqueKey());
        given().get("/api/v1/programs/" + program).then().statusCode(200)
                .body("rollup.projectCount", equalTo(0)).body("rollup.worstHealth", nullValue());
        String product = UUID.randomUUID().toString();
        String eur = ProjectApiTest.create(ProjectApiTest.fullBody(ProjectApiTest.uniqueKey(), program, product));
        String usd = ProjectApiTest.create(ProjectApiTest.fullBody(ProjectApiTest.uniqueKey(), program, product)
                .replace("\"EUR\"", "\"USD\"").replace("120000.00", "50000.00"));
        String cancelled = ProjectApiTest.create(ProjectApiTest.fullBody(ProjectApiTest.uniqueKey(), program, product));
        ProjectApiTest.changeStatus(cancelled, "\"0\"", "{\"status\": \"CANCELLED\", \"reason\": \"dropped\"}")
                .then().statusCode(200);
        // the EUR project is approved and spends 300 with nothing earned: RED
        String task = TaskApiTest.task(eur, "Work", "10");
        HealthApiTest.move(eur, "APPROVED");
        HealthApiTest.member(eur, "dee", "100.00");
        HealthApiTest.time(eur, "dee", task, java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "3");
        given().contentType(ContentType.JSON).body("""
                {"amount": {"amount": "12.50", "currency": "USD"}, "category": "Travel", "date": "2027-01-04"}""")
                .post("/api/v1/projects/" + usd + "/expenses").then().statusCode(201);
        given().get("/api/v1/programs/" + program).then().statusCode(200)
                .body("rollup.projectCount", equalTo(2))
                .body("rollup.worstHealth", equalTo("RED"))
                .body("rollup.byCurrency.currency", contains("EUR", "USD"))
                .body("rollup.byCurrency[0].budget.amount", equalTo("120000.00"))
                .body("rollup.byCurrency[0].spend.amount", equalTo("300.00"))
                .body("rollup.byCurrency[1].budget.amount", equalTo("50000.00"))
                .body("rollup.byCurrency[1].spend.amount", equalTo("12.50"));
    }
}
