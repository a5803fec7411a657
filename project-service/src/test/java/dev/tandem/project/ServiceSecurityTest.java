package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import dev.tandem.devstack.testing.TestTokens;
import dev.tandem.project.project.Project;
import io.quarkus.test.junit.QuarkusTest;
import dev.tandem.devstack.testing.InternalTokenCallback;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request that reaches project-service without the gateway's internal token, or with one lacking the scope, is
 * refused by the service itself; health and the OpenAPI document stay open.
 */
@QuarkusTest
class ServiceSecurityTest {

    private static final String BODY = """
            {"key": "SEC1", "name": "Secured"}""";

    @BeforeEach
    void withoutTheDefaultToken() {
        InternalTokenCallback.withoutToken();
    }

    @Test
    void noTokenIs401WithWwwAuthenticateAndNothingIsWritten() {
        long before = Project.count();
        given().get("/api/v1/projects").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-Tandem-Internal-Token"));
        given().contentType(ContentType.JSON).body(BODY).post("/api/v1/projects").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer tnd_live_0000_forged").body(BODY)
                .post("/api/v1/projects").then().statusCode(401);
        assertEquals(before, Project.count());
    }

    @Test
    void aTokenWithoutTheScopeIs403() {
        long before = Project.count();
        given().header(TestTokens.HEADER, TestTokens.mint("projects:read")).contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/projects").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        given().header(TestTokens.HEADER, TestTokens.mint("feedback:read", "feedback:write"))
                .get("/api/v1/projects").then().statusCode(403);
        assertEquals(before, Project.count());
        given().header(TestTokens.HEADER, TestTokens.mint("projects:read")).get("/api/v1/projects").then()
                .statusCode(200);
        given().header(TestTokens.HEADER, TestTokens.mint("admin")).get("/api/v1/projects").then().statusCode(200);
    }

    @Test
    void expiredOrForeignSignedTokensAre401() {
        String expired = TestTokens.mint("test-user", Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1),
                "projects:read");
        given().header(TestTokens.HEADER, expired).get("/api/v1/projects").then().statusCode(401);
        String valid = TestTokens.mint("projects:read");
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        given().header(TestTokens.HEADER, tampered).get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void healthAndTheOpenApiDocumentStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }
}
