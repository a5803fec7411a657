package dev.tandem.gateway.openapi;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts the gateway's security into the merged document: the two schemes ({@code apiKey}: the {@code X-API-Key}
 * header; {@code bearer}: {@code Authorization: Bearer} with an API key or a person's JWT), each operation's
 * {@code security} with the scope the gateway requires for it (replacing whatever the service declared: the services
 * see only the internal token), also as {@code x-tandem-scope} (alternatives joined by {@code |}), the gateway's
 * 401, 403 and 429 problems on every operation, and its 408 (the body did not arrive within the request-receive
 * timeout) on every operation that takes a request body. Pure.
 */
public final class SecurityDocumenter {

    public static final String API_KEY_SCHEME = "apiKey";
    public static final String BEARER_SCHEME = "bearer";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** The scopes that allow an operation, any one of them being enough; empty: credentials alone. */
    @FunctionalInterface
    public interface ScopeResolver {
        List<String> scopes(String upstream, String path, String method);
    }

    private SecurityDocumenter() {
    }

    /**
     * @param scopes what the gateway requires for each operation (the rule it enforces, {@code auth.ScopePolicy})
     */
    public static void document(ObjectNode merged, ScopeResolver scopes) {
        ObjectNode components = object(merged, "components");
        // the services' own schemes describe what they check (the internal token), not what a client sends
        components.remove("securitySchemes");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(API_KEY_SCHEME)
                .put("type", "apiKey").put("in", "header").put("name", "X-API-Key")
                .put("description", "An API key (tnd_live_…) created under /api/v1/admin/api-keys.");
        schemes.putObject(BEARER_SCHEME)
                .put("type", "http").put("scheme", "bearer")
                .put("description", "Authorization: Bearer with an API key, or a person's JWT from the configured "
                        + "OIDC issuer. Scopes: products:read|write, projects:read|write, feedback:read|write, "
                        + "webhooks:manage, admin (GET/HEAD need :read, other methods :write; a :write scope includes "
                        + "the :read of the same service; /api/v1/webhooks needs webhooks:manage; admin allows "
                        + "everything).");
        ObjectNode responses = object(components, "responses");
        problemResponse(responses, "Unauthorized", 401, "unauthorized", "No credentials, or an unknown, revoked or "
                + "expired key, or an invalid token; WWW-Authenticate says which", "Send an API key (Authorization: "
                + "Bearer tnd_live_… or X-API-Key) or a bearer token");
        problemResponse(responses, "Forbidden", 403, "forbidden", "The credentials lack the operation's scope",
                "This operation needs scope products:write (or admin); the caller has [products:read]");
        problemResponse(responses, "TooManyRequests", 429, "too-many-requests", "The client's rate limit is used up; "
                + "Retry-After says when to retry", "Rate limit of 600 requests per minute exceeded; retry in 1 s");
        problemResponse(responses, "RequestTimeout", 408, "request-timeout", "The client did not send the whole "
                + "request body within the gateway's request-receive timeout (30 s by default); nothing was done, "
                + "the connection is closed", "The request body was not received completely within 30000 ms; the "
                + "request was not forwarded completely and has no effect. Send it again, faster (or split it)");
        merged.remove("security");
        ObjectNode schemas = object(components, "schemas");
        if (!schemas.has("Problem")) { // every upstream missing: still a valid document
            schemas.putObject("Problem").put("type", "object")
                    .put("description", "RFC 9457 problem detail (type, title, status, detail, instance, requestId, errors)");
        }

        JsonNode paths = merged.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String upstream = path.getValue().path(OpenApiMerger.UPSTREAM_EXTENSION).asText(null);
            if (upstream == null) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey()) || !(op.getValue() instanceof ObjectNode operation)) {
                    continue;
                }
                List<String> required = scopes.scopes(upstream, path.getKey(), op.getKey());
                ArrayNode security = operation.putArray("security");
                for (String scheme : List.of(API_KEY_SCHEME, BEARER_SCHEME)) {
                    if (required.isEmpty()) {
                        security.addObject().putArray(scheme);
                    }
                    for (String scope : required) {
                        security.addObject().putArray(scheme).add(scope);
                    }
                }
                if (required.isEmpty()) {
                    operation.remove("x-tandem-scope");
                } else {
                    operation.put("x-tandem-scope", String.join("|", required));
                }
                ObjectNode opResponses = object(operation, "responses");
                for (String[] r : new String[][] {{"401", "Unauthorized"}, {"403", "Forbidden"},
                        {"429", "TooManyRequests"}}) {
                    if (!opResponses.has(r[0])) {
                        opResponses.putObject(r[0]).put("$ref", "#/components/responses/" + r[1]);
                    }
                }
                if (operation.has("requestBody") && !opResponses.has("408")) {
                    opResponses.putObject("408").put("$ref", "#/components/responses/RequestTimeout");
                }
            }
        }
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        JsonNode child = parent.get(name);
        return child instanceof ObjectNode object ? object : parent.putObject(name);
    }

    private static void problemResponse(ObjectNode responses, String name, int status, String slug, String description,
            String detail) {
        ObjectNode example = responses.putObject(name).put("description", description)
                .putObject("content").putObject("application/problem+json");
        example.putObject("schema").put("$ref", "#/components/schemas/Problem");
        example.putObject("example")
                .put("type", "https://tandem.dev/problems/" + slug)
                .put("title", switch (status) {
                    case 401 -> "Unauthorized";
                    case 403 -> "Forbidden";
                    case 408 -> "Request timeout";
                    default -> "Too many requests";
                })
                .put("status", status)
                .put("detail", detail)
                .put("instance", "/api/v1/products")
                .put("requestId", "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a");
    }
}
