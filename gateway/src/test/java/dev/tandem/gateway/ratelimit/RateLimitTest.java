package dev.tandem.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(TestUpstreams.class)
class RateLimitTest {

    @Inject
    ApiKeys apiKeys;

    @Test
    void aClientThatUsesUpItsBucketGets429WithRetryAfterAndEveryAnswerCarriesTheHeaders() {
        String key = apiKeys.issue("tiny-budget", List.of("products:read"), 3, null, "test").secret();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-API-Key", key).get("/api/v1/products").then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        Response refused = given().header("X-API-Key", key).header("X-Request-Id", "rl-1").get("/api/v1/products");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .body("type", is("https://tandem.dev/problems/too-many-requests"))
                .body("requestId", is("rl-1"))
                .body("detail", containsString("3 requests per minute"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "one token comes back within 20 s at 3/min: " + retryAfter);
        long reset = Long.parseLong(refused.header("RateLimit-Reset"));
        assertTrue(reset > 0 && reset <= 60, "reset " + reset);

        // another client is not affected
        String other = apiKeys.issue("other-budget", List.of("products:read"), 3, null, "test").secret();
        given().header("X-API-Key", other).get("/api/v1/products").then().statusCode(200);
        // a refused request (403) of a client counts too and carries the headers
        given().header("X-API-Key", other).post("/api/v1/products").then().statusCode(403)
                .header("RateLimit-Remaining", "1");
    }

    @Test
    void tokenBucketRefillsEvenlyOverAMinute() {
        long minute = 60_000_000_000L;
        TokenBucket bucket = new TokenBucket(60, 0);
        for (int i = 0; i < 60; i++) {
            assertTrue(bucket.tryTake(0).allowed());
        }
        TokenBucket.Decision empty = bucket.tryTake(0);
        assertEquals(false, empty.allowed());
        assertEquals(1, empty.retryAfterSeconds());
        assertEquals(60, empty.resetSeconds());
        assertTrue(bucket.tryTake(minute / 60).allowed(), "one token per second comes back");
        assertEquals(false, bucket.tryTake(minute / 60).allowed());
        TokenBucket.Decision later = bucket.tryTake(minute * 10);
        assertTrue(later.allowed());
        assertEquals(59, later.remaining(), "never more than the capacity");
        assertTrue(new TokenBucket(5, 0).isFull(0));
    }
}
