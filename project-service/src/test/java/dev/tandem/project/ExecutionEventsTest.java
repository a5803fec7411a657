package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Tasks, members, time, expenses and risks publish their changes, valid against their schemas. */
@QuarkusTest
class ExecutionEventsTest {

    @Test
    void taskChangesArePublished() throws Exception {
        String p = TaskApiTest.project();
        String a = TaskApiTest.task(p, "API", "8");
        TaskApiTest.patch(a, "\"0\"", "{\"remainingHours\": 5}").then().statusCode(200);
        TaskApiTest.status(a, "{\"status\": \"BLOCKED\", \"reason\": \"sandbox down\"}").then().statusCode(200);

        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.PROJECT, a, 3);
        JsonNode created = records.get(0).payloadOf(EventType.TASK_CREATED);
        assertEquals(p, created.get("projectId").asText());
        assertEquals("TODO", created.get("status").asText());
        assertEquals(8.0, created.get("estimateHours").asDouble());
        JsonNode updated = records.get(1).payloadOf(EventType.TASK_UPDATED);
        assertEquals(5.0, updated.get("remainingHours").asDouble());
        assertEquals(1, updated.get("version").asLong());
        JsonNode blocked = records.get(2).payloadOf(EventType.TASK_STATUS_CHANGED);
        assertEquals("TODO", blocked.get("from").asText());
        assertEquals("BLOCKED", blocked.get("to").asText());
        assertEquals("sandbox down", blocked.get("reason").asText());
        assertEquals(a, records.get(2).subject());
    }

    @Test
    void peopleCostAndRiskChangesArePublished() throws Exception {
        String p = TaskApiTest.project();
        String task = TaskApiTest.task(p, "API", "8");
        String member = CostApiTest.addMember(p, CostApiTest.memberBody("eve", 40, "90.00", "EUR"))
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"allocationPercent\": 80}")
                .patch("/api/v1/projects/" + p + "/members/" + member).then().statusCode(200);
        String time = CostApiTest.recordTime(p, """
                {"personId": "eve", "taskId": "%s", "date": "%s", "hours": 2}"""
                .formatted(task, LocalDate.now(ZoneOffset.UTC))).then().statusCode(201).extract().path("id");
        String expense = CostApiTest.recordExpense(p, """
                {"amount": {"amount": "40.00", "currency": "EUR"}, "category": "Travel", "date": "2027-01-05"}""")
                .then().statusCode(201).extract().path("id");
        String risk = RiskApiTest.risk(p, "Sandbox late", 2, 5);
        RiskApiTest.patch(p, risk, "\"0\"", "{\"status\": \"MITIGATED\"}").then().statusCode(200);

        List<KafkaEvents.Event> members = KafkaEvents.eventsOf(Topics.PROJECT, member, 2);
        assertEquals(40, members.get(0).payloadOf(EventType.MEMBER_ADDED).get("allocationPercent").asInt());
        assertEquals(80, members.get(1).payloadOf(EventType.MEMBER_UPDATED).get("allocationPercent").asInt());
        JsonNode recorded = KafkaEvents.eventsOf(Topics.PROJECT, time, 1).get(0).payloadOf(EventType.TIME_RECORDED);
        assertEquals("180.00", recorded.get("cost").get("amount").asText());
        JsonNode spent = KafkaEvents.eventsOf(Topics.PROJECT, expense, 1).get(0).payloadOf(EventType.EXPENSE_RECORDED);
        assertEquals("Travel", spent.get("category").asText());
        List<KafkaEvents.Event> risks = KafkaEvents.eventsOf(Topics.PROJECT, risk, 2);
        assertEquals(10, risks.get(0).payloadOf(EventType.RISK_CREATED).get("exposure").asInt());
        assertEquals("MITIGATED", risks.get(1).payloadOf(EventType.RISK_UPDATED).get("status").asText());
    }

    @Test
    void milestoneChangesArePublished() throws Exception {
        String p = TaskApiTest.project();
        String m = MilestoneApiTest.milestone(p, "Beta", "2027-03-31");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"dueDate\": \"2027-04-15\"}")
                .patch("/api/v1/milestones/" + m).then().statusCode(200);
        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.PROJECT, m, 2);
        assertEquals("2027-03-31", records.get(0).payloadOf(EventType.MILESTONE_CREATED).get("dueDate").asText());
        JsonNode updated = records.get(1).payloadOf(EventType.MILESTONE_UPDATED);
        assertEquals("2027-04-15", updated.get("dueDate").asText());
        assertEquals(1, updated.get("version").asLong());
    }
}
