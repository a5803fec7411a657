package dev.tandem.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.gateway.apikey.ApiKeys;
import dev.tandem.gateway.auth.AccessControl;
import dev.tandem.gateway.proxy.Upstreams;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(TestUpstreams.class)
class GatewayProxyTest {

    @Inject
    ApiKeys apiKeys;

    @Inject
    Upstreams upstreams;

    @BeforeEach
    void authenticate() {
        // these tests are about proxying: every request carries an admin key (AccessControlTest covers credentials)
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader(AccessControl.API_KEY_HEADER, TestKeys.admin(apiKeys)).build();
    }

    @AfterEach
    void forgetKey() {
        RestAssured.requestSpecification = null;
    }

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void routesByTheLongestPrefixAtSegmentBoundaries() {
        assertRoutedTo("/api/v1/products", "product");
        assertRoutedTo("/api/v1/products/42/features", "product");
        assertRoutedTo("/api/v1/products/special", "feedback");
        assertRoutedTo("/api/v1/products/special/7", "feedback");
        assertRoutedTo("/api/v1/products/specialist", "product");
        assertRoutedTo("/api/v1/roadmap", "product");
        assertRoutedTo("/api/v1/feedback/9/comments", "feedback");
        assertRoutedTo("/api/v1/imports", "feedback");
        assertRoutedTo("/api/v1/feedback/imports", "feedback");

        given().get("/api/v1/productsX").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/feedbacks").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void eachRecordsHistoryGoesToTheServiceThatKeepsIt() {
        String id = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50";
        for (String kind : List.of("products", "features", "objectives", "releases")) {
            assertRoutedTo("/api/v1/" + kind + "/" + id + "/history", "product");
        }
        // project-service is down in these tests: its routes are read from the table
        for (String path : List.of("/api/v1/projects/" + id + "/history", "/api/v1/tasks/" + id + "/history",
                "/api/v1/projects/" + id + "/risks/" + id + "/history")) {
            assertEquals("project", upstreams.routes().match(path).orElseThrow().upstream(), path);
        }
        assertRoutedTo("/api/v1/customers/" + id + "/history", "feedback");
        assertRoutedTo("/api/v1/feedback/" + id + "/history", "feedback");
    }

    private static void assertRoutedTo(String path, String upstream) {
        given().get(path).then()
                .statusCode(200)
                .header("X-Upstream", upstream)
                .body("upstream", is(upstream))
                .body("path", is(path));
    }

    @Test
    void forwardsMethodPathAndQueryUnchanged() {
        given().urlEncodingEnabled(false)
                .get("/api/v1/features/abc?sort=-rice&limit=5&q=a%20b&tag=x&tag=y")
                .then().statusCode(200)
                .body("method", is("GET"))
                .body("path", is("/api/v1/features/abc"))
                .body("query", is("sort=-rice&limit=5&q=a%20b&tag=x&tag=y"));
        given().delete("/api/v1/features/abc").then().statusCode(200).body("method", is("DELETE"));
        given().head("/api/v1/features/abc").then().statusCode(200).header("X-Upstream", "product");
    }

    @Test
    void jsonBodyAndStatusPassThroughBothWays() {
        String json = "{\"text\":\"Export to CSV, s'il vous plaît — ünïcødé\",\"customerId\":\"c-1\"}";
        given().contentType(ContentType.JSON).body(json)
                .post("/api/v1/feedback?status=201")
                .then().statusCode(201)
                .contentType(startsWith("application/json"))
                .header("X-Upstream", "feedback")
                .body("method", is("POST"))
                .body("headers.content-type", startsWith("application/json"))
                .body("body", is(json));
        given().contentType(ContentType.JSON).body("{\"name\":\"\"}")
                .put("/api/v1/products/1?status=422")
                .then().statusCode(422)
                .body("method", is("PUT"))
                .body("body", is("{\"name\":\"\"}"));
    }

    @Test
    void largeBodiesStreamThroughInBothDirections() {
        byte[] upload = new byte[900 * 1024];
        new Random(42).nextBytes(upload);
        given().contentType("application/octet-stream").body(upload)
                .post("/api/v1/imports")
                .then().statusCode(200)
                .body("bodyLength", is(upload.length))
                .body("bodySha256", is(TestUpstreams.sha256(upload)));

        int chunks = 40; // 2.5 MiB, more than the gateway's request body limit: responses are not limited
        byte[] download = given().get("/api/v1/products/stream?chunks=" + chunks)
                .then().statusCode(200).extract().asByteArray();
        assertEquals(chunks * 64 * 1024, download.length);
        for (int i = 0; i < chunks; i++) {
            assertEquals((byte) ('a' + i % 26), download[i * 64 * 1024], "chunk " + i);
            assertEquals((byte) ('a' + i % 26), download[(i + 1) * 64 * 1024 - 1], "end of chunk " + i);
        }
    }

