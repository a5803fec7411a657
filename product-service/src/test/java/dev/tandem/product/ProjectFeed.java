package dev.tandem.product;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.events.EventType;
import dev.tandem.events.Topics;

/** project-service's events as it publishes them, and the feature moves the tests need around them. */
public final class ProjectFeed {

    public static final String HEALTH_CHANGED = EventType.PROJECT_HEALTH_CHANGED.type();

    private ProjectFeed() {
    }

    private static String ids(List<String> featureIds) {
        return featureIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    public static String statusJson(UUID project, String product, List<String> features, String from, String to,
                                    long version) {
        return """
                {"projectId": "%s", "key": "PRJ-1", "name": "Reorder", "productId": "%s", "featureIds": %s,
                 "from": "%s", "to": "%s", "changedAt": "2026-11-22T10:00:00Z", "version": %d}"""
                .formatted(project, product, ids(features), from, to, version);
    }

    public static String status(UUID project, String product, List<String> features, String from, String to,
                                long version) {
        return Publish.event(Topics.PROJECT, EventType.PROJECT_STATUS_CHANGED.type(), project, version,
                statusJson(project, product, features, from, to, version));
    }

    public static String healthJson(UUID project, String product, List<String> features, String to,
                                    String changedAt, long version) {
        String reasons = "GREEN".equals(to) ? "[]" : """
                [{"code": "SPI_BELOW_THRESHOLD", "severity": "%s", "message": "SPI 0.82 is below 0.9"}]"""
                .formatted(to);
        return """
                {"projectId": "%s", "key": "PRJ-1", "name": "Reorder", "productId": "%s", "featureIds": %s,
                 "from": null, "to": "%s", "reasons": %s, "changedAt": "%s", "version": %d}"""
                .formatted(project, product, ids(features), to, reasons, changedAt, version);
    }

    /** Moves a feature IDEA → CANDIDATE → PLANNED → COMMITTED through the API. */
    public static void commit(String featureId) {
        for (String to : List.of("CANDIDATE", "PLANNED", "COMMITTED")) {
            Fixtures.withCurrentETag("POST", "/api/v1/features/" + featureId + "/status",
                    "{\"status\": \"" + to + "\"}").then().statusCode(200);
        }
    }

    /** Commits the feature and delivers it with a project that completes: DELIVERED. */
    public static void deliver(String productId, String featureId) {
        commit(featureId);
        status(UUID.randomUUID(), productId, List.of(featureId), "ACTIVE", "COMPLETED", 5);
        Publish.awaitTrue(featureId + " DELIVERED", () -> "DELIVERED".equals(
                given().get("/api/v1/features/" + featureId).path("status")));
    }
}
