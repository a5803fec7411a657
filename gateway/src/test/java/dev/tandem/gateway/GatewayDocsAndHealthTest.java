package dev.tandem.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(TestUpstreams.class)
class GatewayDocsAndHealthTest {

    @ConfigProperty(name = "tandem.gateway.upstreams.project.url")
    String projectUrl;

    @ConfigProperty(name = "tandem.gateway.upstreams.product.url")
    String productUrl;

    @Test
    void mergedOpenApiHasThePathsOfEveryReachableUpstream() {
        given().get("/openapi").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("openapi", startsWith("3."))
                .body("info.title", is("Tandem API"))
                .body("servers[0].url", is("/"))
                .body("paths", hasKey("/api/v1/products"))
                .body("paths", hasKey("/api/v1/features/{id}"))
                .body("paths", hasKey("/api/v1/feedback"))
                .body("paths", hasKey("/api/v1/catalog/features"))
                .body("paths", hasKey("/api/v1/slow"))
                .body("paths.'/api/v1/products'.x-tandem-upstream", is("product"))
                .body("paths.'/api/v1/feedback'.x-tandem-upstream", is("feedback"))
                // documented by a service, but not routed to it by the gateway: left out
                .body("paths", not(hasKey("/q/internal")))
                .body("paths", not(hasKey("/api/v1/products/{id}/feedback")))
                .body("x-tandem-upstreams.name", hasItems("product", "feedback", "slow"));
    }

    @Test
    void mergedOpenApiMarksTheUpstreamsItCouldNotReach() {
        given().get("/openapi").then()
                .statusCode(200)
                .body("x-tandem-missing-upstreams", containsInAnyOrder("project", "broken"));
    }

