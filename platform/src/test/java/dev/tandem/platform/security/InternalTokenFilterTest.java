package dev.tandem.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.tandem.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The service-side check with enforcement on (scope prefix "widgets"), against the platform's test application. */
@QuarkusTest
@TestProfile(SecurityEnabledProfile.class)
class InternalTokenFilterTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aRequestWithoutTokenIs401WithAChallenge() {
        given().header("X-Request-Id", "sec-1").get("/test/ping").then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("TandemInternal"))
                .body("type", is("https://tandem.dev/problems/unauthorized"))
                .body("requestId", is("sec-1"))
                .body("instance", is("/test/ping"))
                .body("detail", containsString("no internal token"));
    }

    @Test
    void expiredForgedAndWronglySignedTokensAre401() {
        String expired = TestTokens.mint("u", Instant.now().minus(Duration.ofMinutes(5)), Duration.ofSeconds(60),
                "widgets:read");
        String otherKey = TestTokens.sign("{\"alg\":\"EdDSA\"}", "{\"iss\":\"tandem-gateway\",\"sub\":\"u\",\"scope\":"
                        + "\"admin\",\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":"
                        + (Instant.now().getEpochSecond() + 60) + "}",
                SecurityKeys.encode(SecurityKeys.generate().getPrivate()));
        String valid = TestTokens.mint("widgets:read");
        String algNone = "eyJhbGciOiJub25lIn0." + valid.split("\\.")[1] + ".";
        for (String token : new String[] {expired, otherKey, algNone, "garbage"}) {
            given().header(TestTokens.HEADER, token).get("/test/ping").then()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .header("WWW-Authenticate", containsString("invalid_token"));
        }
    }

    @Test
    void readsNeedTheReadScopeWhichWriteIncludes() {
        given().header(TestTokens.HEADER, TestTokens.mint("widgets:read")).get("/test/ping").then()
                .statusCode(200).body(equalTo("pong"));
        given().header(TestTokens.HEADER, TestTokens.mint("widgets:write")).get("/test/ping").then()
                .statusCode(200).body(equalTo("pong"));
        given().header(TestTokens.HEADER, TestTokens.mint("admin")).get("/test/ping").then().statusCode(200);
        for (String scope : new String[] {"products:write", "products:read", "widgets", ""}) {
            given().header(TestTokens.HEADER, TestTokens.mint(scope)).get("/test/ping").then()
                    .statusCode(403)
                    .contentType(PROBLEM)
                    .body("type", is("https://tandem.dev/problems/forbidden"))
                    .body("detail", containsString("widgets:read"));
        }
    }

    @Test
    void writesNeedTheWriteScopeAndAreRefusedBeforeTheBodyIsLookedAt() {
        given().header(TestTokens.HEADER, TestTokens.mint("widgets:read")).contentType(ContentType.JSON).body("{}")
                .post("/test/widgets").then()
                .statusCode(403)
                .body("detail", containsString("widgets:write"));
        // with the scope, the request reaches the resource (which then judges the body itself)
        given().header(TestTokens.HEADER, TestTokens.mint("widgets:write")).contentType(ContentType.JSON).body("{}")
                .post("/test/widgets").then()
                .statusCode(not(oneOf(401, 403)))
                .contentType(PROBLEM);
    }

    @Test
    void healthOpenApiAndMetricsStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(notNullValue());
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/healthy-not").then().statusCode(401); // only whole path segments are open
    }
}
