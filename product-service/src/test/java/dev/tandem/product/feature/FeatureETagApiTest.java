package dev.tandem.product.feature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.product.FeedbackFeed;
import dev.tandem.product.Fixtures;
import dev.tandem.product.ProjectFeed;
import dev.tandem.product.Publish;
import dev.tandem.product.demand.DemandProjector;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * A feature's ETag is "version.derivedVersion": it changes with the feature and with the demand and risks other
 * services' events give it, so If-None-Match never gets a 304 for a state the client has not seen; If-Match needs
 * only the feature's own version to be current.
 */
@QuarkusTest
class FeatureETagApiTest {

    private static final String FEATURES = "/api/v1/features";

    @Inject
    DemandProjector projector;

    private static String etag(String feature) {
        return given().get(FEATURES + "/" + feature).then().statusCode(200).extract().header("ETag");
    }

    private static void awaitDemand(String feature, String amount) {
        Publish.awaitTrue("demand of " + feature + " = " + amount, () -> amount.equals(
                given().get(FEATURES + "/" + feature).path("demand.weightedDemand.amount")));
    }

    private static Response patch(String feature, String ifMatch, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch(FEATURES + "/" + feature);
    }

    @Test
    void aDemandChangeChangesTheETagSoIfNoneMatchNeverHidesIt() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "Reorder");
        String path = FEATURES + "/" + feature;
        assertEquals("\"0.0\"", etag(feature));
        given().header("If-None-Match", "\"0.0\"").get(path).then().statusCode(304).header("ETag", "\"0.0\"")
                .body(emptyString());

        UUID anna = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        FeedbackFeed.customerCreated(anna, "1000.00", "EUR");
        String link = FeedbackFeed.linkedJson(item, feature, product, anna, "IMPORTANT", 1);
        Publish.event(Topics.FEEDBACK, FeedbackFeed.LINKED, item, 1, link);
        awaitDemand(feature, "1000.00");

        assertEquals("\"0.1\"", etag(feature), "the feature itself did not change; its demand did");
        given().header("If-None-Match", "\"0.0\"").get(path).then().statusCode(200).header("ETag", "\"0.1\"")
                .body("demand.weightedDemand.amount", equalTo("1000.00")).body("version", equalTo(0));
        given().header("If-None-Match", "\"0.1\"").get(path).then().statusCode(304);
        given().header("If-None-Match", "\"9.9\", W/\"0.1\"").get(path).then().statusCode(304);

        // the same link again under a new id (a replay of the topic), then a marker on the same partition, then a
        // recomputation to the same numbers (what every start-up does): the demand shown is the same, so is the tag
        Publish.event(Topics.FEEDBACK, FeedbackFeed.LINKED, item, 1, link);
        String marker = Fixtures.feature(product, "Marker");
        FeedbackFeed.linked(UUID.randomUUID(), marker, product, anna, "CRITICAL", 1);
        awaitDemand(marker, "2000.00");
        QuarkusTransaction.requiringNew().run(() -> projector.recompute(UUID.fromString(feature)));
        assertEquals("\"0.1\"", etag(feature));

        FeedbackFeed.customerUpdated(anna, "3000.00", "EUR", 1);
        awaitDemand(feature, "3000.00");
        assertEquals("\"0.2\"", etag(feature), "a revenue change moves the demand");
        FeedbackFeed.unlinked(item, feature, product, anna, 2);
        awaitDemand(feature, "0.00");
        assertEquals("\"0.3\"", etag(feature), "no demand any more is a change too");
        given().header("If-None-Match", "\"0.2\"").get(path).then().statusCode(200)
                .body("demand.feedbackCount", equalTo(0));
    }

    @Test
    void aRiskChangeChangesTheETagEvenWhenTheFlagStays() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "Risky");
        String path = FEATURES + "/" + feature;
        UUID project = UUID.randomUUID();
        Publish.event(Topics.PROJECT, ProjectFeed.HEALTH_CHANGED, project, 4,
                ProjectFeed.healthJson(project, product, List.of(feature), "AMBER", "2026-11-22T10:00:00Z", 4));
        Publish.awaitTrue("at risk", () -> given().get(path).path("atRisk"));
        String amber = etag(feature);
        assertEquals("\"1.1\"", amber, "the flag is the feature's own change, the risk entry a derived one");

        // AMBER → RED: still at risk (no feature change, no feature event), but the risk shown is another
        Publish.event(Topics.PROJECT, ProjectFeed.HEALTH_CHANGED, project, 5,
                ProjectFeed.healthJson(project, product, List.of(feature), "RED", "2026-11-22T11:00:00Z", 5));
        Publish.awaitTrue("RED", () -> "RED".equals(given().get(path).path("risks[0].health")));
        given().header("If-None-Match", amber).get(path).then().statusCode(200).header("ETag", "\"1.2\"")
                .body("atRisk", equalTo(true)).body("risks[0].health", equalTo("RED")).body("version", equalTo(1));

        // an older health event (AMBER of 10:30) under a new id changes nothing, shown by a marker behind it
        Publish.event(Topics.PROJECT, ProjectFeed.HEALTH_CHANGED, project, 4,
                ProjectFeed.healthJson(project, product, List.of(feature), "AMBER", "2026-11-22T10:30:00Z", 4));
        String marker = Fixtures.feature(product, "Marker");
        UUID other = UUID.randomUUID();
        Publish.event(Topics.PROJECT, ProjectFeed.HEALTH_CHANGED, other, 1,
                ProjectFeed.healthJson(other, product, List.of(marker), "RED", "2026-11-22T12:00:00Z", 1));
        Publish.awaitTrue("marker at risk", () -> given().get(FEATURES + "/" + marker).path("atRisk"));
        given().header("If-None-Match", "\"1.2\"").get(path).then().statusCode(304);

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, feature, 2);
        assertEquals(List.of(EventType.FEATURE_CREATED.type(), EventType.FEATURE_UPDATED.type()),
                events.stream().map(KafkaEvents.Event::type).toList());
    }

    @Test
    void ifMatchNeedsOnlyTheFeaturesOwnVersionToBeCurrent() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "Saved carts");
        String path = FEATURES + "/" + feature;
        String readBeforeTheDemand = etag(feature);
        assertEquals("\"0.0\"", readBeforeTheDemand);
        UUID bob = UUID.randomUUID();
        FeedbackFeed.customerCreated(bob, "500.00", "EUR");
        FeedbackFeed.linked(UUID.randomUUID(), feature, product, bob, "IMPORTANT", 1);
        awaitDemand(feature, "500.00");
        assertEquals("\"0.1\"", etag(feature));

        // feedback arriving after the read is no conflict with the product manager's edit
        patch(feature, readBeforeTheDemand, "{\"title\": \"Saved carts v2\"}").then().statusCode(200)
                .header("ETag", "\"1.1\"").body("title", equalTo("Saved carts v2"));
        // a read from before that edit is stale: 412, nothing written
        patch(feature, "\"0.1\"", "{\"title\": \"Lost update\"}").then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412));
        given().get(path).then().body("title", equalTo("Saved carts v2")).header("ETag", "\"1.1\"");

        patch(feature, "W/\"1.1\"", "{\"reach\": 10}").then().statusCode(200).header("ETag", "\"2.1\"");
        patch(feature, "\"2\"", "{\"reach\": 20}").then().statusCode(200).header("ETag", "\"3.1\"");  // body version
        patch(feature, "\"0.0\", \"3.1\"", "{\"reach\": 30}").then().statusCode(200).header("ETag", "\"4.1\"");
        Fixtures.withCurrentETag("POST", path + "/status", "{\"status\": \"CANDIDATE\"}").then().statusCode(200)
                .header("ETag", "\"5.1\"");

        patch(feature, "5.1", "{\"reach\": 40}").then().statusCode(400).body("errors.field", hasItem("If-Match"));
        patch(feature, "*", "{\"reach\": 40}").then().statusCode(428);
        patch(feature, null, "{\"reach\": 40}").then().statusCode(428);
        given().header("If-Match", "\"4.1\"").delete(path).then().statusCode(412);
        given().get(path).then().statusCode(200).body("reach", equalTo(30)).header("ETag", "\"5.1\"");
    }
}
