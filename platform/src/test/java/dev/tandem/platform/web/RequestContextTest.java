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

    /** The rule the gateway applies too (it forwards the id it accepted or made). */
    @Test
    void aSaneIdIsKeptAnythingElseIsReplacedByAFreshOne() {
        assertEquals("abc.DEF_12-3", RequestContext.acceptOrCreate("abc.DEF_12-3"));
        assertEquals("x".repeat(128), RequestContext.acceptOrCreate("x".repeat(128)));
        for (String bad : new String[] {null, "", "x".repeat(129), "a b", "a\nb", "ü", "a;b", "<x>"}) {
            assertFalse(RequestContext.isSaneRequestId(bad), String.valueOf(bad));
            String replaced = RequestContext.acceptOrCreate(bad);
            assertTrue(RequestContext.isSaneRequestId(replaced));
            assertNotEquals(bad, replaced);
        }
    }

    @Test
    void everyResponseCarriesTheRequestIdEvenOutsideRest() {
        given().get("/q/health/live").then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "abc").get("/nowhere").then().statusCode(404).header("X-Request-Id", "abc");
    }

    @Test
    void twoRequestsNeverShareValues() {
        JsonPath a = given().get("/test/widgets/context").jsonPath();
        JsonPath b = given().get("/test/widgets/context").jsonPath();
        assertNotEquals(a.getString("requestId"), b.getString("requestId"));
    }

    @Test
    void outsideARequestItReturnsFreshValues() {
        assertFalse(requestContext.isBound());
        String id1 = requestContext.requestId();
        String id2 = requestContext.requestId();
        assertTrue(id1.matches(UUID_PATTERN), id1);
        assertNotEquals(id1, id2);
    }

    @Test
    void problemBodiesCarryTheSameRequestIdAsTheHeader() {
        given().header("X-Request-Id", "p-1").get("/test/widgets/not-a-uuid")
                .then().statusCode(404).header("X-Request-Id", "p-1").body("requestId", equalTo("p-1"));
    }
}
