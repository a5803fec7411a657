package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.project.project.Project;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectApiTest {

    static String uniqueKey() {
        return "J" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    static String fullBody(String key, String programId, String productId) {
        return """
                {"key": "%s", "name": "One-click reorder", "programId": %s, "productId": "%s",
                 "featureIds": ["5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6"], "manager": "ben.pjm@example.com",
                 "scope": "Reorder a previous basket in one click.",
                 "budget": {"amount": "120000.00", "currency": "EUR"},
                 "plannedStart": "2027-01-04", "plannedEnd": "2027-03-26"}"""
                .formatted(key, programId == null ? "null" : "\"" + programId + "\"", productId);
    }

    static String create(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
    }

    static Response changeStatus(String id, String etag, String body) {
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/api/v1/projects/" + id + "/status");
    }

    @Test
    void createsAProposedProjectAndReadsItBack() {
        String programId = ProgramApiTest.createProgram(ProgramApiTest.uniqueKey());
        String productId = UUID.randomUUID().toString();
        String key = uniqueKey().toLowerCase();
        Response created = given().contentType(ContentType.JSON).body(fullBody(key, programId, productId))
                .post("/api/v1/projects");
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/projects/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"0\""))
                .body("key", equalTo(key.toUpperCase()))
                .body("status", equalTo("PROPOSED"))
                .body("allowedStatuses", contains("APPROVED", "CANCELLED"))
                .body("programId", equalTo(programId))
                .body("productId", equalTo(productId))
                .body("featureIds", contains("5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6"))
                .body("budget.amount", equalTo("120000.00"))
                .body("budget.currency", equalTo("EUR"))
                .body("plannedStart", equalTo("2027-01-04"))
                .body("plannedEnd", equalTo("2027-03-26"))
                .body("baseline", nullValue());
        String id = created.path("id");
        given().get("/api/v1/projects/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("scope", equalTo("Reorder a previous basket in one click."))
                .body("manager", equalTo("ben.pjm@example.com"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        long before = Project.count();
        String product = UUID.randomUUID().toString();
        // unknown currency
        given().contentType(ContentType.JSON).body(fullBody(uniqueKey(), null, product).replace("\"EUR\"", "\"EUX\""))
                .post("/api/v1/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("budget.currency"));
        // negative / malformed amount
        given().contentType(ContentType.JSON).body(fullBody(uniqueKey(), null, product).replace("\"120000.00\"", "\"-5\""))
                .post("/api/v1/projects").then().statusCode(400)
                .body("errors.field", hasItem("budget.amount"));
        // end before start
        given().contentType(ContentType.JSON).body(fullBody(uniqueKey(), null, product).replace("2027-03-26", "2026-12-31"))
                .post("/api/v1/projects").then().statusCode(422)
                .body("errors.field", hasItem("plannedEnd"));
        // unknown program
        given().contentType(ContentType.JSON).body(fullBody(uniqueKey(), UUID.randomUUID().toString(), product))
                .post("/api/v1/projects").then().statusCode(422)
                .body("errors.field", hasItem("programId"));
        // missing fields, unknown field, wrong types
        given().contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .post("/api/v1/projects").then().statusCode(400).body("errors.field", hasItem("key"));
        given().contentType(ContentType.JSON).body("{\"key\": \"ABC\", \"name\": \"x\", \"colour\": \"red\"}")
                .post("/api/v1/projects").then().statusCode(400).body("errors.field", hasItem("colour"));
        given().contentType(ContentType.JSON).body("{\"key\": \"ABC\", \"name\": \"x\", \"plannedStart\": \"soon\"}")
                .post("/api/v1/projects").then().statusCode(400).body("errors.field", hasItem("plannedStart"));
        given().contentType(ContentType.JSON).body("{\"key\": \"ABC\", \"name\": \"x\", \"productId\": 42}")
                .post("/api/v1/projects").then().statusCode(400).body("errors.field", hasItem("productId"));
        given().contentType(ContentType.JSON).body("{\"key\": \"ABC\", \"name\": \"x\", \"budget\": {\"amount\": \"1.00\"}}")
                .post("/api/v1/projects").then().statusCode(400).body("errors.field", hasItem("budget.currency"));
        assertEquals(before, Project.count());
    }

    @Test
    void aKeyIsUniqueWhateverItsCase() {
        String key = uniqueKey();
        create(fullBody(key, null, UUID.randomUUID().toString()));
        long before = Project.count();
        given().contentType(ContentType.JSON).body(fullBody(key.toLowerCase(), null, UUID.randomUUID().toString()))
                .post("/api/v1/projects").then().statusCode(409)
                .body("errors.field", hasItem("key"));
        assertEquals(before, Project.count());
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        String idempotencyKey = UUID.randomUUID().toString();
        String body = fullBody(uniqueKey(), null, UUID.randomUUID().toString());
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .post("/api/v1/projects").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .post("/api/v1/projects").then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(first));
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndKeepsTheRules() {
        String id = create(fullBody(uniqueKey(), null, UUID.randomUUID().toString()));
        String path = "/api/v1/projects/" + id;
        String patch = "{\"budget\": {\"amount\": \"135000\", \"currency\": \"USD\"}, \"plannedEnd\": \"2027-04-09\"}";

        given().contentType(ContentType.JSON).body(patch).patch(path).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(patch).patch(path).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"plannedEnd\": \"2026-01-01\"}")
                .patch(path).then().statusCode(422).body("errors.field", hasItem("plannedEnd"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"programId\": \"" + UUID.randomUUID() + "\"}")
                .patch(path).then().statusCode(422).body("errors.field", hasItem("programId"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\": \"ACTIVE\"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("status"));
        given().get(path).then().header("ETag", equalTo("\"0\"")).body("plannedEnd", equalTo("2027-03-26"));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(patch).patch(path).then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("budget.amount", equalTo("135000.00"))
                .body("budget.currency", equalTo("USD"))
                .body("plannedEnd", equalTo("2027-04-09"))
                .body("plannedStart", equalTo("2027-01-04"))
                .body("name", equalTo("One-click reorder"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"productId\": \"nope\"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("productId"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"x\"}")
                .patch("/api/v1/projects/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theLifeOfAProjectWithItsBaseline() {
        String id = create(fullBody(uniqueKey(), null, UUID.randomUUID().toString()));

        Response approved = changeStatus(id, "\"0\"", "{\"status\": \"APPROVED\"}");
        approved.then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("APPROVED"))
                .body("baseline.budget.amount", equalTo("120000.00"))
                .body("baseline.budget.currency", equalTo("EUR"))
                .body("baseline.plannedStart", equalTo("2027-01-04"))
                .body("baseline.plannedEnd", equalTo("2027-03-26"))
                .body("baseline.takenAt", notNullValue());

        // a later change of budget does not move the baseline
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"budget\": {\"amount\": \"200000.00\", \"currency\": \"EUR\"}}")
                .patch("/api/v1/projects/" + id).then().statusCode(200)
                .body("budget.amount", equalTo("200000.00"))
                .body("baseline.budget.amount", equalTo("120000.00"));

        changeStatus(id, "\"2\"", "{\"status\": \"ACTIVE\"}").then().statusCode(200).body("status", equalTo("ACTIVE"));
        changeStatus(id, "\"3\"", "{\"status\": \"ON_HOLD\", \"reason\": \"waiting for payments\"}").then()
                .statusCode(200).body("status", equalTo("ON_HOLD")).body("statusReason", equalTo("waiting for payments"));
        changeStatus(id, "\"4\"", "{\"status\": \"COMPLETED\"}").then().statusCode(409)
                .body("detail", containsString("allowed: ACTIVE, CANCELLED"));
        changeStatus(id, "\"4\"", "{\"status\": \"ACTIVE\"}").then().statusCode(200);
        changeStatus(id, "\"5\"", "{\"status\": \"COMPLETED\"}").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("allowedStatuses.size()", equalTo(0));
        given().contentType(ContentType.JSON).header("If-Match", "\"6\"").body("{\"name\": \"late\"}")
                .patch("/api/v1/projects/" + id).then().statusCode(409);
    }

    @Test
    void refusedStatusChangesSayWhyAndChangeNothing() {
        String bare = create("{\"key\": \"" + uniqueKey() + "\", \"name\": \"Bare\"}");
        changeStatus(bare, "\"0\"", "{\"status\": \"APPROVED\"}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("budget", "plannedStart", "plannedEnd"));
        changeStatus(bare, "\"0\"", "{\"status\": \"ACTIVE\"}").then().statusCode(409)
                .body("detail", containsString("allowed: APPROVED, CANCELLED"));
        changeStatus(bare, "\"0\"", "{\"status\": \"CANCELLED\"}").then().statusCode(422)
                .body("errors.field", hasItem("reason"));
        changeStatus(bare, "\"0\"", "{\"status\": \"DONE\"}").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        changeStatus(bare, "\"0\"", "{}").then().statusCode(400).body("errors.field", hasItem("status"));
        changeStatus(bare, "\"9\"", "{\"status\": \"CANCELLED\", \"reason\": \"x\"}").then().statusCode(412);
        given().contentType(ContentType.JSON).body("{\"status\": \"CANCELLED\", \"reason\": \"x\"}")
                .post("/api/v1/projects/" + bare + "/status").then().statusCode(428);
        changeStatus(UUID.randomUUID().toString(), "\"0\"", "{\"status\": \"APPROVED\"}").then().statusCode(404);
        given().get("/api/v1/projects/" + bare).then().header("ETag", equalTo("\"0\""))
                .body("status", equalTo("PROPOSED"));

        changeStatus(bare, "\"0\"", "{\"status\": \"CANCELLED\", \"reason\": \"Superseded\"}").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("statusReason", equalTo("Superseded"));
        changeStatus(bare, "\"1\"", "{\"status\": \"PROPOSED\"}").then().statusCode(409)
                .body("detail", containsString("allowed: none"));
    }

    @Test
    void listsFilterAndSortWithCursors() {
        String programId = ProgramApiTest.createProgram(ProgramApiTest.uniqueKey());
        String product = UUID.randomUUID().toString();
        String manager = "m-" + UUID.randomUUID();
        List<String> names = List.of("Delta", "Alpha", "Charlie", "Bravo");
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(create("""
                    {"key": "%s", "name": "%s", "programId": "%s", "productId": "%s", "manager": "%s"}"""
                    .formatted(uniqueKey(), name, programId, product, manager)));
        }
        String other = create(fullBody(uniqueKey(), null, UUID.randomUUID().toString()));
        changeStatus(ids.get(0), "\"0\"", "{\"status\": \"CANCELLED\", \"reason\": \"x\"}").then().statusCode(200);

        // by createdAt (default), two per page, following the Link header
        assertEquals(ids, collect("/api/v1/projects?productId=" + product + "&limit=2"));
        // by name, across pages
        assertEquals(List.of(ids.get(1), ids.get(3), ids.get(2), ids.get(0)),
                collect("/api/v1/projects?programId=" + programId + "&sort=name&limit=3"));
        assertEquals(List.of(ids.get(0)), collect("/api/v1/projects?productId=" + product + "&status=CANCELLED"));
        assertEquals(ids.subList(1, 4), collect("/api/v1/projects?manager=" + manager + "&status=PROPOSED"));
        assertTrue(!collect("/api/v1/projects?status=PROPOSED&limit=200").contains(ids.get(0)));
        assertTrue(collect("/api/v1/projects?limit=200").contains(other));

        given().get("/api/v1/projects?status=DONE").then().statusCode(400).body("errors.field", hasItem("status"));
        given().get("/api/v1/projects?sort=budget").then().statusCode(400).body("errors.field", hasItem("sort"));
        given().get("/api/v1/projects?programId=x").then().statusCode(400).body("errors.field", hasItem("programId"));
        given().get("/api/v1/projects?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
        // a cursor of one sort order is not valid for another
        String byDate = given().get("/api/v1/projects?productId=" + product + "&limit=1").path("nextCursor");
        given().queryParam("cursor", byDate).get("/api/v1/projects?productId=" + product + "&sort=name&limit=1")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    private static List<String> collect(String firstPage) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given();
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(firstPage);
            page.then().statusCode(200);
            all.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                page.then().header("Link", containsString("rel=\"next\""));
            }
        } while (cursor != null && ++pages < 100);
        return all;
    }
}
