package dev.tandem.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
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
        // the test app uses these; a shared response no operation uses is dropped (see unusedComponentsAreDropped)
        for (String response : new String[] {"BadRequest", "Unprocessable", "PayloadTooLarge", "UnsupportedMediaType",
                "InternalError"}) {
            int status = ApiConventionsOpenApiFilter.RESPONSES.get(response);
            doc.body("components.responses." + response + ".content.'application/problem+json'.schema.$ref",
                            equalTo("#/components/schemas/Problem"))
                    .body("components.responses." + response + ".content.'application/problem+json'.examples."
                            + response + ".value.status", equalTo(status));
        }
        for (String parameter : new String[] {"Idempotency-Key", "If-None-Match", "X-Request-Id", "limit"}) {
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

    @Test
    void everyOperationIsCompletedWithWhatThePlatformDoesForAll() {
        ValidatableResponse doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        doc.body("paths.'/test/widgets'.post.responses.'500'.$ref", equalTo("#/components/responses/InternalError"))
                .body("paths.'/test/widgets'.post.responses.'413'.$ref",
                        equalTo("#/components/responses/PayloadTooLarge"))
                .body("paths.'/test/widgets'.post.responses.'415'.$ref",
                        equalTo("#/components/responses/UnsupportedMediaType"))
                .body("paths.'/test/widgets'.post.responses.'201'.headers.'Idempotency-Replayed'.$ref",
                        equalTo("#/components/headers/Idempotency-Replayed"))
                .body("paths.'/test/widgets'.post.parameters.$ref", hasItem("#/components/parameters/X-Request-Id"))
                .body("paths.'/test/widgets'.get.responses.'500'.$ref", equalTo("#/components/responses/InternalError"))
                .body("paths.'/test/widgets'.get.responses", not(hasKey("415")))
                .body("paths.'/test/widgets/{id}'.get.parameters.$ref",
                        hasItem("#/components/parameters/If-None-Match"))
                .body("paths.'/test/widgets/{id}'.get.parameters.name", not(hasItem("If-None-Match")))
                .body("paths.'/test/widgets/{id}'.get.responses.'304'.headers.ETag.$ref",
                        equalTo("#/components/headers/ETag"));
    }

    @Test
    void unusedComponentsAreDropped() {
        ValidatableResponse doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        // no widget operation declares a 428 or a 412 response, nor refers to the If-Match or cursor parameters
        doc.body("components.responses", not(hasKey("PreconditionRequired")))
                .body("components.responses", not(hasKey("PreconditionFailed")))
                .body("components.parameters", not(hasKey("If-Match")))
                .body("components.parameters", not(hasKey("cursor")));
    }
}
