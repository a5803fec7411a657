package dev.tandem.platform.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.devstack.testing.TestTokens;
import dev.tandem.platform.events.EventEnvelope;
import dev.tandem.platform.security.SecurityEnabledProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The actor of a change is the verified caller of the internal token (or the service itself without one), on the
 * record (createdBy/updatedBy), on its events (ce_actor…) and in its history; the history lists the changed fields
 * from → to, newest first, paged. Against the platform's test application with enforcement on.
 */
@QuarkusTest
@TestProfile(SecurityEnabledProfile.class)
class HistoryApiTest {

    private static final String KEY_ID = "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a";
    private static final String CRM = TestTokens.apiKey(KEY_ID, "crm-sync", "widgets:write");
    private static final String ANA = TestTokens.person("u-ana", "Ana Lima", "ana@example.com", "widgets:write");
    private static final String BO = TestTokens.person("u-bo", null, "bo@example.com", "widgets:write");

    @Inject
    NoteResource notes;

    private static String create(String token, String body) {
        return given().header(TestTokens.HEADER, token).contentType(ContentType.JSON).body(body)
                .post("/test/notes").then().statusCode(201).extract().path("id");
    }

    private static Response update(String token, String id, String body) {
        return given().header(TestTokens.HEADER, token).contentType(ContentType.JSON).body(body)
                .patch("/test/notes/" + id);
    }

    @Test
    void createdByAndUpdatedByAreTheVerifiedCallers() {
        String id = create(CRM, "{\"text\": \"first\", \"tags\": [\"a\"]}");

        update(ANA, id, "{\"text\": \"second\"}").then().statusCode(200)
                .body("createdBy.subject", equalTo("apikey:" + KEY_ID))
                .body("createdBy.kind", equalTo("SYSTEM"))
                .body("createdBy.name", equalTo("crm-sync"))
                .body("updatedBy.subject", equalTo("u-ana"))
                .body("updatedBy.kind", equalTo("PERSON"))
                .body("updatedBy.name", equalTo("Ana Lima"));
        // no name claim: the e-mail is the name
        update(BO, id, "{\"text\": \"third\"}").then().statusCode(200)
                .body("updatedBy.subject", equalTo("u-bo"))
                .body("updatedBy.name", equalTo("bo@example.com"))
                .body("createdBy.name", equalTo("crm-sync"));
    }

    @Test
    void historyIsNewestFirstWithEachChangedFieldFromTo() {
        String id = create(CRM, "{\"text\": \"draft\", \"tags\": [\"a\"], \"price\": 12.5}");
        update(ANA, id, "{\"text\": \"final\", \"tags\": [\"a\", \"b\"]}").then().statusCode(200);
        // the same price with another scale is no change; nothing else changed: no entry
        update(BO, id, "{\"price\": 12.50}").then().statusCode(200);
        update(BO, id, "{\"price\": 13}").then().statusCode(200);

        given().header(TestTokens.HEADER, CRM).get("/test/notes/" + id + "/history").then()
                .statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items[0].eventType", equalTo("dev.tandem.test.note-updated.v1"))
                .body("items[0].actor.subject", equalTo("u-bo"))
                .body("items[0].changes.price.from", equalTo(12.5f))
                .body("items[0].changes.price.to", equalTo(13))
                .body("items[0].changes", not(hasKey("text")))
                .body("items[1].actor.name", equalTo("Ana Lima"))
                .body("items[1].actor.kind", equalTo("PERSON"))
                .body("items[1].changes.text.from", equalTo("draft"))
                .body("items[1].changes.text.to", equalTo("final"))
                .body("items[1].changes.tags.from", equalTo(List.of("a")))
                .body("items[1].changes.tags.to", equalTo(List.of("a", "b")))
                .body("items[1].changes", not(hasKey("version")))
                .body("items[1].changes", not(hasKey("updatedBy")))
                .body("items[2].eventType", equalTo("dev.tandem.test.note-created.v1"))
                .body("items[2].actor.subject", equalTo("apikey:" + KEY_ID))
                .body("items[2].actor.name", equalTo("crm-sync"))
                .body("items[2].changes.text.from", nullValue())
                .body("items[2].changes.text", hasKey("from"))
                .body("items[2].changes.text.to", equalTo("draft"))
                .body("items[2].changes", not(hasKey("version")))
                .body("items[2].at", notNullValue())
                .body("nextCursor", nullValue());
    }

