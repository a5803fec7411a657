package dev.tandem.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every endpoint is in the OpenAPI document with its operationId, example and error responses. */
@QuarkusTest
class OpenApiTest {

    @Test
    void documentsProgramsAndProjects() {
        var doc = given().get("/q/openapi?format=json").then().statusCode(200);
        doc.body("paths.'/api/v1/programs'.post.operationId", equalTo("createProgram"))
                .body("paths.'/api/v1/programs'.get.operationId", equalTo("listPrograms"))
                .body("paths.'/api/v1/programs/{id}'.get.operationId", equalTo("getProgram"))
                .body("paths.'/api/v1/programs/{id}'.patch.operationId", equalTo("updateProgram"))
                .body("paths.'/api/v1/projects'.post.operationId", equalTo("createProject"))
                .body("paths.'/api/v1/projects'.get.operationId", equalTo("listProjects"))
                .body("paths.'/api/v1/projects/{id}'.get.operationId", equalTo("getProject"))
                .body("paths.'/api/v1/projects/{id}'.patch.operationId", equalTo("updateProject"))
                .body("paths.'/api/v1/projects/{id}/status'.post.operationId", equalTo("changeProjectStatus"))
                .body("paths.'/api/v1/projects'.post.requestBody.content.'application/json'.examples.reorder.value",
                        notNullValue())
                .body("paths.'/api/v1/projects/{id}/status'.post.responses.'409'.'$ref'",
                        equalTo("#/components/responses/Conflict"))
                .body("paths.'/api/v1/projects/{id}'.patch.responses.'412'.'$ref'",
                        equalTo("#/components/responses/PreconditionFailed"));
    }
}
