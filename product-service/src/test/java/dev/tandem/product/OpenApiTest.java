package dev.tandem.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service's OpenAPI document names every operation, with examples and error responses. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsDocumented() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        doc.body("paths.collect { it.value.collect { it.value.operationId } }.flatten()", hasItems(
                "createProduct", "listProducts", "getProduct", "updateProduct", "deleteProduct",
                "changeProductLifecycle", "listProductLifecycleHistory",
                "createFeature", "listFeatures", "getFeature", "updateFeature", "changeFeatureStatus",
                "deleteFeature", "pivotProduct", "listProductPivots", "getProductBacklog", "getProductRoadmap",
                "createRelease", "listReleases", "getRelease", "updateRelease", "releaseRelease"));
        doc.body("paths.'/api/v1/releases/{id}/release'.post.responses.'409'.'$ref'",
                equalTo("#/components/responses/Conflict"));
        doc.body("paths.'/api/v1/products/{id}/pivots'.post.responses.'422'.'$ref'",
                equalTo("#/components/responses/Unprocessable"));
        doc.body("paths.'/api/v1/products/{id}/pivots'.post.requestBody.content.'application/json'.examples.enterprise",
                notNullValue());
        doc.body("paths.'/api/v1/features'.post.requestBody.content.'application/json'.examples.reorder",
                notNullValue());
        doc.body("paths.'/api/v1/features/{id}/status'.post.responses.'409'.'$ref'",
                equalTo("#/components/responses/Conflict"));
        doc.body("paths.'/api/v1/products/{id}'.patch.responses.'412'.'$ref'",
                equalTo("#/components/responses/PreconditionFailed"));
        doc.body("paths.'/api/v1/features'.get.parameters.name", hasItems("objectiveId", "releaseId", "risk"));
        doc.body("paths.'/api/v1/features'.post.requestBody.content.'application/json'.examples.'for-an-objective'",
                notNullValue());
        doc.body("paths.'/api/v1/features/{id}'.patch.requestBody.content.'application/json'.examples."
                + "'link-to-objective'", notNullValue());
        doc.body("components.schemas.Feature.properties.objectiveId", notNullValue());
        doc.body("components.schemas.CreateFeature.properties.objectiveId", notNullValue());
        doc.body("components.schemas.UpdateFeature.properties.objectiveId", notNullValue());
        for (String read : new String[] {"/api/v1/features/{id}", "/api/v1/products/{id}", "/api/v1/objectives/{id}",
                "/api/v1/releases/{id}"}) {
            doc.body("paths.'" + read + "'.get.responses.'304'", notNullValue());
            // who did what: every record's history, with an example and its errors
            String history = "paths.'" + read + "/history'.get";
            doc.body(history + ".summary", notNullValue());
            doc.body(history + ".responses.'200'.content.'application/json'.schema.'$ref'",
                    equalTo("#/components/schemas/HistoryPage"));
            doc.body(history + ".responses.'200'.content.'application/json'.examples.history", notNullValue());
            doc.body(history + ".responses.'404'.'$ref'", equalTo("#/components/responses/NotFound"));
            doc.body(history + ".responses.'400'.'$ref'", equalTo("#/components/responses/BadRequest"));
        }
        doc.body("paths.collect { it.value.collect { it.value.operationId } }.flatten()", hasItems(
                "getProductHistory", "getFeatureHistory", "getObjectiveHistory", "getReleaseHistory"));
        for (String record : new String[] {"Product", "Feature", "Objective", "Release"}) {
            doc.body("components.schemas." + record + ".properties.createdBy.'$ref'",
                    equalTo("#/components/schemas/Actor"));
            doc.body("components.schemas." + record + ".properties.updatedBy.'$ref'",
                    equalTo("#/components/schemas/Actor"));
        }
        // a changed field's values are any JSON value: no type, not Jackson's JsonNode internals
        doc.body("components.schemas.FieldChange.properties.from.type", nullValue());
        doc.body("components.schemas.FieldChange.properties.from.'$ref'", nullValue());
        doc.body("components.schemas", not(hasKey("JsonNode")));
        doc.body("components.schemas.HistoryEntry.properties.actor.'$ref'", equalTo("#/components/schemas/Actor"));
    }
}
