package dev.tandem.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.gateway.openapi.OpenApiMerger.ServiceDocument;
import dev.tandem.gateway.routing.Route;
import dev.tandem.gateway.routing.RouteTable;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RouteTable ROUTES = new RouteTable(List.of(
            new Route("/api/v1/products", "product"),
            new Route("/api/v1/features", "product"),
            new Route("/api/v1/feedback", "feedback"),
            new Route("/api/v1/catalog", "feedback")), Set.of("product", "feedback"));
    private static final OpenApiMerger.Settings SETTINGS =
            new OpenApiMerger.Settings("Tandem API", "1.2.3", "all of it", "https://api.example.com");

    private static final String PRODUCT = """
            {"openapi": "3.0.3", "info": {"title": "product", "version": "1"},
             "security": [{"bearer": []}],
             "tags": [{"name": "Features", "description": "product features"}, {"name": "Common"}],
             "paths": {
               "/api/v1/features": {"get": {"operationId": "list", "tags": ["Features", "Common"],
                 "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
                   {"$ref": "#/components/schemas/Page"}}}}}}},
               "/api/v1/products/{id}": {"get": {"operationId": "getProduct", "security": [],
                 "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
                   {"$ref": "#/components/schemas/Pet"}}}}}}},
               "/internal/thing": {"get": {"operationId": "internal", "responses": {"200": {"description": "x"}}}}
             },
             "components": {
               "schemas": {
                 "Feature": {"type": "object", "properties": {"status": {"type": "string"}}},
                 "Page": {"type": "object", "properties": {"items": {"type": "array",
                   "items": {"$ref": "#/components/schemas/Feature"}}}},
                 "Problem": {"type": "object", "properties": {"title": {"type": "string"}}},
                 "Pet": {"oneOf": [{"$ref": "#/components/schemas/Feature"}],
                   "discriminator": {"propertyName": "kind", "mapping": {"f": "#/components/schemas/Feature"}}}
               },
               "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}
             }}
            """;

    private static final String FEEDBACK = """
            {"openapi": "3.1.0", "info": {"title": "feedback", "version": "2"},
             "tags": [{"name": "Features", "description": "replicated features"}, {"name": "Common"}],
             "paths": {
               "/api/v1/catalog/features": {"get": {"operationId": "list", "tags": ["Features"],
                 "security": [{"bearer": ["read"]}],
                 "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
                   {"$ref": "#/components/schemas/Page"}}}}}}},
               "/api/v1/feedback": {"post": {"operationId": "createFeedback", "tags": ["Common"],
                 "responses": {"400": {"description": "bad", "content": {"application/problem+json": {"schema":
                   {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/api/v1/products/{id}/feedback": {"get": {"operationId": "routedElsewhere",
                 "responses": {"200": {"description": "x"}}}}
             },
             "components": {
               "schemas": {
                 "Feature": {"type": "object", "properties": {"name": {"type": "string"}}},
                 "Page": {"type": "object", "properties": {"items": {"type": "array",
                   "items": {"$ref": "#/components/schemas/Feature"}}}},
                 "Problem": {"type": "object", "properties": {"title": {"type": "string"}}}
               },
               "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
             }}
            """;

    @Test
    void keepsEqualComponentsOnceAndRenamesClashesOnEverySide() {
        JsonNode merged = merge(List.of("product", "feedback"), List.of());
        JsonNode schemas = merged.at("/components/schemas");
        assertTrue(schemas.has("Problem"));
        assertFalse(schemas.has("product_Problem"));
        assertFalse(schemas.has("Feature"));
        assertEquals("string", schemas.at("/product_Feature/properties/status/type").asText());
        assertEquals("string", schemas.at("/feedback_Feature/properties/name/type").asText());
        // Page is textually the same in both, but references a Feature that differs: it clashes too
        assertFalse(schemas.has("Page"));
        assertEquals("#/components/schemas/product_Feature", schemas.at("/product_Page/properties/items/items/$ref").asText());
        assertEquals("#/components/schemas/feedback_Feature", schemas.at("/feedback_Page/properties/items/items/$ref").asText());
        assertEquals("#/components/schemas/product_Page",
                merged.at("/paths/~1api~1v1~1features/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/feedback_Page",
                merged.at("/paths/~1api~1v1~1catalog~1features/get/responses/200/content/application~1json/schema/$ref").asText());
        // discriminator mappings follow
        assertEquals("#/components/schemas/product_Feature", schemas.at("/Pet/discriminator/mapping/f").asText());
        assertEquals("#/components/schemas/product_Feature", schemas.at("/Pet/oneOf/0/$ref").asText());
    }

    @Test
    void securitySchemesAreRenamedAndDocumentWideSecurityMovesToOperations() {
        JsonNode merged = merge(List.of("product", "feedback"), List.of());
        JsonNode schemes = merged.at("/components/securitySchemes");
        assertTrue(schemes.has("product_bearer"));
        assertTrue(schemes.has("feedback_bearer"));
        assertFalse(merged.has("security"));
        assertTrue(merged.at("/paths/~1api~1v1~1features/get/security/0").has("product_bearer"));
        assertEquals(0, merged.at("/paths/~1api~1v1~1products~1{id}/get/security").size(), "explicit [] is kept");
        assertEquals("read", merged.at("/paths/~1api~1v1~1catalog~1features/get/security/0/feedback_bearer/0").asText());
    }

    @Test
    void keepsOnlyPathsTheGatewayRoutesToTheDocumentingService() {
        JsonNode paths = merge(List.of("product", "feedback"), List.of()).get("paths");
        assertTrue(paths.has("/api/v1/features"));
        assertTrue(paths.has("/api/v1/products/{id}"));
        assertTrue(paths.has("/api/v1/feedback"));
        assertTrue(paths.has("/api/v1/catalog/features"));
        assertFalse(paths.has("/internal/thing"));
        assertFalse(paths.has("/api/v1/products/{id}/feedback"));
        assertEquals("feedback", paths.at("/~1api~1v1~1feedback/x-tandem-upstream").asText());
    }

    @Test
    void clashingOperationIdsAndTagsGetTheServiceName() {
        JsonNode merged = merge(List.of("product", "feedback"), List.of());
        assertEquals("product_list", merged.at("/paths/~1api~1v1~1features/get/operationId").asText());
        assertEquals("feedback_list", merged.at("/paths/~1api~1v1~1catalog~1features/get/operationId").asText());
        assertEquals("createFeedback", merged.at("/paths/~1api~1v1~1feedback/post/operationId").asText());
        List<String> tags = new ArrayList<>();
        merged.get("tags").forEach(t -> tags.add(t.get("name").asText()));
        assertEquals(List.of("Features (feedback)", "Common", "Features (product)"), tags);
        assertEquals("Features (product)", merged.at("/paths/~1api~1v1~1features/get/tags/0").asText());
        assertEquals("Common", merged.at("/paths/~1api~1v1~1features/get/tags/1").asText());
    }

    @Test
    void describesTheGatewayAndTheMissingUpstreams() {
        JsonNode merged = merge(List.of("product"), List.of("project", "feedback"));
        assertEquals("3.0.3", merged.get("openapi").asText());
        assertEquals("Tandem API", merged.at("/info/title").asText());
        assertEquals("1.2.3", merged.at("/info/version").asText());
        assertEquals("https://api.example.com", merged.at("/servers/0/url").asText());
        assertEquals("[\"feedback\",\"project\"]", merged.get("x-tandem-missing-upstreams").toString());
        assertEquals("product", merged.at("/x-tandem-upstreams/0/name").asText());
        // alone, product's names need no prefix
        assertTrue(merged.at("/components/schemas").has("Feature"));
        assertEquals("list", merged.at("/paths/~1api~1v1~1features/get/operationId").asText());
        assertFalse(merge(List.of("product", "feedback"), List.of()).has("x-tandem-missing-upstreams"));
        assertEquals("3.1.0", merge(List.of("product", "feedback"), List.of()).get("openapi").asText());
    }

    @Test
    void resultDoesNotDependOnTheOrderOfTheDocuments() {
        assertEquals(merge(List.of("product", "feedback"), List.of()), merge(List.of("feedback", "product"), List.of()));
    }

    @Test
    void theGatewaysOwnDocumentKeepsItsPathsByTheSameComponentRulesAndIsNoUpstream() throws Exception {
        ObjectNode gateway = (ObjectNode) JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "gateway", "version": "9"},
                 "tags": [{"name": "API keys"}],
                 "paths": {
                   "/api/v1/admin/api-keys": {"get": {"operationId": "listApiKeys", "tags": ["API keys"],
                     "responses": {"400": {"description": "bad", "content": {"application/problem+json": {"schema":
                       {"$ref": "#/components/schemas/Problem"}}}}}}},
                   "/api/v1/events": {"get": {"operationId": "streamEvents", "responses": {"200": {"description": "x"}}}}
                 },
                 "components": {"schemas": {
                   "Problem": {"type": "object", "properties": {"title": {"type": "string"}}},
                   "ApiKey": {"type": "object"}}}}
                """);
        JsonNode merged = OpenApiMerger.merge(List.of(new ServiceDocument("product", (ObjectNode) JSON.readTree(PRODUCT)),
                new ServiceDocument(OpenApiMerger.GATEWAY, gateway)), List.of(), ROUTES, SETTINGS);
        // no route leads to these paths: the gateway serves them itself
        assertEquals("gateway", merged.at("/paths/~1api~1v1~1admin~1api-keys/x-tandem-upstream").asText());
        assertEquals("streamEvents", merged.at("/paths/~1api~1v1~1events/get/operationId").asText());
        // the same Problem as the services': kept once
        assertEquals("#/components/schemas/Problem", merged.at(
                "/paths/~1api~1v1~1admin~1api-keys/get/responses/400/content/application~1problem+json/schema/$ref").asText());
        assertTrue(merged.at("/components/schemas/ApiKey").isObject());
        assertEquals(List.of("product"), merged.get("x-tandem-upstreams").findValuesAsText("name"));
    }

    @Test
    void inputDocumentsAreNotModified() throws Exception {
        ObjectNode product = (ObjectNode) JSON.readTree(PRODUCT);
        ObjectNode copy = product.deepCopy();
        OpenApiMerger.merge(List.of(new ServiceDocument("product", product),
                new ServiceDocument("feedback", (ObjectNode) JSON.readTree(FEEDBACK))), List.of(), ROUTES, SETTINGS);
        assertEquals(copy, product);
    }

    private static JsonNode merge(List<String> services, List<String> missing) {
        List<ServiceDocument> docs = new ArrayList<>();
        for (String service : services) {
            try {
                docs.add(new ServiceDocument(service, (ObjectNode) JSON.readTree(service.equals("product") ? PRODUCT : FEEDBACK)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return OpenApiMerger.merge(Collections.unmodifiableList(docs), missing, ROUTES, SETTINGS);
    }
}
