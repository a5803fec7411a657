package dev.tandem.gateway.deadletter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** The dead-letter admin API while the Kafka broker cannot be reached: a 503 problem within seconds, not a 500. */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
@TestProfile(UnreachableBrokerTest.NoBroker.class)
class UnreachableBrokerTest {

    /**
     * A guard against hanging, not a timing claim: the answer comes after the broker timeout (1 s in this profile, 5 s
     * by default), and a shared, busy machine may add several seconds; what tells the fix from the defect is the 503
     * instead of a 500.
     */
    private static final Duration WITHIN = Duration.ofSeconds(30);

    /** The gateway's broker is a port nothing listens on; the gateway waits 1 s for it, not the default 5 s. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + socket.getLocalPort(),
                        "tandem.gateway.dead-letters.broker-timeout", "1s");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    ApiKeys apiKeys;

    @Test
    void listingReadingAndRedrivingAnswer503WithRetryAfter() {
        String admin = TestKeys.admin(apiKeys);
        String id = "tandem.product.events.feedback-service.dlq:0:3";
        timed(() -> given().header("Authorization", "Bearer " + admin).get(DeadLetterResource.PATH).then());
        timed(() -> given().header("Authorization", "Bearer " + admin).get(DeadLetterResource.PATH + "/" + id)
                .then());
        timed(() -> given().header("Authorization", "Bearer " + admin)
                .post(DeadLetterResource.PATH + "/" + id + "/redrive").then());
        timed(() -> given().header("Authorization", "Bearer " + admin).queryParam("service", "feedback-service")
                .post(DeadLetterResource.PATH + "/redrive").then());
    }

    private static void timed(Supplier<ValidatableResponse> call) {
        long start = System.nanoTime();
        ValidatableResponse response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://tandem.dev/problems/broker-unavailable"))
                .body("detail", containsString("broker"))
                .body("requestId", notNullValue());
        assertTrue(took.compareTo(WITHIN) < 0, "answered after " + took);
    }
}
