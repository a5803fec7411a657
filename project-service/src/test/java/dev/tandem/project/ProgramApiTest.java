package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.tandem.project.program.Program;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgramApiTest {

    static String uniqueKey() {
        return "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    static String createProgram(String key) {
        return given().contentType(ContentType.JSON)
                .body("{\"key\": \"" + key + "\", \"name\": \"Growth 2027\", \"description\": \"Repeat purchases\", \"owner\": \"olu\"}")
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
    }

    @Test
    void createsAProgramAndReadsItBack() {
        String key = uniqueKey().toLowerCase();
        Response created = given().contentType(ContentType.JSON)
                .body("{\"key\": \"" + key + "\", \"name\": \"Growth 2027\", \"owner\": \"olu.pgm@example.com\"}")
                .post("/api/v1/programs");
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/programs/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"0\""))
                .body("key", equalTo(key.toUpperCase()))
                .body("name", equalTo("Growth 2027"))
                .body("createdAt", notNullValue());
        String id = created.path("id");
        given().get("/api/v1/programs/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("owner", equalTo("olu.pgm@example.com"));
    }

    @Test
    void aKeyIsUniqueWhateverItsCaseAndNothingIsWrittenOnRefusal() {
        String key = uniqueKey();
        createProgram(key);
        long before = Program.count();
        given().contentType(ContentType.JSON).body("{\"key\": \"" + key.toLowerCase() + "\", \"name\": \"Again\"}")
                .post("/api/v1/programs").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("key"));
        given().contentType(ContentType.JSON).body("{\"key\": \"1X\", \"name\": \" \"}")
                .post("/api/v1/programs").then().statusCode(400)
                .body("errors.field", hasItem("key"))
                .body("errors.field", hasItem("name"));
        given().contentType(ContentType.JSON).body("{\"key\": \"" + uniqueKey() + "\", \"name\": \"x\", \"budget\": 1}")
                .post("/api/v1/programs").then().statusCode(400)
                .body("errors.field", hasItem("budget"));
        given().contentType(ContentType.JSON).body("{\"key\": \"" + uniqueKey() + "\", \"name\": [1]}")
                .post("/api/v1/programs").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        assertEquals(before, Program.count());
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        String idempotencyKey = UUID.randomUUID().toString();
        String body = "{\"key\": \"" + uniqueKey() + "\", \"name\": \"Once\"}";
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .post("/api/v1/programs").then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body("{\"key\": \"" + uniqueKey() + "\", \"name\": \"Other\"}")
                .post("/api/v1/programs").then().statusCode(422);
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndChangesOnlyWhatIsSent() {
        String id = createProgram(uniqueKey());
        String path = "/api/v1/programs/" + id;
        String patch = "{\"name\": \"Growth 2027 H1\", \"owner\": \"kim\"}";

        given().contentType(ContentType.JSON).body(patch).patch(path).then().statusCode(428)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(patch).patch(path).then().statusCode(412);
        given().get(path).then().body("name", equalTo("Growth 2027")).header("ETag", equalTo("\"0\""));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(patch).patch(path).then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Growth 2027 H1"))
                .body("owner", equalTo("kim"))
                .body("description", equalTo("Repeat purchases"))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"colour\": \"red\"}")
                .patch(path).then().statusCode(400).body("errors.field", hasItem("colour"));
    }

    @Test
    void changingTheKeyToATakenOneIsAConflict() {
        String taken = uniqueKey();
        createProgram(taken);
        String id = createProgram(uniqueKey());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"key\": \"" + taken.toLowerCase() + "\"}")
                .patch("/api/v1/programs/" + id).then().statusCode(409).body("errors.field", hasItem("key"));
    }

    @Test
    void unknownProgramsAreNotFound() {
        given().get("/api/v1/programs/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"x\"}")
                .patch("/api/v1/programs/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/programs/not-a-uuid").then().statusCode(404);
    }

    @Test
    void listsEveryProgramOnceAcrossPages() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(createProgram(uniqueKey()));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/programs");
            page.then().statusCode(200);
            for (String id : page.<java.util.List<String>>path("items.id")) {
                assertTrue(seen.add(id), "listed twice: " + id);
            }
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertTrue(seen.containsAll(mine));
        assertTrue(pages >= 2);
        given().queryParam("cursor", "garbage").get("/api/v1/programs").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }
}
