package dev.tandem.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every service must do with the gateway's internal token, as tests a service inherits in a
 * {@code @QuarkusTest} subclass: a request that reaches it without the token, with a bad one, or with one lacking the
 * scope is refused by the service itself and writes nothing; health and the OpenAPI document stay open.
 */
public abstract class ServiceSecurityContract {

    /** A collection the service serves, e.g. {@code /api/v1/products}. */
    protected abstract String collectionPath();

    /** A valid body to POST to {@link #collectionPath()}. */
    protected abstract String validCreateBody();

    /** How many resources of that collection exist (to show that nothing was written). */
    protected abstract long count();

    /** The service's scope prefix, e.g. {@code products}. */
    protected abstract String scopePrefix();

    /** Another service's scope prefix. */
    protected abstract String otherScopePrefix();

    @BeforeEach
    void withoutTheDefaultToken() {
        InternalTokenCallback.withoutToken();
    }

    @Test
    void noTokenIs401WithWwwAuthenticateAndNothingIsWritten() {
        long before = count();
        given().get(collectionPath()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString(TestTokens.HEADER));
        given().contentType(ContentType.JSON).body(validCreateBody()).post(collectionPath()).then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer tnd_live_0000_forged")
                .body(validCreateBody()).post(collectionPath()).then().statusCode(401);
        assertEquals(before, count());
    }

    @Test
    void aTokenWithoutTheScopeIs403() {
        long before = count();
        given().header(TestTokens.HEADER, TestTokens.mint(scopePrefix() + ":read")).contentType(ContentType.JSON)
                .body(validCreateBody()).post(collectionPath()).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().header(TestTokens.HEADER, TestTokens.mint(otherScopePrefix() + ":read", otherScopePrefix() + ":write"))
                .get(collectionPath()).then().statusCode(403);
        assertEquals(before, count());
        given().header(TestTokens.HEADER, TestTokens.mint(scopePrefix() + ":read")).get(collectionPath()).then()
                .statusCode(200);
        given().header(TestTokens.HEADER, TestTokens.mint("admin")).get(collectionPath()).then().statusCode(200);
    }

    @Test
    void aWriteScopeIncludesReadingButNotAnotherArea() {
        given().header(TestTokens.HEADER, TestTokens.mint(scopePrefix() + ":write")).get(collectionPath()).then()
                .statusCode(200);
        given().header(TestTokens.HEADER, TestTokens.mint(otherScopePrefix() + ":write")).get(collectionPath())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void expiredOrTamperedTokensAre401() {
        String expired = TestTokens.mint("test-user", Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1),
                scopePrefix() + ":read");
        given().header(TestTokens.HEADER, expired).get(collectionPath()).then().statusCode(401);
        String valid = TestTokens.mint(scopePrefix() + ":read");
        int signature = valid.lastIndexOf('.') + 1;
        String tampered = valid.substring(0, signature) + "AAAA" + valid.substring(signature + 4);
        given().header(TestTokens.HEADER, tampered).get(collectionPath()).then().statusCode(401);
    }

    @Test
    void healthAndTheOpenApiDocumentStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }
}
