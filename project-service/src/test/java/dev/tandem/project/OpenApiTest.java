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

    @Test
    void documentsExecutionEndpointsWithTheirErrors() {
        var doc = given().get("/q/openapi?format=json").then().statusCode(200);
        doc.body("paths.'/api/v1/projects/{projectId}/tasks'.post.operationId", equalTo("createTask"))
                .body("paths.'/api/v1/projects/{projectId}/tasks'.get.operationId", equalTo("listTasks"))
                .body("paths.'/api/v1/tasks/{id}'.get.operationId", equalTo("getTask"))
                .body("paths.'/api/v1/tasks/{id}'.patch.operationId", equalTo("updateTask"))
                .body("paths.'/api/v1/tasks/{id}/status'.post.operationId", equalTo("changeTaskStatus"))
                .body("paths.'/api/v1/projects/{projectId}/schedule'.get.operationId", equalTo("getSchedule"))
                .body("paths.'/api/v1/projects/{projectId}/health'.get.operationId", equalTo("getProjectHealth"))
                .body("paths.'/api/v1/projects/{projectId}/burndown'.get.operationId", equalTo("getBurndown"))
                .body("paths.'/api/v1/projects/{projectId}/members'.post.operationId", equalTo("addMember"))
                .body("paths.'/api/v1/projects/{projectId}/time-entries'.post.operationId", equalTo("recordTime"))
                .body("paths.'/api/v1/projects/{projectId}/expenses'.post.operationId", equalTo("recordExpense"))
                .body("paths.'/api/v1/projects/over-allocation'.get.operationId", equalTo("getOverAllocation"))
                .body("paths.'/api/v1/projects/{projectId}/risks'.get.operationId", equalTo("listRisks"))
                .body("paths.'/api/v1/projects/{projectId}/risks/{riskId}'.patch.operationId", equalTo("updateRisk"))
                .body("paths.'/api/v1/projects/{projectId}/tasks'.post.requestBody.content.'application/json'.examples.button.value",
                        notNullValue())
                .body("paths.'/api/v1/tasks/{id}'.patch.responses.'422'.'$ref'",
                        equalTo("#/components/responses/Unprocessable"))
                .body("paths.'/api/v1/tasks/{id}'.patch.responses.'412'.'$ref'",
                        equalTo("#/components/responses/PreconditionFailed"))
                .body("paths.'/api/v1/projects/{projectId}/expenses'.post.responses.'422'.'$ref'",
                        equalTo("#/components/responses/Unprocessable"));
    }

    @Test
    void documentsEachRecordsHistoryAndWhoCreatedAndChangedIt() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        String[][] histories = {{"/api/v1/projects/{id}/history", "getProjectHistory"},
                {"/api/v1/tasks/{id}/history", "getTaskHistory"},
                {"/api/v1/projects/{projectId}/risks/{riskId}/history", "getRiskHistory"}};
        for (String[] h : histories) {
            String op = "paths.'" + h[0] + "'.get";
            doc.body(op + ".operationId", equalTo(h[1]))
                    .body(op + ".summary", notNullValue())
                    .body(op + ".responses.'200'.content.'application/json'.schema.'$ref'",
                            equalTo("#/components/schemas/HistoryPage"))
                    .body(op + ".responses.'200'.content.'application/json'.examples.history", notNullValue())
                    .body(op + ".responses.'404'.'$ref'", equalTo("#/components/responses/NotFound"));
        }
        for (String record : new String[] {"Project", "Task", "Risk", "Program", "Milestone", "Member"}) {
            doc.body("components.schemas." + record + ".properties.createdBy.'$ref'",
                    equalTo("#/components/schemas/Actor"))
                    .body("components.schemas." + record + ".properties.updatedBy.'$ref'",
                            equalTo("#/components/schemas/Actor"));
        }
        doc.body("components.schemas.TimeEntry.properties.createdBy.'$ref'", equalTo("#/components/schemas/Actor"));
    }
}
