package dev.tandem.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiConventionsTest {

    @Test
    void documentHasTheSharedComponents() {
        ValidatableResponse doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        doc.body("components.schemas", hasKey("Problem"))
                .body("components.schemas.Problem.properties", hasKey("requestId"))
                .body("components.schemas", hasKey("FieldError"));
        for (String response : ApiConventionsOpenApiFilter.RESPONSES.keySet()) {
            int status = ApiConventionsOpenApiFilter.RESPONSES.get(response);
            doc.body("components.responses." + response + ".content.'application/problem+json'.schema.$ref",
                            equalTo("#/components/schemas/Problem"))
                    .body("components.responses." + response + ".content.'application/problem+json'.examples."
                            + response + ".value.status", equalTo(status));
        }
        for (String parameter : new String[] {"Idempotency-Key", "If-Match", "X-Request-Id", "limit", "cursor"}) {
            doc.body("components.parameters", hasKey(parameter));
        }
        doc.body("components.parameters.limit.in", equalTo("query"))
                .body("components.parameters.limit.schema.maximum", equalTo(200))
                .body("components.parameters.'Idempotency-Key'.in", equalTo("header"))
                .body("components.headers", hasKey("X-Request-Id"))
                .body("components.headers", hasKey("ETag"));
    }

    @Test
    void operationsCanReferenceThem() {
        ValidatableResponse doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        doc.body("paths.'/test/widgets'.post.responses.'400'.$ref", equalTo("#/components/responses/BadRequest"))
                .body("paths.'/test/widgets'.post.responses.'422'.$ref", equalTo("#/components/responses/Unprocessable"))
                .body("paths.'/test/widgets'.post.parameters.find { it.$ref }.$ref",
                        equalTo("#/components/parameters/Idempotency-Key"))
                .body("paths.'/test/widgets'.get.parameters.$ref", notNullValue());
    }
}
