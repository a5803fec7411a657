package dev.tandem.product.backlog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import dev.tandem.product.FeedbackFeed;
import dev.tandem.product.Fixtures;
import dev.tandem.product.ProjectFeed;
import dev.tandem.product.Publish;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BacklogApiTest {

    static String scored(String product, String title, int reach) {
        // score = reach × 1 × 100 % / 1 = reach
        return Fixtures.feature("""
                {"productId": "%s", "title": "%s", "reach": %d, "impact": 1, "confidence": 100, "effort": 1}"""
                .formatted(product, title, reach));
    }

    @Test
    void ranksByRiceScoreLiftedByNormalisedDemandAndShowsEveryTerm() {
        String product = Fixtures.product();
        String asked = scored(product, "Asked for", 100);       // 100 × (1 + 1 × 1)   = 200
        String half = scored(product, "Half as asked", 120);    // 120 × (1 + 1 × 0.5) = 180
        String quiet = scored(product, "Nobody asked", 150);    // 150 × (1 + 0)       = 150
        String unscored = Fixtures.feature(product, "Not estimated");
        String rejected = scored(product, "Rejected", 1000);
        Fixtures.withCurrentETag("POST", "/api/v1/features/" + rejected + "/status",
                "{\"status\": \"REJECTED\", \"reason\": \"out of scope\"}").then().statusCode(200);
        UUID big = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        FeedbackFeed.customerCreated(big, "2000.00", "EUR");
        FeedbackFeed.customerCreated(small, "1000.00", "EUR");
        FeedbackFeed.linked(UUID.randomUUID(), asked, product, big, "IMPORTANT", 1);
        FeedbackFeed.linked(UUID.randomUUID(), half, product, small, "IMPORTANT", 1);
        Publish.awaitTrue("demand", () -> "1000.00".equals(
                given().get("/api/v1/features/" + half).path("demand.weightedDemand.amount")));
        Publish.awaitTrue("demand", () -> "2000.00".equals(
                given().get("/api/v1/features/" + asked).path("demand.weightedDemand.amount")));

        JsonPath backlog = given().get("/api/v1/products/" + product + "/backlog").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(asked, half, quiet, unscored), backlog.getList("items.featureId"));
        assertEquals(List.of(1, 2, 3, 4), backlog.getList("items.rank"));
        assertEquals(4, backlog.getInt("total"));
        assertEquals("2000.00", backlog.getString("maxWeightedDemand.amount"));
        assertEquals("EUR", backlog.getString("maxWeightedDemand.currency"));
        assertEquals(List.of(200.0f, 180.0f, 150.0f), backlog.getList("items.priority").subList(0, 3));
        assertEquals(null, (Object) backlog.get("items[3].priority"));
        assertEquals(0.5f, backlog.getFloat("items[1].normalisedDemand"));
        assertEquals(120.0f, backlog.getFloat("items[1].riceScore"));
        assertEquals(120, backlog.getInt("items[1].reach"));
        assertEquals(1.0f, backlog.getFloat("items[1].demandWeight"));
        assertEquals("1000.00", backlog.getString("items[1].demand.weightedDemand.amount"));
        assertEquals(1, backlog.getInt("items[1].demand.customerCount"));

        given().queryParam("limit", 1).get("/api/v1/products/" + product + "/backlog").then().statusCode(200)
                .body("items.featureId", equalTo(List.of(asked))).body("total", equalTo(4));
        given().queryParam("limit", 0).get("/api/v1/products/" + product + "/backlog").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", "all").get("/api/v1/products/" + product + "/backlog").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/products/" + UUID.randomUUID() + "/backlog").then().statusCode(404);
    }

    @Test
    void roadmapGroupsByReleaseAndNowNextLater() {
        String product = Fixtures.product();
        String later = scored(product, "Later", 10);
        String next = scored(product, "Next", 20);
        String now = scored(product, "Now", 30);
        String idea = Fixtures.feature(product, "Just an idea");
        Fixtures.withCurrentETag("POST", "/api/v1/features/" + later + "/status", "{\"status\": \"CANDIDATE\"}")
                .then().statusCode(200);
        for (String to : List.of("CANDIDATE", "PLANNED")) {
            Fixtures.withCurrentETag("POST", "/api/v1/features/" + next + "/status", "{\"status\": \"" + to + "\"}")
                    .then().statusCode(200);
        }
        ProjectFeed.commit(now);
        String april = release(product, "April", "2027-04-30");
        String march = release(product, "March", "2027-03-31");
        Fixtures.withCurrentETag("PATCH", "/api/v1/features/" + now, "{\"releaseId\": \"" + march + "\"}")
                .then().statusCode(200);

        JsonPath roadmap = given().get("/api/v1/products/" + product + "/roadmap").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("March", "April"), roadmap.getList("releases.name"));
        assertEquals(List.of(now), roadmap.getList("releases[0].features.featureId"));
        assertEquals(List.of(), roadmap.getList("releases[1].features"));
        assertEquals(april, roadmap.getString("releases[1].releaseId"));
        assertEquals(List.of(next, later), roadmap.getList("unscheduled.featureId"));
        assertEquals(List.of(now), roadmap.getList("now.featureId"));
        assertEquals(List.of(next), roadmap.getList("next.featureId"));
        assertEquals(List.of(later), roadmap.getList("later.featureId"));
        assertEquals("COMMITTED", roadmap.getString("now[0].status"));
        assertEquals(30.0f, roadmap.getFloat("now[0].score"));
        assertEquals("0.00", roadmap.getString("now[0].demand.weightedDemand.amount"));
        assertEquals(false, roadmap.getBoolean("now[0].atRisk"));
        assertEquals(false, roadmap.getList("unscheduled.featureId").contains(idea));
        given().get("/api/v1/products/" + UUID.randomUUID() + "/roadmap").then().statusCode(404);
    }

    static String release(String product, String name, String date) {
        return given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + product + "\", \"name\": \"" + name + "\", \"targetDate\": \"" + date + "\"}")
                .post("/api/v1/releases").then().statusCode(201).extract().path("id");
    }
}
