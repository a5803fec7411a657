package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RiskApiTest {

    static Response create(String projectId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/projects/" + projectId + "/risks");
    }

    static String risk(String projectId, String title, int probability, int impact) {
        return create(projectId, "{\"title\": \"%s\", \"probability\": %d, \"impact\": %d}"
                .formatted(title, probability, impact)).then().statusCode(201).extract().path("id");
    }

    static Response patch(String projectId, String riskId, String etag, String body) {
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .patch("/api/v1/projects/" + projectId + "/risks/" + riskId);
    }

    @Test
    void risksAreListedByExposure() {
        String p = TaskApiTest.project();
        Response created = create(p, """
                {"title": "Sandbox late", "probability": 3, "impact": 4, "mitigation": "Mock it",
                 "owner": "ben.pjm@example.com"}""");
        created.then().statusCode(201).header("ETag", "\"0\"").body("exposure", equalTo(12))
                .body("status", equalTo("OPEN")).body("allowedStatuses", contains("MITIGATED", "CLOSED"));
        String sandbox = created.path("id");
        String low = risk(p, "Low", 1, 2);
        String high = risk(p, "High", 5, 5);
        String tie = risk(p, "Tie", 4, 3);
        given().get("/api/v1/projects/" + p + "/risks").then().statusCode(200)
                .body("items.id", contains(high, sandbox, tie, low));
        String cursor = given().get("/api/v1/projects/" + p + "/risks?limit=2").then()
                .body("items.id", contains(high, sandbox)).extract().path("nextCursor");
        given().queryParam("cursor", cursor).get("/api/v1/projects/" + p + "/risks?limit=2").then()
                .body("items.id", contains(tie, low));
        given().get(created.header("Location")).then().statusCode(200).body("title", equalTo("Sandbox late"));
    }

    @Test
    void updatesNeedIfMatchAndFollowTheStatusRules() {
        String p = TaskApiTest.project();
        String r = risk(p, "Sandbox late", 3, 4);
        given().contentType(ContentType.JSON).body("{\"impact\": 1}")
                .patch("/api/v1/projects/" + p + "/risks/" + r).then().statusCode(428);
        patch(p, r, "\"5\"", "{\"impact\": 1}").then().statusCode(412);
        patch(p, r, "\"0\"", "{\"probability\": 1, \"status\": \"MITIGATED\"}").then().statusCode(200)
                .header("ETag", "\"1\"").body("exposure", equalTo(4)).body("status", equalTo("MITIGATED"));
        patch(p, r, "\"1\"", "{\"status\": \"CLOSED\"}").then().statusCode(200);
        patch(p, r, "\"2\"", "{\"status\": \"OPEN\"}").then().statusCode(409)
                .body("detail", containsString("CLOSED"));
        given().get("/api/v1/projects/" + p + "/risks?status=CLOSED").then().body("items.id", contains(r));
    }

    @Test
    void badInputsAreRefused() {
        String p = TaskApiTest.project();
        create(p, "{\"title\": \"X\", \"probability\": 6, \"impact\": 1}").then().statusCode(400)
                .body("errors.field", hasItem("probability"));
        create(p, "{\"title\": \"X\", \"probability\": 1, \"impact\": 0}").then().statusCode(400)
                .body("errors.field", hasItem("impact"));
        create(p, "{\"title\": \"X\", \"probability\": \"high\", \"impact\": 1}").then().statusCode(400)
                .body("errors.field", hasItem("probability"));
        create(p, "{\"probability\": 1, \"impact\": 1}").then().statusCode(400).body("errors.field", hasItem("title"));
        create(p, "{\"title\": \"X\", \"probability\": 1, \"impact\": 1, \"severity\": 3}").then().statusCode(400)
                .body("errors.field", hasItem("severity"));
        create(UUID.randomUUID().toString(), "{\"title\": \"X\", \"probability\": 1, \"impact\": 1}").then()
                .statusCode(404);
        given().get("/api/v1/projects/" + p + "/risks").then().body("items.size()", equalTo(0));
        String r = risk(p, "Real", 2, 2);
        patch(p, r, "\"0\"", "{\"status\": \"GONE\"}").then().statusCode(400).body("errors.field", hasItem("status"));
        given().get("/api/v1/projects/" + TaskApiTest.project() + "/risks/" + r).then().statusCode(404);
    }
}