    @Test
    void mergedOpenApiKeepsEqualComponentsOnceAndRenamesClashingOnes() {
        given().get("/openapi").then()
                .statusCode(200)
                // identical in product and feedback: kept once, under its own name
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("FieldError"))
                .body("components.schemas", not(hasKey("feedback_Problem")))
                .body("components.schemas", not(hasKey("product_Problem")))
                // same name, different content: each side gets its service's name, refs follow
                .body("components.schemas", not(hasKey("Feature")))
                .body("components.schemas.product_Feature.properties", hasKey("status"))
                .body("components.schemas.feedback_Feature.properties", hasKey("name"))
                .body("components.schemas.Feedback.properties.feature.'$ref'", is("#/components/schemas/feedback_Feature"))
                .body("paths.'/api/v1/catalog/features'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/feedback_Feature"))
                .body("paths.'/api/v1/features/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/product_Feature"))
                .body("paths.'/api/v1/products'.get.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        is("#/components/schemas/Problem"))
                .body("paths.'/api/v1/products'.get.operationId", is("listProducts"))
                .body("paths.'/api/v1/features/{id}'.get.operationId", is("product_getFeature"))
                .body("paths.'/api/v1/catalog/features'.get.operationId", is("feedback_getFeature"))
                .body("tags.name", hasItems("Products", "Feedback", "Features (product)", "Features (feedback)"))
                .body("tags.name", not(hasItem("Features")))
                .body("paths.'/api/v1/catalog/features'.get.tags", hasItem("Features (feedback)"));
    }

    @Test
    void mergedOpenApiDeclaresTheSecuritySchemesAndEachOperationsScope() {
        given().get("/openapi").then()
                .statusCode(200)
                .body("components.securitySchemes.apiKey.type", is("apiKey"))
                .body("components.securitySchemes.apiKey.name", is("X-API-Key"))
                .body("components.securitySchemes.bearer.scheme", is("bearer"))
                .body("paths.'/api/v1/products'.get.security.apiKey", hasItem(List.of("products:read")))
                .body("paths.'/api/v1/products'.get.security.bearer", hasItem(List.of("products:read")))
                .body("paths.'/api/v1/products'.get.x-tandem-scope", is("products:read"))
                .body("paths.'/api/v1/catalog/features'.get.x-tandem-scope", is("feedback:read"))
                .body("paths.'/api/v1/products'.get.responses.'401'.'$ref'", is("#/components/responses/Unauthorized"))
                .body("paths.'/api/v1/products'.get.responses.'403'.'$ref'", is("#/components/responses/Forbidden"))
                .body("paths.'/api/v1/products'.get.responses.'429'.'$ref'", is("#/components/responses/TooManyRequests"))
                .body("components.responses.Unauthorized.content.'application/problem+json'.example.status", is(401))
                // an operation that takes a body may get the gateway's 408 (the body did not arrive in time)
                .body("paths.'/api/v1/admin/api-keys'.post.responses.'408'.'$ref'",
                        is("#/components/responses/RequestTimeout"))
                .body("paths.'/api/v1/admin/api-keys'.get.responses", not(hasKey("408")))
                .body("components.responses.RequestTimeout.content.'application/problem+json'.example.type",
                        is("https://tandem.dev/problems/request-timeout"))
                // the gateway's own composed view is documented too
                .body("paths.'/api/v1/products/{id}/overview'.get.operationId", is("getProductOverview"))
                .body("paths.'/api/v1/products/{id}/overview'.get.x-tandem-scope", is("products:read"))
                .body("paths.'/api/v1/products/{id}/overview'.get.responses", hasKey("404"))
                .body("paths.'/api/v1/products/{id}/overview'.get.responses", hasKey("504"));
    }

    @Test
    void mergedOpenApiHasTheGatewaysOwnOperationsWithTheirScopes() {
        given().get("/openapi").then()
                .statusCode(200)
                // the admin API (JAX-RS, from the gateway's own document), with scope admin
                .body("paths.'/api/v1/admin/api-keys'.x-tandem-upstream", is("gateway"))
                .body("paths.'/api/v1/admin/api-keys'.post.operationId", is("createApiKey"))
                .body("paths.'/api/v1/admin/api-keys'.post.security.apiKey", hasItem(List.of("admin")))
                .body("paths.'/api/v1/admin/api-keys'.post.x-tandem-scope", is("admin"))
                .body("paths.'/api/v1/admin/api-keys'.post.responses", hasKey("201"))
                .body("paths.'/api/v1/admin/api-keys'.post.responses", hasKey("400"))
                .body("paths.'/api/v1/admin/api-keys'.post.responses", hasKey("429"))
                .body("paths.'/api/v1/admin/api-keys'.post.requestBody.content.'application/json'.examples", hasKey("crm"))
                .body("paths.'/api/v1/admin/api-keys'.get.operationId", is("listApiKeys"))
                .body("paths.'/api/v1/admin/api-keys'.get.parameters.'$ref'",
                        hasItems("#/components/parameters/limit", "#/components/parameters/cursor"))
                .body("paths.'/api/v1/admin/api-keys/{id}'.delete.operationId", is("revokeApiKey"))
                .body("paths.'/api/v1/admin/api-keys/{id}'.get.x-tandem-scope", is("admin"))
                .body("components.schemas", hasKey("IssuedApiKey"))
                .body("components.schemas", hasKey("ApiKeyStatus"))
                // the event stream: any one read scope is enough
                .body("paths.'/api/v1/events'.get.operationId", is("streamEvents"))
                .body("paths.'/api/v1/events'.get.summary", containsString("Server-Sent Events"))
                .body("paths.'/api/v1/events'.get.x-tandem-scope", is("feedback:read|products:read|projects:read"))
                .body("paths.'/api/v1/events'.get.security.apiKey",
                        hasItems(List.of("products:read"), List.of("projects:read"), List.of("feedback:read")))
                .body("paths.'/api/v1/events'.get.responses.'200'.content", hasKey("text/event-stream"))
                .body("paths.'/api/v1/events'.get.responses", hasKey("400"))
                .body("paths.'/api/v1/events'.get.responses", hasKey("503"))
                .body("paths.'/api/v1/events'.get.responses.'403'.'$ref'", is("#/components/responses/Forbidden"))
                .body("paths.'/api/v1/events'.get.parameters.name", hasItems("type", "subject", "Last-Event-ID"))
                .body("tags.name", hasItems("API keys", "Overview", "Events"))
                // the gateway is no upstream
                .body("x-tandem-upstreams.name", not(hasItem("gateway")));
    }

    @Test
    void mergedOpenApiComesAsYamlOnRequest() {
        given().get("/openapi?format=yaml").then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("openapi: "))
                .body(containsString("/api/v1/feedback:"))
                .body(containsString("x-tandem-missing-upstreams:"));
    }

    @Test
    void gatewaysOwnDocumentStaysAtQOpenapiAndDoesNotShadowTheMergedOne() {
        given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths", not(hasKey("/api/v1/products")));
        given().get("/openapi").then().statusCode(200).body("paths", hasKey("/api/v1/products"));
    }

    @Test
    void theAsyncApiDocumentAndItsSchemasAreServedOpenly() {
        given().redirects().follow(false).get("/asyncapi").then().statusCode(302)
                .header("Location", containsString("/asyncapi/asyncapi.yaml"));
        String document = given().get("/asyncapi/asyncapi.yaml").then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("asyncapi: "))
                .body(containsString("tandem.product.events"))
                .extract().asString();
        // a schema the document refers to relatively resolves next to it
        java.util.regex.Matcher ref = java.util.regex.Pattern.compile("\\$ref: '\\./(schemas/[^']+)'").matcher(document);
        assertTrue(ref.find(), "no relative schema reference in the document");
        given().get("/asyncapi/" + ref.group(1)).then().statusCode(200)
                .contentType(startsWith("application/schema+json"))
                .body("type", is("object"));
        given().get("/asyncapi/schemas/nope.schema.json").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/asyncapi/EventType.class").then().statusCode(404);
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        String index = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        // the generated page configures Swagger UI with url: '/openapi' (or urls: [{url: "/openapi", ...}])
        assertTrue(java.util.regex.Pattern.compile("url: ?['\"]/openapi['\"]").matcher(index).find(),
                "Swagger UI does not load /openapi:\n" + index);
        assertFalse(index.contains("/q/openapi"), "Swagger UI still loads the gateway's own document:\n" + index);
    }

    @Test
    void readinessReportsEveryUpstreamButStaysUp() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.product", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'product.url'", is(productUrl))
                .body("checks.find { it.name == 'upstreams' }.data.feedback", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.project", is("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.'project.url'", is(projectUrl))
                .body("checks.find { it.name == 'upstreams' }.data.'project.error'", containsString("onnection refused"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }
}
