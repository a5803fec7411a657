package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** What an integrator reading tandem.project.events with a plain Kafka consumer sees. */
@QuarkusTest
class ProjectEventsTest {

    @Test
    void programChangesArePublished() throws Exception {
        String key = ProgramApiTest.uniqueKey();
        String id = ProgramApiTest.createProgram(key);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"Renamed\"}")
                .patch("/api/v1/programs/" + id).then().statusCode(200);

        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.PROJECT, id, 2);
        JsonNode created = records.get(0).payloadOf(EventType.PROGRAM_CREATED);
        assertEquals(id, created.get("programId").asText());
        assertEquals(key, created.get("key").asText());
        assertEquals(0, created.get("version").asLong());
        JsonNode updated = records.get(1).payloadOf(EventType.PROGRAM_UPDATED);
        assertEquals("Renamed", updated.get("name").asText());
        assertEquals(1, updated.get("version").asLong());
        assertEquals(id, records.get(1).subject());
        assertEquals(2, records.get(1).sequence());
    }

    @Test
    void projectChangesArePublishedWithProductAndFeatureIds() throws Exception {
        String product = UUID.randomUUID().toString();
        String id = ProjectApiTest.create(ProjectApiTest.fullBody(ProjectApiTest.uniqueKey(), null, product));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"manager\": \"kim.pjm@example.com\"}")
                .patch("/api/v1/projects/" + id).then().statusCode(200);
        ProjectApiTest.changeStatus(id, "\"1\"", "{\"status\": \"APPROVED\", \"reason\": \"Steering committee\"}")
                .then().statusCode(200);

        List<KafkaEvents.Event> records = KafkaEvents.eventsOf(Topics.PROJECT, id, 3);
        assertEquals("/tandem/project-service", records.get(0).source());

        JsonNode created = records.get(0).payloadOf(EventType.PROJECT_CREATED);
        assertEquals("PROPOSED", created.get("status").asText());
        assertEquals(product, created.get("productId").asText());
        assertEquals("120000.00", created.get("budget").get("amount").asText());
        assertEquals("EUR", created.get("budget").get("currency").asText());

        JsonNode updated = records.get(1).payloadOf(EventType.PROJECT_UPDATED);
        assertEquals("kim.pjm@example.com", updated.get("manager").asText());
        assertEquals(1, updated.get("version").asLong());

        JsonNode changed = records.get(2).payloadOf(EventType.PROJECT_STATUS_CHANGED);
        assertEquals("PROPOSED", changed.get("from").asText());
        assertEquals("APPROVED", changed.get("to").asText());
        assertEquals("Steering committee", changed.get("reason").asText());
        assertEquals(product, changed.get("productId").asText());
        assertEquals("5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6", changed.get("featureIds").get(0).asText());
        assertEquals("2027-01-04", changed.get("baseline").get("plannedStart").asText());
        assertEquals(2, changed.get("version").asLong());
        assertEquals(3, records.get(2).sequence());
    }
}
