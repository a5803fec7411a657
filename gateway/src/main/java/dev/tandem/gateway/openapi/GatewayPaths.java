package dev.tandem.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The gateway's own composed endpoints, added to the merged document (they are Vert.x routes, not JAX-RS). */
public final class GatewayPaths {

    public static final String OVERVIEW = "/api/v1/products/{id}/overview";

    private static final String OVERVIEW_ITEM = """
            {"x-tandem-upstream": "gateway",
             "get": {
              "operationId": "getProductOverview",
              "summary": "Product overview across the services",
              "description": "The product, its objectives, the top 5 of its backlog, the projects delivering it and its feedback insights, from parallel calls to the services; each part is that service's JSON, unchanged. A part that cannot be had (service down or slow, circuit open, an error answer, or a scope the caller lacks) is left out and named in degraded with the reason; the answer is still 200. Needs products:read; projects and feedback need projects:read and feedback:read.",
              "tags": ["Overview"],
              "x-tandem-scope": "products:read",
              "security": [{"apiKey": ["products:read"]}, {"bearer": ["products:read"]}],
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The product's id",
                              "schema": {"type": "string", "format": "uuid"}, "example": "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a"}],
              "responses": {
               "200": {"description": "The overview; degraded lists the parts that are missing",
                "content": {"application/json": {
                 "schema": {"type": "object", "required": ["productId", "product", "degraded"], "properties": {
                  "productId": {"type": "string", "format": "uuid"},
                  "product": {"type": "object", "description": "GET /api/v1/products/{id}"},
                  "objectives": {"type": "object", "description": "GET /api/v1/objectives?productId={id}"},
                  "backlog": {"type": "object", "description": "GET /api/v1/products/{id}/backlog?limit=5"},
                  "projects": {"type": "object", "description": "GET /api/v1/projects?productId={id}"},
                  "feedback": {"type": "object", "description": "GET /api/v1/insights/{id}"},
                  "degraded": {"type": "array", "items": {"type": "object", "properties": {
                   "part": {"type": "string", "enum": ["objectives", "backlog", "projects", "feedback"]},
                   "upstream": {"type": "string"}, "reason": {"type": "string"}}}}}},
                 "example": {"productId": "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a",
                  "product": {"id": "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "key": "CHK", "name": "Checkout"},
                  "objectives": {"items": []}, "backlog": {"items": []}, "feedback": {"productId": "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a"},
                  "degraded": [{"part": "projects", "upstream": "project",
                                "reason": "upstream project could not be reached (connection refused)"}]}}}},
               "400": {"$ref": "#/components/responses/BadRequest"},
               "401": {"$ref": "#/components/responses/Unauthorized"},
               "403": {"$ref": "#/components/responses/Forbidden"},
               "404": {"$ref": "#/components/responses/NotFound"},
               "429": {"$ref": "#/components/responses/TooManyRequests"},
               "502": {"description": "The product itself could not be read", "content": {"application/problem+json":
                       {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}""";

    private GatewayPaths() {
    }

    /** Adds the overview to {@code merged} (when its product route is there, i.e. the product document merged). */
    public static void add(ObjectNode merged, ObjectMapper mapper) {
        JsonNode paths = merged.path("paths");
        if (!(paths instanceof ObjectNode pathsObject)) {
            return;
        }
        try {
            pathsObject.set(OVERVIEW, mapper.readTree(OVERVIEW_ITEM));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the overview's OpenAPI text is not JSON", e);
        }
        JsonNode tags = merged.get("tags");
        com.fasterxml.jackson.databind.node.ArrayNode tagList = tags instanceof com.fasterxml.jackson.databind.node.ArrayNode a
                ? a : merged.putArray("tags");
        tagList.addObject().put("name", "Overview")
                .put("description", "Views the gateway composes from several services.");
        JsonNode responses = merged.path("components").path("responses");
        if (responses instanceof ObjectNode r && !r.has("BadRequest")) {
            r.putObject("BadRequest").put("description", "Invalid input");
        }
        if (responses instanceof ObjectNode r && !r.has("NotFound")) {
            r.putObject("NotFound").put("description", "No such resource");
        }
    }
}
