package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** What an integrator reading tandem.feedback.events with a plain Kafka consumer sees. */
@QuarkusTest
class FeedbackEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void customerCreatedAndUpdatedCarryTheRevenueChange() throws Exception {
        String id = CustomerApiTest.create(CustomerApiTest.crmId(), "Evented");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"annualRevenue\": {\"amount\": \"200000.00\", \"currency\": \"EUR\"}}")
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"name\": \"Renamed\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(200);

        List<KafkaEvents.Event> records = readRecordsWithKey(id, 3);
        JsonNode created = payload(records.get(0), EventType.CUSTOMER_CREATED, 1);
        assertEquals(id, created.get("customerId").asText());
        assertEquals("120000.00", created.path("annualRevenue").path("amount").asText());
        assertEquals(0, created.get("version").asLong());

        JsonNode revenue = payload(records.get(1), EventType.CUSTOMER_UPDATED, 2);
        assertTrue(revenue.get("revenueChanged").asBoolean());
        assertEquals("200000.00", revenue.path("annualRevenue").path("amount").asText());
        assertEquals("120000.00", revenue.path("previousAnnualRevenue").path("amount").asText());
        assertEquals("EUR", revenue.path("previousAnnualRevenue").path("currency").asText());
        assertEquals(List.of("annualRevenue"), JSON.convertValue(revenue.get("changedFields"), List.class));
        assertEquals(1, revenue.get("version").asLong());

        JsonNode renamed = payload(records.get(2), EventType.CUSTOMER_UPDATED, 3);
        assertTrue(!renamed.get("revenueChanged").asBoolean());
        // no previous revenue when the revenue did not change (the outbox leaves null fields out)
        assertTrue(renamed.path("previousAnnualRevenue").isMissingNode() || renamed.path("previousAnnualRevenue").isNull());
        assertEquals("Renamed", renamed.get("name").asText());
        assertEquals(2, renamed.get("version").asLong());
    }

    @Test
    void feedbackLifecycleEventsCarryItsState() throws Exception {
        UUID customer = TestData.customer();
        UUID product = TestData.product();
        String id = TestData.create(TestData.feedback("SUPPORT", "EV-" + UUID.randomUUID(), customer, product,
                "Slow", "The dashboard is extremely slow.", null, "[\"performance\"]"));
        String path = "/api/v1/feedback/" + id;
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"owner\": \"bo.eng@example.com\"}")
                .patch(path).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"status\": \"TRIAGED\"}")
                .post(path + "/status").then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"status\": \"PLANNED\"}")
                .post(path + "/status").then().statusCode(200);
        given().header("If-Match", "\"3\"").delete(path).then().statusCode(204);

        List<KafkaEvents.Event> records = readRecordsWithKey(id, 6);
        JsonNode received = payload(records.get(0), EventType.FEEDBACK_RECEIVED, 1);
        assertEquals(customer.toString(), received.get("customerId").asText());
        assertEquals(product.toString(), received.get("productId").asText());
        assertEquals("NEW", received.get("status").asText());
        assertEquals("negative", received.get("sentimentLabel").asText());
        assertEquals(0, received.get("version").asLong());

        JsonNode updated = payload(records.get(1), EventType.FEEDBACK_UPDATED, 2);
        assertEquals("bo.eng@example.com", updated.get("owner").asText());
        assertEquals(List.of("owner"), JSON.convertValue(updated.get("changedFields"), List.class));
        assertEquals(1, updated.get("version").asLong());

        JsonNode status = payload(records.get(2), EventType.FEEDBACK_STATUS_CHANGED, 3);
        assertEquals("NEW", status.get("from").asText());
        assertEquals("TRIAGED", status.get("to").asText());
        assertEquals("TRIAGED", status.get("status").asText());
        assertEquals(2, status.get("version").asLong());

        // the move into TRIAGED is also feedback.triaged, right after its status-changed, with the same version
        JsonNode triaged = payload(records.get(3), EventType.FEEDBACK_TRIAGED, 4);
        assertEquals(id, triaged.get("feedbackId").asText());
        assertEquals(product.toString(), triaged.get("productId").asText());
        assertEquals("NEW", triaged.get("previousStatus").asText());
        assertEquals("TRIAGED", triaged.get("status").asText());
        assertEquals("bo.eng@example.com", triaged.get("owner").asText());
        assertEquals(List.of("performance"), JSON.convertValue(triaged.get("tags"), List.class));
        assertEquals("negative", triaged.get("sentimentLabel").asText());
        assertEquals(customer.toString(), triaged.get("customerId").asText());
        assertEquals("Feedback giver", triaged.get("customerName").asText());
        assertEquals("ENTERPRISE", triaged.get("customerTier").asText());
        assertEquals("120000.00", triaged.path("customerAnnualRevenue").path("amount").asText());
        assertEquals("EUR", triaged.path("customerAnnualRevenue").path("currency").asText());
        assertEquals(2, triaged.get("version").asLong());

        // any other move is a status-changed alone
        JsonNode planned = payload(records.get(4), EventType.FEEDBACK_STATUS_CHANGED, 5);
        assertEquals("PLANNED", planned.get("to").asText());
        assertEquals(1, TestData.outboxCount(EventType.FEEDBACK_TRIAGED, id));

        JsonNode deleted = payload(records.get(5), EventType.FEEDBACK_DELETED, 6);
        assertEquals(customer.toString(), deleted.get("customerId").asText());
        assertEquals(4, deleted.get("version").asLong());
    }

    @Test
    void aRefusedChangeLeavesNoEvent() throws Exception {
        String id = TestData.create(TestData.feedback("SOCIAL", "EV-" + UUID.randomUUID(), TestData.customer(),
                TestData.product(), "Refused", "Nothing else happens.", null, "[]"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\": \"CLOSED\"}")
                .post("/api/v1/feedback/" + id + "/status").then().statusCode(409);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\": \"ARCHIVED\"}")
                .post("/api/v1/feedback/" + id + "/status").then().statusCode(200);
        List<KafkaEvents.Event> records = readRecordsWithKey(id, 2);
        payload(records.get(0), EventType.FEEDBACK_RECEIVED, 1);
        JsonNode archived = payload(records.get(1), EventType.FEEDBACK_STATUS_CHANGED, 2);
        assertEquals("ARCHIVED", archived.get("to").asText());
    }

    /** What an integrator checks of each event; the payload's schema is checked by the reader. */
    private static JsonNode payload(KafkaEvents.Event event, EventType type, long sequence) {
        assertEquals(type.type(), event.type());
        assertEquals("1.0", event.specVersion());
        assertEquals("/tandem/feedback-service", event.source());
        assertEquals(event.key(), event.subject());
        assertEquals(sequence, event.sequence());
        return event.payload();
    }

    /** This aggregate's events, read as an integrator would: exactly {@code count} of them. */
    private static List<KafkaEvents.Event> readRecordsWithKey(String key, int count) {
        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.FEEDBACK, key, count);
        assertEquals(count, events.size(), "events with key " + key + ": " + events);
        return events;
    }
}
