package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A product's insights in one call, from real feedback, links and NPS answers. */
@QuarkusTest
class InsightsApiTest {

    private static String item(UUID customer, UUID product, String title, String text, String receivedAt, String tags) {
        return TestData.create(TestData.feedback("SUPPORT", "IN-" + UUID.randomUUID(), customer, product, title, text,
                receivedAt, tags));
    }

    private static void link(String id, UUID feature) {
        given().contentType(ContentType.JSON).body("{\"featureId\": \"" + feature + "\", \"importance\": \"IMPORTANT\"}")
                .post("/api/v1/feedback/" + id + "/links").then().statusCode(201);
    }

    @Test
    void insightsSummariseDemandTagsThemesTrendsAndUnansweredFeedback() {
        UUID product = TestData.product();
        UUID export = TestData.feature(product, "Bulk export");
        UUID darkMode = TestData.feature(product, "Dark mode");
        UUID alice = TestData.customer();
        UUID bob = TestData.customer();
        link(item(alice, product, "Export", "The export is slow", "2026-10-05T10:00:00Z", "[\"export\", \"performance\"]"), export);
        link(item(alice, product, "Export again", "Export times out", "2026-10-20T10:00:00Z", "[\"export\"]"), export);
        link(item(bob, product, "Exports", "Export is broken", "2026-11-02T10:00:00Z", "[\"export\"]"), export);
        link(item(bob, product, "Dark", "Dark mode would be great", "2026-11-03T10:00:00Z", "[]"), darkMode);
        item(bob, product, "Login", "Login is fine", "2026-11-04T10:00:00Z", "[]");
        String open = item(alice, product, "Search", "Search is not good", "2026-11-05T10:00:00Z", "[]");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\": \"TRIAGED\"}")
                .post("/api/v1/feedback/" + open + "/status").then().statusCode(200);

        given().get("/api/v1/insights/" + product).then().statusCode(200)
                .body("mostDemandedFeatures.featureId", equalTo(List.of(export.toString(), darkMode.toString())))
                .body("mostDemandedFeatures[0].title", equalTo("Bulk export"))
                .body("mostDemandedFeatures[0].linkedFeedback", equalTo(3))
                .body("mostDemandedFeatures[0].distinctCustomers", equalTo(2))
                .body("mostDemandedFeatures[0].revenue[0].amount", equalTo("240000.00"))
                .body("mostDemandedFeatures[0].revenue[0].currency", equalTo("EUR"))
                .body("mostDemandedFeatures[1].revenue[0].amount", equalTo("120000.00"))
                .body("topTags[0].tag", equalTo("export")).body("topTags[0].count", equalTo(3))
                .body("topTags[1].tag", equalTo("performance"))
                .body("themes[0].term", equalTo("export")).body("themes[0].count", equalTo(3))
                .body("sentimentTrend.month", equalTo(List.of("2026-10", "2026-11")))
                .body("sentimentTrend[0].feedback", equalTo(2))
                .body("sentimentTrend[1].feedback", equalTo(4))
                .body("npsTrend", hasSize(0))
                .body("unanswered.total", equalTo(6))
                // the four linked items are PLANNED; Login (NEW) and Search (TRIAGED) are unanswered
                .body("unanswered.unanswered", equalTo(2))
                .body("unanswered.share", equalTo(0.333f));
    }

    @Test
    void aProductWithoutFeedbackHasEmptyInsightsAndAnUnknownOneIsNotFound() {
        UUID product = TestData.product();
        given().get("/api/v1/insights/" + product).then().statusCode(200)
                .body("mostDemandedFeatures", hasSize(0)).body("themes", hasSize(0))
                .body("unanswered.total", equalTo(0)).body("unanswered.share", nullValue())
                .body("unanswered.medianAgeDays", nullValue());
        given().get("/api/v1/insights/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/insights/not-a-uuid").then().statusCode(404);
    }
}
