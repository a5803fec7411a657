package dev.tandem.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.tandem.gateway.apikey.ApiKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.awaitility.Awaitility;

/**
 * The gateway is one hop of the caller's trace: a server span continuing the incoming {@code traceparent}, a client
 * span for the upstream call, and the upstream receives that client span's context (same trace, new parent).
 */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class GatewayTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    @Inject
    ApiKeys apiKeys;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theUpstreamGetsTheCallersTraceWithTheGatewaysClientSpanAsParent() throws Exception {
        String path = "/api/v1/products/" + UUID.randomUUID();
        Response response;
        List<String> accessLog;
        try (AccessLogLines log = AccessLogLines.capture()) {
            accessLog = log.lines();
            response = given().header("X-API-Key", TestKeys.admin(apiKeys))
                    .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                    .header("tracestate", "congo=t61rcWkgMzE")
                    .get(path);
            response.then().statusCode(200).body("headers.tracestate", is("congo=t61rcWkgMzE"));
            await(() -> accessLog.stream().filter(l -> l.contains("path=" + path + " ")).findFirst(),
                    Optional::isPresent);
        }

        String forwarded = response.jsonPath().getString("headers.traceparent");
        assertTrue(forwarded.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"), forwarded);
        String upstreamParent = forwarded.substring(36, 52);
        assertNotEquals(CALLER_SPAN, upstreamParent, "the upstream's parent is the gateway's span, not the caller's");

        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && path.equals(s.getAttributes().get(URL_PATH)));
        assertEquals(TRACE_ID, server.getTraceId(), "the gateway's server span has the caller's trace id");
        assertEquals(CALLER_SPAN, server.getParentSpanId());
        SpanData client = awaitSpan(s -> s.getKind() == SpanKind.CLIENT
                && String.valueOf(s.getAttributes().get(URL_FULL)).endsWith(path));
        assertEquals(TRACE_ID, client.getTraceId());
        assertEquals(server.getSpanId(), client.getParentSpanId(), "the upstream call is a child of the server span");
        assertEquals(client.getSpanId(), upstreamParent, "the upstream gets the client span's context");

        String line = accessLog.stream().filter(l -> l.contains("path=" + path + " ")).findFirst().orElseThrow();
        assertTrue(line.endsWith("traceId=" + TRACE_ID), line);
    }

    @Test
    void aMissingOrInvalidTraceparentStartsANewTraceAndDropsTracestate() {
        for (String invalid : new String[] {null, "00-00000000000000000000000000000000-" + CALLER_SPAN + "-01",
                "00-zz-zz-zz"}) {
            String path = "/api/v1/products/" + UUID.randomUUID();
            var request = given().header("X-API-Key", TestKeys.admin(apiKeys)).header("tracestate", "congo=x");
            if (invalid != null) {
                request.header("traceparent", invalid);
            }
            Response response = request.get(path);
            response.then().statusCode(200).body("headers.tracestate", nullValue());
            String forwarded = response.jsonPath().getString("headers.traceparent");
            assertTrue(forwarded.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), invalid + " -> " + forwarded);
            SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER
                    && path.equals(s.getAttributes().get(URL_PATH)));
            assertEquals(server.getTraceId(), forwarded.substring(3, 35), "a trace the gateway started");
            assertEquals("0000000000000000", server.getParentSpanId(), "a new trace has no parent");
        }
    }

    @Test
    void eachCallOfTheComposedOverviewIsAClientSpanOfTheSameTrace() {
        UUID id = UUID.randomUUID();
        Response response = given()
                .header("X-API-Key", TestKeys.withScopes(apiKeys, "products:read", "projects:read", "feedback:read"))
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .get("/api/v1/products/" + id + "/overview");
        response.then().statusCode(200);
        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER
                && ("/api/v1/products/" + id + "/overview").equals(s.getAttributes().get(URL_PATH)));
        for (String part : List.of("product", "objectives", "backlog", "feedback")) {
            String forwarded = response.jsonPath().getString(part + ".headers.traceparent");
            assertTrue(forwarded.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"), part + ": " + forwarded);
            SpanData client = awaitSpan(s -> s.getKind() == SpanKind.CLIENT
                    && s.getSpanId().equals(forwarded.substring(36, 52)));
            assertEquals(server.getSpanId(), client.getParentSpanId(), part);
        }
    }

    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        return await(() -> spans.getFinishedSpanItems().stream().filter(wanted).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(probe::get, done);
    }
}
