package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.devstack.testing.TestTokens;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The discussion of a feedback item: in order, written by the caller of the gateway's token (a name in the body is
 * only on whose behalf), edited only by that caller.
 */
@QuarkusTest
class CommentApiTest {

    private static String item() {
        return TestData.create(TestData.feedback("INTERVIEW", "CM-" + UUID.randomUUID(), TestData.customer(),
                TestData.product(), "Reports", "Reports are hard to find.", null, "[]"));
    }

    private static final String BO = TestTokens.person("u-bo", "Bo Eng", "bo@example.com", "feedback:write");
    private static final String ANA = TestTokens.person("u-ana", "Ana Lima", "ana@example.com", "feedback:write");

    private static Response comment(String id, String author, String discipline, String text) {
        return given().contentType(ContentType.JSON)
                .body("{\"author\": \"" + author + "\", \"discipline\": \"" + discipline + "\", \"text\": \"" + text + "\"}")
                .post("/api/v1/feedback/" + id + "/comments");
    }

    @Test
    void commentsAreListedInTheOrderWrittenAndPublished() throws Exception {
        String id = item();
        Response first = comment(id, "ana.pm@example.com", "PRODUCT", "Who else asked for this?");
        first.then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", matchesPattern(".*/api/v1/feedback/" + id + "/comments/[0-9a-f-]{36}"))
                .body("discipline", equalTo("PRODUCT"));
        comment(id, "bo.eng@example.com", "ENGINEERING", "Two support tickets.").then().statusCode(201);
        comment(id, "cy.sales@example.com", "SALES", "Three prospects.").then().statusCode(201);

        // the author is the caller of the token; the names in the bodies are on whose behalf it wrote
        given().get("/api/v1/feedback/" + id + "/comments").then().statusCode(200)
                .body("items.author", equalTo(List.of("test-user", "test-user", "test-user")))
                .body("items.createdBy.subject", equalTo(List.of("test-user", "test-user", "test-user")))
                .body("items.onBehalfOf", equalTo(List.of("ana.pm@example.com", "bo.eng@example.com",
                        "cy.sales@example.com")));
        Response page = given().queryParam("limit", 2).get("/api/v1/feedback/" + id + "/comments");
        page.then().body("items", hasSize(2));
        given().queryParam("limit", 2).queryParam("cursor", page.<String>path("nextCursor"))
                .get("/api/v1/feedback/" + id + "/comments").then()
                .body("items.onBehalfOf", equalTo(List.of("cy.sales@example.com")));

        JsonNode added = KafkaEvents.eventOf(Topics.FEEDBACK, id, EventType.COMMENT_ADDED).payload();
        assertEquals(first.<String>path("id"), added.get("commentId").asText());
        assertEquals("PRODUCT", added.get("discipline").asText());
        assertEquals("Who else asked for this?", added.get("text").asText());
        assertEquals("test-user", added.get("author").asText());
        assertEquals("ana.pm@example.com", added.get("onBehalfOf").asText());
    }

    @Test
    void onlyTheAuthorEditsACommentWhateverNameAnotherCallerWrites() throws Exception {
        String id = item();
        String commentId = given().header(TestTokens.HEADER, BO).contentType(ContentType.JSON)
                .body("{\"discipline\": \"ENGINEERING\", \"text\": \"Reproduced.\"}")
                .post("/api/v1/feedback/" + id + "/comments").then().statusCode(201)
                .body("author", equalTo("Bo Eng"))
                .body("createdBy.subject", equalTo("u-bo"))
                .body("createdBy.kind", equalTo("PERSON"))
                .extract().path("id");
        String path = "/api/v1/feedback/" + id + "/comments/" + commentId;

        // another caller, even naming the author (the old way of saying who edits), is refused
        for (String body : List.of("{\"author\": \"Bo Eng\", \"text\": \"Not reproduced.\"}",
                "{\"author\": \"bo@example.com\", \"text\": \"Not reproduced.\"}", "{\"text\": \"Not reproduced.\"}")) {
            given().header(TestTokens.HEADER, ANA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(body).patch(path).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://tandem.dev/problems/forbidden"))
                    .body("errors[0].field", equalTo("author"));
        }
        given().header(TestTokens.HEADER, BO).contentType(ContentType.JSON).body("{\"text\": \"x\"}")
                .patch(path).then().statusCode(428);
        // the author, whatever name the body carries
        given().header(TestTokens.HEADER, BO).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"author\": \"someone else\", \"text\": \"Reproduced on staging.\"}").patch(path).then()
                .statusCode(200).header("ETag", "\"1\"").body("text", equalTo("Reproduced on staging."))
                .body("updatedBy.subject", equalTo("u-bo"));
        given().header(TestTokens.HEADER, BO).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"text\": \"Again.\"}").patch(path).then()
                .statusCode(412);
        JsonNode edited = KafkaEvents.eventOf(Topics.FEEDBACK, id, EventType.COMMENT_EDITED).payload();
        assertEquals("Bo Eng", edited.get("author").asText());
        given().get(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("text", equalTo("Reproduced on staging."));
        assertEquals(1, TestData.outboxCount(EventType.COMMENT_EDITED, id));
    }

    @Test
    void badCommentsAreProblems() {
        String id = item();
        comment(id, "bo.eng@example.com", "LEGAL", "Hm.").then().statusCode(400)
                .body("errors[0].field", equalTo("discipline"));
        comment(id, "x".repeat(201), "DESIGN", "Hm.").then().statusCode(400).body("errors[0].field", equalTo("author"));
        comment(id, "bo.eng@example.com", "DESIGN", " ").then().statusCode(400).body("errors[0].field", equalTo("text"));
        comment(UUID.randomUUID().toString(), "bo.eng@example.com", "DESIGN", "Hm.").then().statusCode(404);
        given().get("/api/v1/feedback/" + id + "/comments/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/feedback/" + id + "/comments").then().body("items", hasSize(0));
    }
}
