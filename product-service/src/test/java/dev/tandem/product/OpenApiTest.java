package dev.tandem.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

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
        }
    }
}
