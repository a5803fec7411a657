package dev.tandem.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** An address that keeps failing to authenticate is slowed down, without costing a database look-up per try. */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class FailedAuthLimitTest {

    /** tandem.gateway.rate-limit.failed-auth-per-minute's default. */
    private static final int LIMIT = 120;

    @Inject
    ApiKeys apiKeys;

    @Test
    void anAddressThatKeepsSendingUnknownKeysGets429AndOtherAddressesAreNotAffected() throws Exception {
        // time stands still unless the test moves it, so the budget does not refill while the loop runs
        AtomicLong now = new AtomicLong(System.nanoTime());
        QuarkusMock.installMockForType((Ticker) now::get, Ticker.class);

        // from 127.0.0.2, so the other tests' address (127.0.0.1) keeps its budget
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            statuses.add(get("127.0.0.2", unknownKey()));
        }
        assertTrue(statuses.stream().allMatch(s -> s == 401), "the budget's " + LIMIT + " failures answer 401: "
                + statuses);
        assertEquals(429, get("127.0.0.2", unknownKey()));
        // no credential at all counts as a failure too
        assertEquals(429, get("127.0.0.2", null));
        // another address is served as usual
        given().header("Authorization", "Bearer " + TestKeys.admin(apiKeys)).get("/api/v1/products/x").then()
                .statusCode(200);
        given().get("/api/v1/products/x").then().statusCode(401);

        // the budget refills evenly over a minute: a second later, two more tries (120 a minute) are answered
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_001));
        assertEquals(401, get("127.0.0.2", unknownKey()));
        assertEquals(401, get("127.0.0.2", unknownKey()));
        assertEquals(429, get("127.0.0.2", unknownKey()));
    }

    private static String unknownKey() {
        return "tnd_live_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_" + "0".repeat(64);
    }

    private static int get(String from, String key) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port,
                InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(10_000);
            String request = "GET /api/v1/products/x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (key == null ? "" : "X-API-Key: " + key + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
