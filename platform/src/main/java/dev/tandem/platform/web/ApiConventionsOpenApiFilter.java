package dev.tandem.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.platform.idempotency.Idempotency;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the shared API-convention components to every service's OpenAPI document, so operations can reference them:
 *
 * <pre>{@code
 * @APIResponse(responseCode = "400", ref = "BadRequest")
 * @APIResponse(responseCode = "412", ref = "PreconditionFailed")
 * @Parameter(ref = "If-Match")  // on the @HeaderParam("If-Match") parameter
 * }</pre>
 *
 * <ul>
 * <li>{@code components.schemas}: {@code Problem}, {@code FieldError};</li>
 * <li>{@code components.responses}: {@link #RESPONSES} — {@code BadRequest} (400), {@code NotFound} (404),
 * {@code Conflict} (409), {@code PreconditionFailed} (412), {@code PayloadTooLarge} (413),
 * {@code UnsupportedMediaType} (415), {@code Unprocessable} (422), {@code PreconditionRequired} (428),
 * {@code InternalError} (500), each {@code application/problem+json} with an example;</li>
 * <li>{@code components.parameters}: {@code Idempotency-Key}, {@code If-Match}, {@code If-None-Match},
 * {@code X-Request-Id}, {@code limit}, {@code cursor};</li>
 * <li>{@code components.headers}: {@code X-Request-Id}, {@code ETag}, {@code Link}, {@code Location},
 * {@code Idempotency-Replayed}.</li>
 * </ul>
 * Components a service defines itself under the same name are left alone.
 *
 * <p>Then every operation is completed with what the platform does for all of them, so no resource has to repeat
 * it: the {@code X-Request-Id} parameter; a {@code 500} ({@code InternalError}); {@code 413} and {@code 415} when
 * it takes a body; {@code Idempotency-Replayed} on the 2xx responses of operations that take an
 * {@code Idempotency-Key}; an inline {@code If-None-Match} parameter replaced by the shared one (with its
 * {@code 304}); a {@code string} schema on response headers declared without one (OpenAPI requires it). A shared
 * component no operation uses is removed again, so the document has no dead entries.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiConventionsOpenApiFilter implements OASFilter {

    /** Response component name → status code. */
    public static final Map<String, Integer> RESPONSES = responses();

    private static Map<String, Integer> responses() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("BadRequest", 400);
        m.put("NotFound", 404);
        m.put("Conflict", 409);
        m.put("PreconditionFailed", 412);
        m.put("PayloadTooLarge", 413);
        m.put("UnsupportedMediaType", 415);
        m.put("Unprocessable", 422);
        m.put("PreconditionRequired", 428);
        m.put("InternalError", 500);
        return Map.copyOf(m);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        schemas(components);
        historySchemas(components);
        headers(components);
        parameters(components);
        problemResponses(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(ApiConventionsOpenApiFilter::completeOperation);
                }
            });
        }
        removeUnused(openAPI, components);
    }

    private static final String PARAMETERS = "#/components/parameters/";
    private static final String RESPONSES_REF = "#/components/responses/";
    private static final String HEADERS = "#/components/headers/";

    private static void completeOperation(Operation op) {
        List<Parameter> params = op.getParameters() == null ? List.of() : op.getParameters();
        boolean hasRequestId = params.stream().anyMatch(p -> isParameter(p, RequestContext.REQUEST_ID_HEADER));
        if (!hasRequestId) {
            op.addParameter(OASFactory.createParameter().ref(RequestContext.REQUEST_ID_HEADER));
        }
        boolean conditionalRead = false;
        for (Parameter p : List.copyOf(op.getParameters())) {
            if (p.getRef() == null && "If-None-Match".equalsIgnoreCase(p.getName())
                    && p.getIn() == Parameter.In.HEADER) {
                op.removeParameter(p);
                op.addParameter(OASFactory.createParameter().ref("If-None-Match"));
                conditionalRead = true;
            }
        }
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        if (conditionalRead && !responses.hasAPIResponse("304")) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current version; no body")
                    .addHeader("ETag", OASFactory.createHeader().ref("ETag")));
        }
        if (op.getRequestBody() != null) {
            addResponseRef(responses, "413", "PayloadTooLarge");
            addResponseRef(responses, "415", "UnsupportedMediaType");
        }
        addResponseRef(responses, "500", "InternalError");
        boolean idempotent = params.stream().anyMatch(p -> isParameter(p, Idempotency.HEADER));
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (response.getRef() != null) {
                    return;
                }
                if (response.getHeaders() != null) {
                    response.getHeaders().values().forEach(h -> {
                        if (h.getRef() == null && h.getSchema() == null && h.getContent() == null) {
                            h.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                        }
                    });
                }
                if (idempotent && code.startsWith("2")
                        && (response.getHeaders() == null || !response.getHeaders().containsKey(Idempotency.REPLAYED_HEADER))) {
                    response.addHeader(Idempotency.REPLAYED_HEADER,
                            OASFactory.createHeader().ref(Idempotency.REPLAYED_HEADER));
                }
            });
        }
    }

    private static boolean isParameter(Parameter p, String name) {
        return (p.getRef() != null && p.getRef().equals(PARAMETERS + name)) || name.equalsIgnoreCase(p.getName());
    }

    private static void addResponseRef(APIResponses responses, String code, String component) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(component));
        }
    }

    /** Drops the shared parameters, responses and headers that no operation refers to. */
    private static void removeUnused(OpenAPI openAPI, Components c) {
        java.util.Set<String> used = new java.util.HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> addRef(used, p.getRef()));
                }
                if (item.getOperations() == null) {
                    return;
                }
                item.getOperations().values().forEach(op -> {
                    if (op.getParameters() != null) {
                        op.getParameters().forEach(p -> addRef(used, p.getRef()));
                    }
                    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                        op.getResponses().getAPIResponses().values().forEach(r -> {
                            addRef(used, r.getRef());
                            if (r.getHeaders() != null) {
                                r.getHeaders().values().forEach(h -> addRef(used, h.getRef()));
                            }
                        });
                    }
                });
            });
        }
        if (c.getResponses() != null) {
            // the shared responses themselves refer to the X-Request-Id header
            c.getResponses().forEach((name, r) -> {
                if (used.contains(RESPONSES_REF + name) && r.getHeaders() != null) {
                    r.getHeaders().values().forEach(h -> addRef(used, h.getRef()));
                }
            });
            for (String name : RESPONSES.keySet()) {
                if (!used.contains(RESPONSES_REF + name)) {
                    c.removeResponse(name);
                }
            }
        }
        if (c.getParameters() != null) {
            for (String name : List.of(Idempotency.HEADER, Versions.IF_MATCH, "If-None-Match",
                    RequestContext.REQUEST_ID_HEADER, PageRequest.LIMIT_PARAM, Cursor.PARAM)) {
                if (!used.contains(PARAMETERS + name)) {
                    c.removeParameter(name);
                }
            }
        }
        if (c.getHeaders() != null) {
            for (String name : List.of(RequestContext.REQUEST_ID_HEADER, "ETag", "Link", "Location",
                    Idempotency.REPLAYED_HEADER)) {
                if (!used.contains(HEADERS + name)) {
                    c.removeHeader(name);
                }
            }
        }
    }

    private static void addRef(java.util.Set<String> used, String ref) {
        if (ref != null) {
            used.add(ref);
        }
    }

    private static void schemas(Components c) {
        if (c.getSchemas() == null || !c.getSchemas().containsKey("FieldError")) {
            c.addSchema("FieldError", OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("One offending input field")
                    .addProperty("field", string("JSON path of the field (budget.amount, tags[2]) or the parameter name",
                            "name"))
                    .addProperty("message", string("What is wrong with it", "must not be blank"))
                    .required(List.of("field", "message")));
        }
        if (c.getSchemas() == null || !c.getSchemas().containsKey("Problem")) {
            c.addSchema("Problem", OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("RFC 9457 problem detail, the body of every error response (application/problem+json)")
                    .addProperty("type", string("URI naming the kind of problem: https://tandem.dev/problems/<slug>",
                            Problem.TYPE_BASE + "validation").format("uri"))
                    .addProperty("title", string("Short summary of the kind of problem", "Invalid request"))
                    .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                            .description("The HTTP status code").example(400))
                    .addProperty("detail", string("What went wrong with this request", "name: must not be blank"))
                    .addProperty("instance", string("The request path", "/api/v1/products"))
                    .addProperty("requestId", string("The request id, also in the X-Request-Id header",
                            "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a"))
                    .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .description("One entry per offending field, when the problem is about input")
                            .items(OASFactory.createSchema().ref("FieldError")))
                    .required(List.of("type", "title", "status")));
        }
    }

    /**
     * A record history's {@code FieldChange} holds any JSON value before and after (the field's own type): its
     * {@code from} and {@code to} get a schema without a type, instead of the Jackson {@code JsonNode} internals the
     * annotation scanner describes (which go, with the JsonNode schemas it added for them).
     */
    private static void historySchemas(Components c) {
        Schema change = c.getSchemas() == null ? null : c.getSchemas().get("FieldChange");
        if (change == null || change.getProperties() == null) {
            return;
        }
        for (String side : List.of("from", "to")) {
            Schema scanned = change.getProperties().get(side);
            if (scanned != null) {
                change.addProperty(side, OASFactory.createSchema().description(scanned.getDescription())
                        .examples(scanned.getExamples()));
            }
        }
        c.removeSchema("JsonNode");
        c.removeSchema("JsonNodeType");
    }

    private static void headers(Components c) {
        addHeader(c, RequestContext.REQUEST_ID_HEADER, "The request id: the client's X-Request-Id if it was a sane "
                + "token (1..128 of [A-Za-z0-9._-]), else a generated UUID", "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a");
        addHeader(c, "ETag", "The resource's version as a strong entity tag; send it back in If-Match to update",
                "\"7\"");
        addHeader(c, "Link", "RFC 8288 link to the next page, present when there is one",
                "</api/v1/products?cursor=WyIyMDI0LTA1LTMxVDEyOjAwOjAwWiJd&limit=50>; rel=\"next\"");
        addHeader(c, "Location", "URI of the created resource", "/api/v1/products/6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a");
        addHeader(c, Idempotency.REPLAYED_HEADER, "true when this response is the replay of an earlier request "
                + "with the same Idempotency-Key and body", "true");
    }

    private static void addHeader(Components c, String name, String description, String example) {
        if (c.getHeaders() != null && c.getHeaders().containsKey(name)) {
            return;
        }
        c.addHeader(name, OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example(example));
    }

    private static void parameters(Components c) {
        addParameter(c, Idempotency.HEADER, OASFactory.createParameter().name(Idempotency.HEADER)
                .in(Parameter.In.HEADER).required(false)
                .description("Makes a create safe to retry: the same key with the same body replays the first "
                        + "response (with Idempotency-Replayed: true); the same key with another body is a 422. "
                        + "1..255 characters, unique per operation; kept 24 hours. A UUID is a good choice.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255))
                .example("5b1d8a4e-8c1e-4c43-9d5e-3f2b7b7c1a90"));
        addParameter(c, Versions.IF_MATCH, OASFactory.createParameter().name(Versions.IF_MATCH)
                .in(Parameter.In.HEADER).required(true)
                .description("The ETag of the version being changed (from a GET). Missing or * is a 428, a stale "
                        + "one a 412.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .example("\"7\""));
        addParameter(c, "If-None-Match", OASFactory.createParameter().name("If-None-Match")
                .in(Parameter.In.HEADER).required(false)
                .description("An ETag from an earlier read; 304 Not Modified when it is still current")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .example("\"7\""));
        addParameter(c, RequestContext.REQUEST_ID_HEADER, OASFactory.createParameter()
                .name(RequestContext.REQUEST_ID_HEADER).in(Parameter.In.HEADER).required(false)
                .description("Your id for this request, echoed in the response and in every problem; 1..128 of "
                        + "[A-Za-z0-9._-], else the server makes one")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(128)
                        .pattern("^[A-Za-z0-9._-]{1,128}$"))
                .example("checkout-7f3a2c"));
        addParameter(c, PageRequest.LIMIT_PARAM, OASFactory.createParameter().name(PageRequest.LIMIT_PARAM)
                .in(Parameter.In.QUERY).required(false)
                .description("Page size, 1.." + PageRequest.MAX_LIMIT)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                        .defaultValue(PageRequest.DEFAULT_LIMIT))
                .example(PageRequest.DEFAULT_LIMIT));
        addParameter(c, Cursor.PARAM, OASFactory.createParameter().name(Cursor.PARAM)
                .in(Parameter.In.QUERY).required(false)
                .description("Opaque cursor: the nextCursor of the previous page, unchanged; omit for the first page")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(Cursor.MAX_LENGTH))
                .example("WyIyMDI0LTA1LTMxVDEyOjAwOjAwWiIsIjZmMWMyYzFlIl0"));
    }

    private static void addParameter(Components c, String name, Parameter parameter) {
        if (c.getParameters() == null || !c.getParameters().containsKey(name)) {
            c.addParameter(name, parameter);
        }
    }

    private static void problemResponses(Components c) {
        addResponse(c, "BadRequest", "Invalid input: malformed JSON, an unknown field, a wrong type, a constraint "
                + "violated; errors[] names each field", example(400, "validation", "Invalid request",
                "name: must not be blank", List.of(Map.of("field", "name", "message", "must not be blank"))));
        addResponse(c, "NotFound", "No resource at this URI", example(404, "not-found", "Not found",
                "Product 6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a does not exist", List.of()));
        addResponse(c, "Conflict", "Conflicts with the current state (duplicate, illegal state change)",
                example(409, "conflict", "Conflict", "A product with key ACME already exists", List.of()));
        addResponse(c, "PreconditionFailed", "If-Match does not name the current version: read again, reapply",
                example(412, "precondition-failed", "Precondition failed",
                        "If-Match \"6\" does not match the current ETag \"7\"; read the resource again and reapply "
                                + "the change", List.of()));
        addResponse(c, "PayloadTooLarge", "The request body is larger than the service accepts",
                example(413, "payload-too-large", "Payload too large",
                        "The request body is larger than the limit of 1048576 bytes", List.of()));
        addResponse(c, "UnsupportedMediaType", "The request body is not application/json",
                example(415, "unsupported-media-type", "Unsupported media type",
                        "Content type text/plain is not supported; send application/json", List.of()));
        addResponse(c, "Unprocessable", "Well-formed, but breaks a business rule, names something unknown, or "
                + "reuses an Idempotency-Key with another body", example(422, "idempotency-key-reused",
                "Idempotency key reused", "Idempotency-Key 5b1d8a4e was already used with a different request body",
                List.of(Map.of("field", "Idempotency-Key", "message", "was already used with a different request body"))));
        addResponse(c, "PreconditionRequired", "An update without If-Match",
                example(428, "precondition-required", "Precondition required",
                        "This update requires If-Match with the resource's current ETag (read it with GET)", List.of()));
        addResponse(c, "InternalError", "A bug: quote the requestId when reporting it",
                example(500, "internal", "Internal error",
                        "An unexpected error occurred; quote the request id when reporting it", List.of()));
    }

    private static Map<String, Object> example(int status, String slug, String title, String detail,
            List<Map<String, String>> errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", Problem.TYPE_BASE + slug);
        m.put("title", title);
        m.put("status", status);
        m.put("detail", detail);
        m.put("instance", "/api/v1/products");
        m.put("requestId", "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a");
        if (!errors.isEmpty()) {
            m.put("errors", errors);
        }
        return m;
    }

    private static void addResponse(Components c, String name, String description, Map<String, Object> example) {
        if (c.getResponses() != null && c.getResponses().containsKey(name)) {
            return;
        }
        Example ex = OASFactory.createExample().summary(description).value(example);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem"))
                .addExample(name, ex));
        Header requestId = OASFactory.createHeader().ref(RequestContext.REQUEST_ID_HEADER);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content)
                .addHeader(RequestContext.REQUEST_ID_HEADER, requestId);
        c.addResponse(name, response);
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).example(example);
    }
}
