package dev.tandem.platform.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {
    @Test
    void appStartsOnRealInfrastructure() {
        given().get("/test/ping").then().statusCode(200).body(equalTo("pong"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
