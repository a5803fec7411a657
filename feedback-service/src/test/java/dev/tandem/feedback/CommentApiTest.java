package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The discussion of a feedback item: in order, edited only by each comment's author. */
@QuarkusTest
class CommentApiTest {

    private static String item() {
        return TestData.create(TestData.feedback("INTERVIEW", "CM-" + UUID.randomUUID(), TestData.customer(),
                TestData.product(), "Reports", "Reports are hard to find.", null, "[]"));
    }

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

        given().get("/api/v1/feedback/" + id + "/comments").then().statusCode(200)
                .body("items.author", equalTo(List.of("ana.pm@example.com", "bo.eng@example.com",
                        "cy.sales@example.com")));
        Response page = given().queryParam("limit", 2).get("/api/v1/feedback/" + id + "/comments");
        page.then().body("items", hasSize(2));
        given().queryParam("limit", 2).queryParam("cursor", page.<String>path("nextCursor"))
                .get("/api/v1/feedback/" + id + "/comments").then()
                .body("items.author", equalTo(List.of("cy.sales@example.com")));

        JsonNode added = EventReader.payload(EventReader.records(id, 1, EventReader.ofType(EventType.COMMENT_ADDED))
                .get(0), EventType.COMMENT_ADDED);
        assertEquals(first.<String>path("id"), added.get("commentId").asText());
        assertEquals("PRODUCT", added.get("discipline").asText());
        assertEquals("Who else asked for this?", added.get("text").asText());
    }

    @Test
    void onlyTheAuthorEditsAComment() {
        String id = item();
        String commentId = comment(id, "bo.eng@example.com", "ENGINEERING", "Reproduced.").then().statusCode(201)
                .extract().path("id");
        String path = "/api/v1/feedback/" + id + "/comments/" + commentId;

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"author\": \"ana.pm@example.com\", \"text\": \"Not reproduced.\"}").patch(path).then()
                .statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("author"));
        given().contentType(ContentType.JSON).body("{\"author\": \"bo.eng@example.com\", \"text\": \"x\"}")
                .patch(path).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"author\": \"bo.eng@example.com\", \"text\": \"Reproduced on staging.\"}").patch(path).then()
                .statusCode(200).header("ETag", "\"1\"").body("text", equalTo("Reproduced on staging."));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"author\": \"bo.eng@example.com\", \"text\": \"Again.\"}").patch(path).then()
                .statusCode(412);
        given().get(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("text", equalTo("Reproduced on staging."));
        assertEquals(1, TestData.outboxCount(EventType.COMMENT_EDITED, id));
    }

    @Test
    void badCommentsAreProblems() {
        String id = item();
        comment(id, "bo.eng@example.com", "LEGAL", "Hm.").then().statusCode(400)
                .body("errors[0].field", equalTo("discipline"));
        comment(id, "", "DESIGN", "Hm.").then().statusCode(400).body("errors[0].field", equalTo("author"));
        comment(id, "bo.eng@example.com", "DESIGN", " ").then().statusCode(400).body("errors[0].field", equalTo("text"));
        comment(UUID.randomUUID().toString(), "bo.eng@example.com", "DESIGN", "Hm.").then().statusCode(404);
        given().get("/api/v1/feedback/" + id + "/comments/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/feedback/" + id + "/comments").then().body("items", hasSize(0));
    }
}
