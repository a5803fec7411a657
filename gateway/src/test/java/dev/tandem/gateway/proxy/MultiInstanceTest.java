package dev.tandem.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Upstreams with several instances (a comma-separated url): balancing, a dead instance skipped, safe retries. */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class MultiInstanceTest {

    @Inject
    ApiKeys apiKeys;

    @Test
    void readsAreSpreadOverTheInstances() {
        String key = TestKeys.admin(apiKeys);
        Set<String> served = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            served.add(given().header("Authorization", "Bearer " + key).get("/api/v1/duo/items/" + i).then()
                    .statusCode(200).extract().path("upstream"));
        }
        assertEquals(Set.of("duo-a", "duo-b"), served);
    }

    @Inject
    ActiveHealthChecks healthChecks;

    @Test
    void anInstanceThatReportsItselfNotReadyGetsNoRequestsOnceAHealthCheckFoundIt() throws InterruptedException {
        String key = TestKeys.admin(apiKeys);
        healthChecks.checkAll();
        Thread.sleep(500); // the checks answer asynchronously
        Set<String> served = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            served.add(given().header("Authorization", "Bearer " + key).get("/api/v1/draining/items/" + i).then()
                    .statusCode(200).extract().path("upstream"));
        }
        assertEquals(Set.of("draining-b"), served, "draining-a answers its readiness with 503");
        // and a dead instance is found by the check, before any request fails on it
        Set<String> live = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Response r = given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                    .body("{\"n\": " + i + "}").post("/api/v1/writes/items");
            assertEquals(200, r.statusCode(), "no write without a key reaches the dead instance");
            live.add(r.path("upstream"));
        }
        assertEquals(Set.of("writes-live"), live);
    }

    @Inject
    Upstreams upstreams;

    /** As before any health check ran (or between two): the circuit alone has to find the dead instance. */
    private void noHealthCheckYet(String upstream) {
        upstreams.get(upstream).orElseThrow().instances().forEach(i -> i.markReady(true));
    }

    @Test
    void aDeadInstanceIsSkippedAndNoReadFails() {
        String key = TestKeys.admin(apiKeys);
        noHealthCheckYet("pair");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * TestUpstreams.CIRCUIT_THRESHOLD + 4; i++) {
            Response r = given().header("Authorization", "Bearer " + key).get("/api/v1/pair/items/" + i);
            statuses.add(r.statusCode());
            if (r.statusCode() == 200) {
                assertEquals("pair-live", r.path("upstream"));
            }
        }
        assertTrue(statuses.stream().allMatch(s -> s == 200), "every read answered by the live instance: " + statuses);
        String health = given().get("/q/health/ready").then().extract().asString();
        assertTrue(health.contains("\"pair\": \"UP\"") && health.contains("\"pair.instances-up\": \"1/2\""), health);
        assertTrue(health.contains("OPEN, CLOSED") || health.contains("OPEN,") , "the dead instance's circuit is open: "
                + health);
    }

    @Test
    void aWriteWithAnIdempotencyKeyGoesToAnotherInstanceWhenItsFirstIsDownOtherWritesDoNot() {
        String key = TestKeys.admin(apiKeys);
        noHealthCheckYet("writes");
        // round-robin: of two writes in a row, one is first sent to the dead instance
        List<Integer> keyed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            keyed.add(given().header("Authorization", "Bearer " + key).header("Idempotency-Key", "k-" + i)
                    .contentType(ContentType.JSON).body("{\"n\": " + i + "}").post("/api/v1/writes/items")
                    .then().extract().statusCode());
        }
        assertEquals(List.of(200, 200), keyed, "both written, on the live instance");
        List<Integer> plain = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            plain.add(given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                    .body("{\"n\": " + i + "}").post("/api/v1/writes/items").then().extract().statusCode());
        }
        assertTrue(plain.contains(502), "a write without a key is not sent elsewhere: " + plain);
        assertTrue(plain.contains(200), plain.toString());
    }
}
