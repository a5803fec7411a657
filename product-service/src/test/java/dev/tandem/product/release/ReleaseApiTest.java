package dev.tandem.product.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.product.Fixtures;
import dev.tandem.product.ProjectFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReleaseApiTest {

    static final String RELEASES = "/api/v1/releases";

    static String release(String product, String name, String date) {
        return given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + product + "\", \"name\": \"" + name + "\", \"targetDate\": \"" + date + "\"}")
                .post(RELEASES).then().statusCode(201).extract().path("id");
    }

    static Response assign(String feature, String releaseId) {
        return Fixtures.withCurrentETag("PATCH", "/api/v1/features/" + feature,
                "{\"releaseId\": \"" + releaseId + "\"}");
    }

    @Test
    void createsReadsListsAndUpdatesAReleaseWithEvents() {
        String product = Fixtures.product();
        Response created = given().contentType(ContentType.JSON).body("""
                {"productId": "%s", "name": "2027.1", "description": "Reorder", "targetDate": "2027-03-31"}"""
                .formatted(product)).post(RELEASES);
        created.then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", matchesPattern(".*/api/v1/releases/[0-9a-f-]{36}"))
                .body("status", equalTo("PLANNED")).body("targetDate", equalTo("2027-03-31"));
        String id = created.path("id");
        given().get(RELEASES + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("2027.1")).body("productId", equalTo(product));
        release(Fixtures.product(), "elsewhere", "2027-01-01");
        given().queryParam("productId", product).get(RELEASES).then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        given().queryParam("productId", product).queryParam("status", "RELEASED").get(RELEASES).then()
                .statusCode(200).body("items.size()", equalTo(0));

        given().contentType(ContentType.JSON).body("{\"targetDate\": \"2027-04-15\"}").patch(RELEASES + "/" + id)
                .then().statusCode(428);
        given().header("If-Match", "\"7\"").contentType(ContentType.JSON).body("{\"targetDate\": \"2027-04-15\"}")
                .patch(RELEASES + "/" + id).then().statusCode(412);
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"targetDate\": \"2027-04-15\", \"description\": \"\"}")
                .patch(RELEASES + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("targetDate", equalTo("2027-04-15")).body("description", nullValue());

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, id, 2);
        assertEquals(EventType.RELEASE_CREATED.type(), events.get(0).type());
        assertEquals(EventType.RELEASE_UPDATED.type(), events.get(1).type());
        assertEquals("2027-04-15", events.get(1).payload().get("targetDate").asText());
    }

    @Test
    void refusesBadInputAndWritesNothing() {
        String product = Fixtures.product();
        given().contentType(ContentType.JSON).body("{\"productId\": \"" + product + "\", \"targetDate\": \"2027-03-31\"}")
                .post(RELEASES).then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + product + "\", \"name\": \"x\", \"targetDate\": \"soon\"}")
                .post(RELEASES).then().statusCode(400).body("errors[0].field", equalTo("targetDate"));
        given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + product + "\", \"name\": \"x\", \"targetDate\": \"2027-03-31\", \"colour\": 1}")
                .post(RELEASES).then().statusCode(400).body("errors[0].field", equalTo("colour"));
        given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + UUID.randomUUID() + "\", \"name\": \"x\", \"targetDate\": \"2027-03-31\"}")
                .post(RELEASES).then().statusCode(422).body("errors[0].field", equalTo("productId"));
        given().queryParam("productId", product).get(RELEASES).then().body("items.size()", equalTo(0));
        given().get(RELEASES + "/" + UUID.randomUUID()).then().statusCode(404);
        given().queryParam("status", "SHIPPED").get(RELEASES).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void refusesBadUpdatesStaleOrMissingIfMatchAndUnknownIdsAndWritesNothing() {
        String product = Fixtures.product();
        String id = release(product, "2027.1", "2027-03-31");
        String path = RELEASES + "/" + id;
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"targetDate\": \"soon\"}")
                .patch(path).then().statusCode(400).body("errors[0].field", equalTo("targetDate"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"name\": \" \"}")
                .patch(path).then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"status\": \"RELEASED\"}")
                .patch(path).then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"name\": 7}")
                .patch(path).then().statusCode(400).body("errors[0].field", equalTo("name"));

        given().header("If-Match", "\"3\"").contentType(ContentType.JSON).body("{}").post(path + "/release")
                .then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"force\": [\"nope\"]}")
                .post(path + "/release").then().statusCode(400).body("errors[0].field", equalTo("force[0]"));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"forced\": []}")
                .post(path + "/release").then().statusCode(400).body("errors[0].field", equalTo("forced"));

        String unknown = RELEASES + "/" + UUID.randomUUID();
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"name\": \"x\"}").patch(unknown)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{}").post(unknown + "/release")
                .then().statusCode(404).contentType("application/problem+json");

        given().get(path).then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("2027.1"))
                .body("targetDate", equalTo("2027-03-31")).body("status", equalTo("PLANNED"));
        assertEquals(List.of(EventType.RELEASE_CREATED.type()),
                KafkaEvents.eventsOf(Topics.PRODUCT, id, 1).stream().map(KafkaEvents.Event::type).toList());
    }

    @Test
    void featuresAreAssignedThroughTheFeaturePatchWithinTheirProduct() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "Reorder");
        String release = release(product, "2027.1", "2027-03-31");
        String foreign = release(Fixtures.product(), "Other", "2027-03-31");

        assign(feature, foreign).then().statusCode(422).body("errors[0].field", equalTo("releaseId"));
        assign(feature, UUID.randomUUID().toString()).then().statusCode(422)
                .body("errors[0].field", equalTo("releaseId"));
        assign(feature, "next-one").then().statusCode(400).body("errors[0].field", equalTo("releaseId"));
        given().get("/api/v1/features/" + feature).then().body("releaseId", nullValue()).header("ETag", "\"0.0\"");

        assign(feature, release).then().statusCode(200).body("releaseId", equalTo(release));
        given().queryParam("releaseId", release).get("/api/v1/features").then()
                .body("items.id", equalTo(List.of(feature)));
        assign(feature, "").then().statusCode(200).body("releaseId", nullValue());

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, feature, 3);
        assertEquals(release, events.get(1).payload().get("releaseId").asText());
        assertEquals(true, events.get(2).payload().path("releaseId").isMissingNode()
                || events.get(2).payload().path("releaseId").isNull(), "no release any more");
    }

    @Test
    void aFeatureCannotJoinAReleaseThatIsAlreadyReleased() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "Late joiner");
        String shipped = release(product, "2027.0", "2027-01-31");
        Fixtures.withCurrentETag("POST", RELEASES + "/" + shipped + "/release", "{}").then().statusCode(200)
                .body("status", equalTo("RELEASED"));

        assign(feature, shipped).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("releaseId"))
                .body("errors[0].message", equalTo("must be a PLANNED release"));
        given().get("/api/v1/features/" + feature).then().body("releaseId", nullValue()).header("ETag", "\"0.0\"");
    }

    @Test
    void aRetriedCreateWithTheSameKeyReplaysAndAReleasedDateTravelsWithTheCommit() {
        String product = Fixtures.product();
        String body = "{\"productId\": \"" + product + "\", \"name\": \"2027.2\", \"targetDate\": \"2027-06-30\"}";
        String key = UUID.randomUUID().toString();
        String id = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(RELEASES)
                .then().statusCode(201).extract().path("id");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(RELEASES)
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(id));
        given().queryParam("productId", product).get(RELEASES).then().body("items.size()", equalTo(1));

        String feature = Fixtures.feature(product, "Planned for June");
        assign(feature, id).then().statusCode(200);
        ProjectFeed.commit(feature);
        KafkaEvents.Event committed = KafkaEvents.eventsOf(Topics.PRODUCT, feature, 6).get(5);
        assertEquals(EventType.FEATURE_COMMITTED.type(), committed.type());
        assertEquals("2027-06-30", committed.payload().get("targetReleaseDate").asText());
    }

    @Test
    void theStatusEndpointCannotRelease() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "Shipped by hand");
        ProjectFeed.deliver(product, feature);
        Fixtures.withCurrentETag("POST", "/api/v1/features/" + feature + "/status", "{\"status\": \"RELEASED\"}")
                .then().statusCode(409).body("detail", containsString("only by releasing its release"));
    }

    @Test
    void releasingRefusesUndeliveredFeaturesUnlessForcedOut() {
        String product = Fixtures.product();
        String done = Fixtures.feature(product, "Done");
        String late = Fixtures.feature(product, "Late");
        String release = release(product, "2027.1", "2027-03-31");
        assign(done, release).then().statusCode(200);
        assign(late, release).then().statusCode(200);
        ProjectFeed.deliver(product, done);
        String path = RELEASES + "/" + release;

        given().contentType(ContentType.JSON).body("{}").post(path + "/release").then().statusCode(428);
        Fixtures.withCurrentETag("POST", path + "/release", "{}").then().statusCode(409)
                .body("detail", containsString(late))
                .body("detail", not(containsString(done)))
                .body("errors[0].message", containsString("IDEA"));
        Fixtures.withCurrentETag("POST", path + "/release", "{\"force\": [\"" + UUID.randomUUID() + "\"]}")
                .then().statusCode(422).body("errors[0].field", equalTo("force[0]"));
        given().get(path).then().body("status", equalTo("PLANNED"));
        given().get("/api/v1/features/" + done).then().body("status", equalTo("DELIVERED"));

        Fixtures.withCurrentETag("POST", path + "/release", "{\"force\": [\"" + late + "\"]}").then()
                .statusCode(200).body("status", equalTo("RELEASED")).body("releasedAt", not(nullValue()));
        given().get("/api/v1/features/" + done).then().body("status", equalTo("RELEASED"))
                .body("releaseId", equalTo(release));
        given().get("/api/v1/features/" + late).then().body("status", equalTo("IDEA"))
                .body("releaseId", nullValue());
        Fixtures.withCurrentETag("POST", path + "/release", "{}").then().statusCode(409);
        Fixtures.withCurrentETag("PATCH", path, "{\"name\": \"again\"}").then().statusCode(409);
        assign(late, release).then().statusCode(422);

        List<KafkaEvents.Event> releaseEvents = KafkaEvents.eventsOf(Topics.PRODUCT, release, 2);
        assertEquals(EventType.RELEASE_RELEASED.type(), releaseEvents.get(1).type());
        assertEquals(done, releaseEvents.get(1).payload().get("releasedFeatureIds").get(0).asText());
        assertEquals(late, releaseEvents.get(1).payload().get("movedOutFeatureIds").get(0).asText());
        List<String> types = KafkaEvents.eventsOf(Topics.PRODUCT, done, 10).stream().map(KafkaEvents.Event::type).toList();
        assertEquals(EventType.FEATURE_STATUS_CHANGED.type(), types.get(types.size() - 2));
        assertEquals(EventType.FEATURE_RELEASED.type(), types.get(types.size() - 1));
        KafkaEvents.Event movedOut = KafkaEvents.eventsOf(Topics.PRODUCT, late, 3).get(2);
        assertEquals(EventType.FEATURE_UPDATED.type(), movedOut.type());
        assertEquals(true, movedOut.payload().path("releaseId").isMissingNode()
                || movedOut.payload().path("releaseId").isNull(), "moved out of the release");
        given().queryParam("productId", product).queryParam("status", "RELEASED").get(RELEASES).then()
                .body("items.id", hasItem(release));
    }
}
