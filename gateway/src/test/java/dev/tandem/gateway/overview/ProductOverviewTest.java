package dev.tandem.gateway.overview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.tandem.devstack.testing.TestTokens;
import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import dev.tandem.platform.security.InternalTokens;
import dev.tandem.platform.security.SecurityKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The composed view, against the fake upstreams: product and feedback answer, project is down. */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class ProductOverviewTest {

    @Inject
    ApiKeys apiKeys;

    @Test
    void partsComeFromParallelCallsAndAStoppedUpstreamIsNamedInDegraded() throws Exception {
        UUID id = UUID.randomUUID();
        String key = TestKeys.withScopes(apiKeys, "products:read", "projects:read", "feedback:read");
        Response response = given().header("X-API-Key", key).header("X-Request-Id", "overview-1")
                .get("/api/v1/products/" + id + "/overview");
        response.then().statusCode(200)
                .header("RateLimit-Limit", "100000")
                .body("productId", is(id.toString()))
                .body("product.path", is("/api/v1/products/" + id))
                .body("objectives.path", is("/api/v1/objectives"))
                .body("objectives.query", is("productId=" + id))
                .body("backlog.path", is("/api/v1/products/" + id + "/backlog"))
                .body("backlog.query", is("limit=5"))
                .body("feedback.upstream", is("feedback"))
                .body("feedback.path", is("/api/v1/insights/" + id))
                .body("product.headers.x-request-id", is("overview-1"))
                .body("degraded", hasSize(1))
                .body("degraded[0].part", is("projects"))
                .body("degraded[0].upstream", is("project"))
                // (other tests may have opened project's circuit already)
                .body("degraded[0].reason", anyOf(containsString("connection refused"), containsString("circuit open")));
        // every upstream call carries an internal token with the caller's scopes, never the caller's key
        String token = response.path("feedback.headers.x-tandem-internal-token");
        assertEquals(Set.of("products:read", "projects:read", "feedback:read"),
                InternalTokens.verify(SecurityKeys.publicKey(TestTokens.PUBLIC_KEY), token, Instant.now()).scopes());
        response.then().body("feedback.headers.x-api-key", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anAcceptWithoutJsonIsA406ProblemAndNoPartIsFetched() {
        String key = TestKeys.withScopes(apiKeys, "products:read", "projects:read", "feedback:read");
        given().header("X-API-Key", key).header("Accept", "text/csv")
                .get("/api/v1/products/" + UUID.randomUUID() + "/overview").then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("type", is("https://tandem.dev/problems/not-acceptable"))
                .body("detail", containsString("text/csv"));
        given().header("X-API-Key", key).header("Accept", "text/html, application/*;q=0.5")
                .get("/api/v1/products/" + UUID.randomUUID() + "/overview").then()
                .statusCode(200);
    }

    @Test
    void partsTheCallerMayNotReadAreLeftOutWithTheScopeAsReason() {
        given().header("X-API-Key", TestKeys.withScopes(apiKeys, "products:read"))
                .get("/api/v1/products/" + UUID.randomUUID() + "/overview").then()
                .statusCode(200)
                .body("degraded.part", is(List.of("projects", "feedback")))
                .body("degraded[1].reason", is("the caller lacks scope feedback:read"));
    }

    @Test
    void aPartMissingTheOverviewsDeadlineIsDegradedAndASlowProductIsA504() {
        String key = TestKeys.withScopes(apiKeys, "products:read", "projects:read", "feedback:read");
        long start = System.nanoTime();
        given().header("X-API-Key", key).get("/api/v1/products/" + TestUpstreams.SLOW_FEEDBACK_ID + "/overview").then()
                .statusCode(200)
                .body("product.path", is("/api/v1/products/" + TestUpstreams.SLOW_FEEDBACK_ID))
                .body("feedback", nullValue())
                .body("degraded.find { it.part == 'feedback' }.reason",
                        is("upstream feedback did not answer within " + TestUpstreams.OVERVIEW_TIMEOUT_MILLIS + " ms"));
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(took >= TestUpstreams.OVERVIEW_TIMEOUT_MILLIS - 50, "answered before the deadline: " + took);
        assertTrue(took < TestUpstreams.SLOW_MILLIS - 1_000, "waited for the slow part: " + took);

        start = System.nanoTime();
        given().header("X-API-Key", key).header("X-Request-Id", "overview-slow")
                .get("/api/v1/products/" + TestUpstreams.SLOW_PRODUCT_ID + "/overview").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .header("X-Request-Id", "overview-slow")
                .body("type", is("https://tandem.dev/problems/upstream-timeout"))
                .body("requestId", is("overview-slow"))
                .body("detail", containsString("did not answer within " + TestUpstreams.OVERVIEW_TIMEOUT_MILLIS + " ms"));
        took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(took < TestUpstreams.SLOW_MILLIS - 1_000, "waited for the slow product: " + took);
    }

    @Test
    void partsMissingTheOverviewsOwnDeadlineDoNotOpenTheirUpstreamsCircuit() {
        // feedback answers these reads in 3 s: within its own timeout (10 s), only too late for the overview (800 ms)
        String key = TestKeys.withScopes(apiKeys, "products:read", "projects:read", "feedback:read");
        for (int i = 0; i < TestUpstreams.CIRCUIT_THRESHOLD + 1; i++) {
            given().header("X-API-Key", key).get("/api/v1/products/" + TestUpstreams.SLOW_FEEDBACK_ID + "/overview")
                    .then().statusCode(200)
                    .body("degraded.find { it.part == 'feedback' }.reason",
                            is("upstream feedback did not answer within " + TestUpstreams.OVERVIEW_TIMEOUT_MILLIS
                                    + " ms"));
        }
        // feedback's circuit is closed: the overview's deadline is the overview's business, not a fault of feedback
        given().header("X-API-Key", key).get("/api/v1/feedback/after-slow-overviews").then()
                .statusCode(200).body("upstream", is("feedback"));
    }

    @Test
    void anUnknownProductIs404AndTheViewNeedsProductsRead() {
        given().header("X-API-Key", TestKeys.withScopes(apiKeys, "products:read"))
                .get("/api/v1/products/" + TestUpstreams.MISSING_ID + "/overview").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(TestUpstreams.MISSING_ID));
        given().header("X-API-Key", TestKeys.withScopes(apiKeys, "products:read"))
                .get("/api/v1/products/not-a-uuid/overview").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://tandem.dev/problems/not-found"))
                .body("detail", is("No resource at /api/v1/products/not-a-uuid/overview (id must be a UUID)"));
        given().header("X-API-Key", TestKeys.withScopes(apiKeys, "feedback:read"))
                .get("/api/v1/products/" + UUID.randomUUID() + "/overview").then()
                .statusCode(403);
        given().get("/api/v1/products/" + UUID.randomUUID() + "/overview").then().statusCode(401);
    }
}
