package dev.tandem.product.feature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.product.Fixtures;
import dev.tandem.product.ProjectFeed;
import dev.tandem.product.Publish;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** project-service's events, published to the real broker, move features into delivery and flag them at risk. */
@QuarkusTest
class ProjectEventsConsumerTest {

    static String status(String feature) {
        return given().get("/api/v1/features/" + feature).then().statusCode(200).extract().path("status");
    }

    @Test
    void anActiveProjectPutsItsCommittedFeaturesInDeliveryAndCompletionDeliversThem() {
        String product = Fixtures.product();
        String started = Fixtures.feature(product, "Started");
        String skipped = Fixtures.feature(product, "Committed when the project completes");
        String idea = Fixtures.feature(product, "Still an idea");
        ProjectFeed.commit(started);
        ProjectFeed.commit(skipped);
        UUID project = UUID.randomUUID();
        UUID unknownFeature = UUID.randomUUID();

        String activeJson = ProjectFeed.statusJson(project, product, List.of(started, idea, unknownFeature.toString()),
                "APPROVED", "ACTIVE", 3);
        String activeId = Publish.event(Topics.PROJECT, EventType.PROJECT_STATUS_CHANGED.type(), project, 3,
                activeJson);
        Publish.awaitTrue("IN_DELIVERY", () -> "IN_DELIVERY".equals(status(started)));
        assertEquals("IDEA", status(idea), "only COMMITTED features move");

        ProjectFeed.status(project, product, List.of(started, skipped), "ACTIVE", "COMPLETED", 4);
        Publish.awaitTrue("DELIVERED", () -> "DELIVERED".equals(status(started)));
        Publish.awaitTrue("DELIVERED", () -> "DELIVERED".equals(status(skipped)));

        // the ACTIVE event again: the inbox drops it, the feature stays DELIVERED
        Publish.again(activeId, Topics.PROJECT, EventType.PROJECT_STATUS_CHANGED.type(), project, 3, activeJson);
        String marker = Fixtures.feature(product, "Marker");
        ProjectFeed.commit(marker);
        ProjectFeed.status(UUID.randomUUID(), product, List.of(marker), "APPROVED", "ACTIVE", 3);
        Publish.awaitTrue("marker IN_DELIVERY", () -> "IN_DELIVERY".equals(status(marker)));
        assertEquals("DELIVERED", status(started));

        // COMMITTED → IN_DELIVERY → DELIVERED, one status-changed event per step
        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, skipped, 7);
        List<String> moves = events.stream().filter(e -> e.type().equals(EventType.FEATURE_STATUS_CHANGED.type()))
                .map(e -> e.payload().get("to").asText()).toList();
        assertEquals(List.of("CANDIDATE", "PLANNED", "COMMITTED", "IN_DELIVERY", "DELIVERED"), moves);
        assertEquals("project PRJ-1 is COMPLETED",
                events.get(events.size() - 1).payload().get("reason").asText());
    }

    @Test
    void amberOrRedHealthFlagsTheFeatureAndGreenClearsIt() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "Risky");
        UUID project = UUID.randomUUID();
        String amber = ProjectFeed.healthJson(project, product, List.of(feature), "AMBER", "2026-11-22T10:00:00Z", 4);
        String amberId = Publish.event(Topics.PROJECT, ProjectFeed.HEALTH_CHANGED, project, 4, amber);
        Publish.awaitTrue("at risk", () -> given().get("/api/v1/features/" + feature).path("atRisk"));
        given().get("/api/v1/features/" + feature).then()
                .body("risks[0].projectId", equalTo(project.toString()))
                .body("risks[0].health", equalTo("AMBER"))
                .body("risks[0].reasons[0].code", equalTo("SPI_BELOW_THRESHOLD"))
                .body("risks[0].reasons[0].message", equalTo("SPI 0.82 is below 0.9"))
                .header("ETag", "\"1.1\"");   // the flag is the feature's (version 1), the risk row derived (1)
        given().queryParam("productId", product).queryParam("risk", true).get("/api/v1/features").then()
                .statusCode(200).body("items.id", equalTo(List.of(feature)));
        given().queryParam("productId", product).queryParam("risk", false).get("/api/v1/features").then()
                .statusCode(200).body("items.id", not(hasItem(feature)));
        given().queryParam("risk", "maybe").get("/api/v1/features").then().statusCode(400)
                .body("errors[0].field", equalTo("risk"));

        Publish.event(Topics.PROJECT, ProjectFeed.HEALTH_CHANGED, project, 5,
                ProjectFeed.healthJson(project, product, List.of(feature), "GREEN", "2026-11-22T11:00:00Z", 5));
        Publish.awaitTrue("risk cleared", () -> !(Boolean) given().get("/api/v1/features/" + feature).path("atRisk"));

        // the AMBER event redelivered after GREEN: dropped
        Publish.again(amberId, Topics.PROJECT, ProjectFeed.HEALTH_CHANGED, project, 4, amber);
        String marker = Fixtures.feature(product, "Marker");
        Publish.event(Topics.PROJECT, ProjectFeed.HEALTH_CHANGED, project, 6,
                ProjectFeed.healthJson(project, product, List.of(marker), "RED", "2026-11-22T12:00:00Z", 6));
        Publish.awaitTrue("marker at risk", () -> given().get("/api/v1/features/" + marker).path("atRisk"));
        given().get("/api/v1/features/" + feature).then().body("atRisk", equalTo(false))
                .body("risks.size()", equalTo(0));

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, feature, 3);
        assertEquals(List.of(EventType.FEATURE_CREATED.type(), EventType.FEATURE_UPDATED.type(),
                EventType.FEATURE_UPDATED.type()), events.stream().map(KafkaEvents.Event::type).toList());
        assertEquals(true, events.get(1).payload().get("atRisk").asBoolean());
        assertEquals(false, events.get(2).payload().get("atRisk").asBoolean());
    }
}
