package dev.tandem.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestContextTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String INCOMING = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Inject
    RequestContext requestContext;

    @Test
    void saneRequestIdIsKeptEchoedAndInTheMdcOfTheWorkerThread() {
        Response r = given().header("X-Request-Id", "Order_42.retry-1").get("/test/widgets/context");
        r.then().statusCode(200).header("X-Request-Id", "Order_42.retry-1");
        JsonPath body = r.jsonPath();
        assertEquals("Order_42.retry-1", body.getString("requestId"));
        assertEquals("Order_42.retry-1", body.getString("mdc"));
        assertTrue(body.getString("thread").contains("executor"), body.getString("thread"));
    }

    @Test
    void missingOrInsaneRequestIdIsReplacedByAUuid() {
        for (String bad : new String[] {null, "", "has space", "x".repeat(129), "semi;colon", "ünïcode"}) {
            var spec = given();
            if (bad != null) {
                spec.header("X-Request-Id", bad);
            }
            Response r = spec.get("/test/widgets/context");
            String echoed = r.header("X-Request-Id");
            assertTrue(echoed.matches(UUID_PATTERN), bad + " -> " + echoed);
            assertEquals(echoed, r.jsonPath().getString("requestId"));
            assertEquals(echoed, r.jsonPath().getString("mdc"));
        }
        assertTrue(RequestContext.isSaneRequestId("x".repeat(128)));
    }

    @Test
    void everyResponseCarriesTheRequestIdEvenOutsideRest() {
        given().get("/q/health/live").then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "abc").get("/nowhere").then().statusCode(404).header("X-Request-Id", "abc");
    }

    @Test
    void validTraceparentKeepsTheTraceWithANewSpan() {
        JsonPath body = given().header("traceparent", INCOMING).get("/test/widgets/context").jsonPath();
        TraceParent ours = TraceParent.parse(body.getString("traceparent")).orElseThrow();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", ours.traceId());
        assertNotEquals("00f067aa0ba902b7", ours.parentId());
        assertEquals("01", ours.flags());
    }

    @Test
    void invalidOrMissingTraceparentStartsANewTrace() {
        for (String bad : new String[] {null, "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "nonsense"}) {
            var spec = given();
            if (bad != null) {
                spec.header("traceparent", bad);
            }
            TraceParent ours = TraceParent.parse(spec.get("/test/widgets/context").jsonPath().getString("traceparent"))
                    .orElseThrow();
            assertEquals("00", ours.version());
            assertEquals("01", ours.flags());
            assertNotEquals("4bf92f3577b34da6a3ce929d0e0e4736", ours.traceId());
        }
    }

    @Test
    void twoRequestsNeverShareValues() {
        JsonPath a = given().get("/test/widgets/context").jsonPath();
        JsonPath b = given().get("/test/widgets/context").jsonPath();
        assertNotEquals(a.getString("requestId"), b.getString("requestId"));
        assertNotEquals(TraceParent.parse(a.getString("traceparent")).orElseThrow().traceId(),
                TraceParent.parse(b.getString("traceparent")).orElseThrow().traceId());
    }

    @Test
    void outsideARequestItReturnsFreshValues() {
        assertFalse(requestContext.isBound());
        String id1 = requestContext.requestId();
        String id2 = requestContext.requestId();
        assertTrue(id1.matches(UUID_PATTERN), id1);
        assertNotEquals(id1, id2);
        TraceParent tp = TraceParent.parse(requestContext.traceparent()).orElseThrow();
        assertEquals("01", tp.flags());
        assertEquals(32, requestContext.traceId().length());
    }

    @Test
    void problemBodiesCarryTheSameRequestIdAsTheHeader() {
        given().header("X-Request-Id", "p-1").get("/test/widgets/not-a-uuid")
                .then().statusCode(404).header("X-Request-Id", "p-1").body("requestId", equalTo("p-1"));
    }
}
