package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** project-service runs on its own database and the broker, and says so in its readiness. */
@QuarkusTest
class ProjectServiceHealthTest {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void publishesItsOpenApiDocumentAndMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Tandem project-service"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