    @Test
    void chunkedRequestBodiesGoThroughJsonOrNot() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String json = "{\"text\":\"sent in chunks\",\"n\":" + "1".repeat(5000) + "}";
        byte[] binary = new byte[300 * 1024];
        new Random(7).nextBytes(binary);
        for (Object[] c : new Object[][] {{"application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8)},
                {"application/octet-stream", binary}}) {
            byte[] body = (byte[]) c[1];
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                    + "/api/v1/imports?status=202"))
                    .timeout(Duration.ofSeconds(10))
                    .header(AccessControl.API_KEY_HEADER, TestKeys.admin(apiKeys))
                    .header("Content-Type", (String) c[0])
                    // an InputStream of unknown length: sent with Transfer-Encoding: chunked
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                    .build();
            java.net.http.HttpResponse<String> response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());
            io.restassured.path.json.JsonPath echoed = new io.restassured.path.json.JsonPath(response.body());
            assertEquals(body.length, echoed.getInt("bodyLength"), (String) c[0]);
            assertEquals(TestUpstreams.sha256(body), echoed.getString("bodySha256"), (String) c[0]);
        }
    }

    @Test
    void anUpstreamBreakingOffMidBodyBreaksTheClientConnectionToo() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/products/cut"))
                .header(AccessControl.API_KEY_HEADER, TestKeys.admin(apiKeys))
                .timeout(Duration.ofSeconds(10)).build();
        // a truncated body must not look like a complete one
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()));
    }

    @Test
    void requestBodyOverTheLimitIsA413Problem() {
        byte[] tooBig = new byte[1024 * 1024 + 1];
        given().contentType("application/octet-stream").body(tooBig)
                .post("/api/v1/imports")
                .then().statusCode(413)
                .contentType(PROBLEM)
                .body("status", is(413));
    }

    @Test
    void bulkImportsStreamPastTheGeneralLimitWithOrWithoutContentLength() throws Exception {
        byte[] rows = "{\"source\":\"SUPPORT\",\"externalReference\":\"ZD-1\"}\n".repeat(60_000)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8); // ~2.7 MB, over the 1 MB of other routes
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(rows));
        for (String path : List.of("/api/v1/imports/feedback", "/api/v1/feedback/imports")) {
            given().contentType("application/x-ndjson").body(rows).post(path)
                    .then().statusCode(200)
                    .body("upstream", is("feedback")).body("path", is(path))
                    .body("bodyLength", is(rows.length)).body("bodySha256", is(sha256));
        }
        // chunked (no Content-Length): streamed through as well, every byte
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(RestAssured.baseURI + ":"
                        + RestAssured.port + "/api/v1/imports/feedback"))
                .header(AccessControl.API_KEY_HEADER, TestKeys.admin(apiKeys))
                .header("Content-Type", "application/x-ndjson")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(rows)))
                .timeout(Duration.ofSeconds(30)).build();
        var answer = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"bodySha256\":\"" + sha256 + "\""), answer.body());
        assertTrue(answer.body().contains("\"transfer-encoding\":\"chunked\""), "sent on chunked: " + answer.body());
        // every other route keeps the general limit
        given().contentType(ContentType.JSON).body(rows).post("/api/v1/products")
                .then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void metricsNameTheRouteNotTheRawPath() {
        given().get("/api/v1/nope/metrics-probe-1").then().statusCode(404);
        given().get("/api/v1/roadmap/metrics-probe-2").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/v1/roadmap/*\""), "no route template in the HTTP metrics");
        assertTrue(!metrics.contains("metrics-probe"), "raw paths leak into metric tags");
    }

    @Test
    void filtersCanRejectBeforeRoutingOrEnrichTheUpstreamRequestAsynchronously() {
        given().header("X-Test-Filter", "deny").header("X-Request-Id", "filter-1").get("/api/v1/nope")
                .then().statusCode(401).contentType(PROBLEM)
                .header("X-Request-Id", "filter-1")
                .body("type", is("https://tandem.dev/problems/unauthenticated"))
                .body("requestId", is("filter-1"));
        String json = "{\"text\":\"body survives an asynchronous filter\"}";
        given().header("X-Test-Filter", "enrich").header("Authorization", "Bearer from-client")
                .contentType(ContentType.JSON).body(json)
                .post("/api/v1/feedback")
                .then().statusCode(200)
                .body("headers.authorization", is("Internal test-token"))
                .body("headers.x-tandem-upstream-seen", is("feedback"))
                .body("body", is(json));
    }

    @Test
    void dropsHopByHopHeadersAndAddsForwardedOnes() {
        Response response = given()
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("X-Custom", "kept")
                .header("Authorization", "Bearer end-to-end")
                .header("X-Forwarded-For", "203.0.113.7")
                // a client's own host and scheme claims are replaced: the gateway says what it saw
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .get("/api/v1/products/1?hop=1");
        response.then().statusCode(200)
                .body("headers.x-custom", is("kept"))
                .body("headers.authorization", nullValue()) // credentials end at the gateway
                .body("headers.x-api-key", nullValue())
                .body("headers.x-tandem-internal-token", startsWith("eyJ"))
                .body("headers.proxy-authorization", nullValue())
                .body("headers.x-forwarded-for", is("203.0.113.7, 127.0.0.1"))
                .body("headers.x-forwarded-proto", is("http"))
                .body("headers.x-forwarded-host", startsWith("localhost:"))
                .body("headers.host", startsWith("127.0.0.1:"))
                .header("X-Private-Hop", nullValue())
                .header("Proxy-Authenticate", nullValue())
                .header("X-Upstream", "product");
    }

    @Test
    void saneRequestIdIsForwardedAndEchoed() {
        given().header("X-Request-Id", "client.ID_42-abc")
                .get("/api/v1/products")
                .then().statusCode(200)
                .header("X-Request-Id", "client.ID_42-abc")
                .body("headers.x-request-id", is("client.ID_42-abc"));
    }

    @Test
    void missingOrUnsafeRequestIdIsReplacedByANewOne() {
        for (String unsafe : new String[] {"has spaces in it", "x".repeat(129), "semi;colon", "<script>"}) {
            Response response = given().header("X-Request-Id", unsafe).get("/api/v1/products");
            String id = response.header("X-Request-Id");
            response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
            assertEquals(id, response.jsonPath().getString("headers.x-request-id"));
        }
        Response fresh = given().get("/api/v1/products");
        fresh.then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
        assertEquals(fresh.header("X-Request-Id"), fresh.jsonPath().getString("headers.x-request-id"));
        assertNotEquals(fresh.header("X-Request-Id"), given().get("/api/v1/products").header("X-Request-Id"));
    }

    @Test
    void unknownApiPathIsA404Problem() {
        Response response = given().header("X-Request-Id", "nope-1").get("/api/v1/nope/1?x=y");
        response.then().statusCode(404)
                .contentType(PROBLEM)
                .header("X-Request-Id", "nope-1")
                .body("type", is("https://tandem.dev/problems/not-found"))
                .body("title", is("Not found"))
                .body("status", is(404))
                .body("detail", containsString("/api/v1/nope/1"))
                .body("instance", is("/api/v1/nope/1"))
                .body("requestId", is("nope-1"));
        given().contentType(ContentType.JSON).body("{\"a\":1}").post("/api/v2/products")
                .then().statusCode(404).contentType(PROBLEM).body("instance", is("/api/v2/products"));
    }

    @Test
    void closedPortIsA502ProblemNamingTheUpstream() {
        given().header("X-Request-Id", "down-1").get("/api/v1/projects/7")
                .then().statusCode(502)
                .contentType(PROBLEM)
                .header("X-Request-Id", "down-1")
                .body("type", is("https://tandem.dev/problems/upstream-unreachable"))
                .body("title", is("Bad gateway"))
                .body("status", is(502))
                .body("detail", containsString("'project'"))
                .body("instance", is("/api/v1/projects/7"))
                .body("requestId", is("down-1"));
    }

    @Test
    void idempotentReadsAreRetriedOnceOn503OrARefusedConnectionAndNothingElseIs() {
        given().get("/api/v1/products/flaky?n=1").then().statusCode(200).body("method", is("GET"));
        given().head("/api/v1/products/flaky?n=2").then().statusCode(200);
        // a POST may have had its effect: the upstream's 503 goes to the client as it is
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/products/flaky?n=3").then()
                .statusCode(503).body("flaky", is(true));
        // a refused connection is tried twice, then it is the 502 problem (and counts once for the circuit)
        given().get("/api/v1/projects/retried").then().statusCode(502)
                .body("type", is("https://tandem.dev/problems/upstream-unreachable"));
    }

    @Test
    void slowUpstreamIsA504WithinItsTimeout() {
        long start = System.nanoTime();
        given().get("/api/v1/slow/1")
                .then().statusCode(504)
                .contentType(PROBLEM)
                .body("type", is("https://tandem.dev/problems/upstream-timeout"))
                .body("status", is(504))
                .body("detail", containsString("'slow'"))
                .body("instance", is("/api/v1/slow/1"))
                .body("requestId", matchesPattern(UUID_PATTERN));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.toMillis() >= TestUpstreams.SLOW_TIMEOUT_MILLIS - 50, "answered too early: " + took);
        assertTrue(took.toMillis() < TestUpstreams.SLOW_MILLIS - 500, "not cut off at the timeout: " + took);
    }

    @Test
    void aRoutesOwnTimeoutReplacesItsUpstreamsEitherWay() {
        // longer than the slow upstream's own 500 ms: a 1 s answer comes through
        given().get("/api/v1/slow/patient/1?delay=1000").then().statusCode(200).body("late", is(true));
        // ... but not one beyond the route's own timeout
        long start = System.nanoTime();
        given().header("X-Request-Id", "route-timeout-1")
                .get("/api/v1/slow/patient/2?delay=" + (TestUpstreams.PATIENT_TIMEOUT_MILLIS + 2_000))
                .then().statusCode(504)
                .contentType(PROBLEM)
                .header("X-Request-Id", "route-timeout-1")
                .body("type", is("https://tandem.dev/problems/upstream-timeout"))
                .body("status", is(504))
                .body("detail", is("Upstream 'slow' did not answer within " + TestUpstreams.PATIENT_TIMEOUT_MILLIS + " ms"))
                .body("instance", is("/api/v1/slow/patient/2"))
                .body("requestId", is("route-timeout-1"));
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(took >= TestUpstreams.PATIENT_TIMEOUT_MILLIS - 50, "answered before the route's timeout: " + took);
        assertTrue(took < TestUpstreams.PATIENT_TIMEOUT_MILLIS + 1_500, "not cut off at the route's timeout: " + took);

        // shorter than the product upstream's 10 s: cut off at 300 ms
        start = System.nanoTime();
        given().post("/api/v1/features/hurried?delay=3000").then().statusCode(504)
                .contentType(PROBLEM)
                .body("detail", is("Upstream 'product' did not answer within " + TestUpstreams.HURRIED_TIMEOUT_MILLIS + " ms"))
                .body("requestId", matchesPattern(UUID_PATTERN));
        took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(took < TestUpstreams.HURRIED_TIMEOUT_MILLIS + 1_200, "not cut off at the route's timeout: " + took);
        // the same upstream's other routes keep the upstream's timeout
        given().get("/api/v1/features/1?delay=" + (TestUpstreams.HURRIED_TIMEOUT_MILLIS + 400)).then()
                .statusCode(200).body("upstream", is("product"));
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndThenAnswer503AtOnce() {
        for (int i = 0; i < TestUpstreams.CIRCUIT_THRESHOLD; i++) {
            given().get("/api/v1/broken/" + i).then().statusCode(502).body("detail", containsString("'broken'"));
        }
        long start = System.nanoTime();
        given().get("/api/v1/broken/again")
                .then().statusCode(503)
                .contentType(PROBLEM)
                .header("Retry-After", matchesPattern("\\d+"))
                .body("type", is("https://tandem.dev/problems/upstream-unavailable"))
                .body("detail", containsString("'broken'"))
                .body("instance", is("/api/v1/broken/again"));
        // answered by the open circuit, not by waiting on the upstream (a hang guard only: the machine is shared)
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 10_000);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.'broken.circuit'", is("OPEN"))
                .body("checks.find { it.name == 'upstreams' }.data.'product.circuit'", is("CLOSED"));
    }

    @Test
    void writesOneAccessLogLinePerRequest() throws InterruptedException {
        List<String> lines;
        try (AccessLogLines log = AccessLogLines.capture()) {
            lines = log.lines();
            given().header("X-Request-Id", "access-log-1").get("/api/v1/products/5").then().statusCode(200);
            given().header("X-Request-Id", "access-log-2").get("/api/v1/unknown").then().statusCode(404);
            await("both access log lines").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> lines.stream().filter(l -> l.contains("requestId=access-log-")).count() >= 2);
        }
        String ok = lines.stream().filter(l -> l.contains("requestId=access-log-1 ")).findFirst().orElseThrow();
        assertTrue(ok.matches(".*method=GET path=/api/v1/products/5 route=/api/v1/products upstream=product "
                + "status=200 durationMs=\\d+ .*"), ok);
        String notFound = lines.stream().filter(l -> l.contains("requestId=access-log-2 ")).findFirst().orElseThrow();
        assertTrue(notFound.matches(".*route=- upstream=- status=404 durationMs=\\d+ .*problem=not-found.*"), notFound);
        assertEquals(1, lines.stream().filter(l -> l.contains("requestId=access-log-1 ")).count());
    }
}