    @Test
    void historyIsPagedWithTheCursorConventions() {
        String id = create(CRM, "{\"text\": \"v0\"}");
        for (int i = 1; i <= 4; i++) {
            update(ANA, id, "{\"text\": \"v" + i + "\"}").then().statusCode(200);
        }
        Response first = given().header(TestTokens.HEADER, CRM).queryParam("limit", 2)
                .get("/test/notes/" + id + "/history");
        first.then().statusCode(200)
                .body("items.changes.text.to", equalTo(List.of("v4", "v3")))
                .header("Link", containsString("rel=\"next\""));
        String cursor = first.path("nextCursor");
        given().header(TestTokens.HEADER, CRM).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/test/notes/" + id + "/history").then().statusCode(200)
                .body("items.changes.text.to", equalTo(List.of("v2", "v1")));
        // a cursor of another list is a 400 naming cursor
        String otherList = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[\"2024-05-31T12:00:00Z\",\"x\"]".getBytes(StandardCharsets.UTF_8));
        given().header(TestTokens.HEADER, CRM).queryParam("cursor", otherList)
                .get("/test/notes/" + id + "/history").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void historyOfAnUnknownRecordIs404() {
        given().header(TestTokens.HEADER, CRM).get("/test/notes/" + UUID.randomUUID() + "/history").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void workWithoutACallerIsTheServicesOwn() {
        String id = create(CRM, "{\"text\": \"t\"}");
        notes.retag(UUID.fromString(id), List.of("from-a-consumer"));

        given().header(TestTokens.HEADER, CRM).get("/test/notes/" + id + "/history").then().statusCode(200)
                .body("items[0].actor.subject", equalTo("system:tandem-platform"))
                .body("items[0].actor.kind", equalTo("SYSTEM"))
                .body("items[0].actor.name", equalTo("tandem-platform"))
                .body("items[0].changes.tags.to", equalTo(List.of("from-a-consumer")));
    }

    @Test
    void aBulkChangeRecordsEachRecordsEntriesInOrder() {
        List<UUID> ids = notes.importTwoAndRenameTheFirst("a", "b", "a2");

        given().header(TestTokens.HEADER, CRM).get("/test/notes/" + ids.get(0) + "/history").then().statusCode(200)
                .body("items.eventType", equalTo(List.of("dev.tandem.test.note-updated.v1",
                        "dev.tandem.test.note-created.v1")))
                .body("items[0].changes.text.from", equalTo("a"))
                .body("items[0].changes.text.to", equalTo("a2"))
                .body("items[1].changes.text.to", equalTo("a"));
        given().header(TestTokens.HEADER, CRM).get("/test/notes/" + ids.get(1) + "/history").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].changes.text.to", equalTo("b"))
                .body("items[0].actor.subject", equalTo("system:tandem-platform"));
    }

    @Test
    void eventsCarryTheirActor() {
        String id = create(CRM, "{\"text\": \"announced\"}");
        update(ANA, id, "{\"text\": \"announced again\"}").then().statusCode(200);

        List<KafkaEvents.Event> records;
        try (KafkaEvents reader = KafkaEvents.on(NoteResource.TOPIC)) {
            records = reader.awaitAtLeast(2, KafkaEvents.withKey(id));
        }
        assertEquals(2, records.size());
        EventEnvelope created = EventEnvelope.fromHeaders(records.get(0).headers());
        assertEquals("apikey:" + KEY_ID, created.actor().subject());
        assertEquals("crm-sync", created.actor().name());
        assertEquals("SYSTEM", records.get(0).actorKind());
        EventEnvelope updated = EventEnvelope.fromHeaders(records.get(1).headers());
        assertEquals("u-ana", updated.actor().subject());
        assertEquals("Ana Lima", records.get(1).actorName());
        assertEquals("PERSON", records.get(1).actorKind());
    }
}
