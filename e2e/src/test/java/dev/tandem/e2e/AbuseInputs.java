package dev.tandem.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * The bad input of {@link AbuseSuiteTest}, derived from the merged OpenAPI document: every operation, its path
 * parameters filled with ids that exist, ids that do not and ids that are not ids at all, its query parameters with
 * out-of-range and garbage values, its headers with broken preconditions, and its request body (the operation's own
 * example with real ids) mutated one field at a time and as a whole.
 *
 * <p>Each {@link Probe} says whether the contract requires it to be refused ({@link Probe#mustRefuse}): a body that
 * breaks its schema ({@link SchemaCheck}), malformed JSON, a wrong content type, an id that does not exist, a bad
 * {@code limit} or {@code cursor}, a broken {@code If-Match} (docs/api-conventions.md). Everything else may be
 * accepted.
 */
final class AbuseInputs {

    static final int LONG = 60_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /** The fixture kind a path parameter names, by the path segment before it. */
    static final Map<String, String> SEGMENT_KINDS = Map.ofEntries(
            Map.entry("products", "product"), Map.entry("insights", "product"),
            Map.entry("features", "feature"), Map.entry("links", "feature"),
            Map.entry("customers", "customer"), Map.entry("feedback", "feedback"),
            Map.entry("comments", "comment"), Map.entry("surveys", "survey"),
            Map.entry("responses", "nps-response"), Map.entry("api-keys", "api-key"),
            Map.entry("objectives", "objective"), Map.entry("key-results", "key-result"),
            Map.entry("releases", "release"), Map.entry("milestones", "milestone"),
            Map.entry("programs", "program"), Map.entry("projects", "project"),
            Map.entry("expenses", "expense"), Map.entry("members", "member"),
            Map.entry("risks", "risk"), Map.entry("time-entries", "time-entry"),
            Map.entry("tasks", "task"), Map.entry("dead-letters", "dead-letter"),
            Map.entry("webhooks", "webhook"), Map.entry("deliveries", "delivery"));

    /** Where webhook subscriptions the suite makes deliver: the discard port of this machine, closed. */
    static final String LOCAL_WEBHOOK_TARGET = "http://127.0.0.1:9/abuse-suite";

    /** Body fields that name a record of another kind: they get the fixture's id. */
    private static final Map<String, String> ID_FIELDS = Map.of(
            "productId", "product", "customerId", "customer", "featureId", "feature",
            "objectiveId", "objective", "releaseId", "release", "programId", "program", "taskId", "task",
            "milestoneId", "milestone", "feedbackId", "feedback", "measurementId", "measurement");
    private static final Map<String, String> ID_LIST_FIELDS = Map.of(
            "featureIds", "feature", "force", "feature", "dependsOn", "task");

    /** One parameter of an operation. */
    record Param(String name, String in, JsonNode schema) {
    }

    /** One request body media type of an operation, with the example the document gives for it. */
    record Body(String contentType, JsonNode example, JsonNode schema) {

        boolean json() {
            return contentType.equals("application/json");
        }
    }

    /** One operation of the merged document. */
    record Operation(String method, String template, List<Param> params, List<Body> bodies) {

        String key() {
            return method + " " + template;
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean header(String name) {
            return params.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }

        List<String> pathNames() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAM.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The fixture kind of each path parameter, by the segment before it. */
        String kindOf(String param) {
            String before = template.substring(0, template.indexOf("{" + param + "}") - 1);
            return SEGMENT_KINDS.get(before.substring(before.lastIndexOf('/') + 1));
        }

        /** Server-Sent Events: read the status and headers, then hang up. */
        boolean stream() {
            return template.equals("/api/v1/events");
        }
    }

    /**
     * One request to send. {@code etagOf}: send the current ETag of that path as If-Match (unless {@code headers}
     * has one). {@code mustRefuse}: why the contract requires a refusal, or null when it may be accepted.
     */
    record Probe(Operation op, String variant, String mutation, String method, String pathAndQuery,
                 Map<String, String> headers, Supplier<byte[]> body, String contentType, String etagOf,
                 String mustRefuse) {

        String describe() {
            return method + " " + pathAndQuery(200) + " [" + variant + "; " + mutation + "]";
        }

        String pathAndQuery(int max) {
            return pathAndQuery.length() <= max ? pathAndQuery
                    : pathAndQuery.substring(0, max) + "…(" + pathAndQuery.length() + " chars)";
        }
    }

    /** The records the suite made, by kind, so that paths and bodies can name ids that exist. */
    static final class Fixtures {
        final Map<String, String> ids = new LinkedHashMap<>();
        final Map<String, String> paths = new LinkedHashMap<>();
        String memberPerson;

        String id(String kind) {
            return ids.get(kind);
        }
    }

    private final JsonNode spec;
    private final SchemaCheck schemas;
    private final Fixtures fixtures;

    AbuseInputs(JsonNode spec, SchemaCheck schemas, Fixtures fixtures) {
        this.spec = spec;
        this.schemas = schemas;
        this.fixtures = fixtures;
    }

    // ------------------------------------------------------------------------------------------------ the document

    static List<Operation> operations(JsonNode spec, SchemaCheck schemas) {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = path.getValue();
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                Map<String, Param> params = new LinkedHashMap<>();
                for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode r = schemas.resolve(p);
                        params.put(r.path("in").asText() + ":" + r.path("name").asText(), new Param(
                                r.path("name").asText(), r.path("in").asText(), schemas.resolve(r.path("schema"))));
                    }
                }
                List<Body> bodies = new ArrayList<>();
                JsonNode content = schemas.resolve(op.path("requestBody")).path("content");
                for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> media = it.next();
                    JsonNode example = media.getValue().path("examples").elements().hasNext()
                            ? media.getValue().path("examples").elements().next().path("value")
                            : media.getValue().path("example");
                    bodies.add(new Body(media.getKey(), example, schemas.resolve(media.getValue().path("schema"))));
                }
                out.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(params.values()), bodies));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ valid input

    /** The path with every parameter an existing fixture, or null when some kind has none. */
    String existingPath(Operation op) {
        String path = op.template();
        for (String name : op.pathNames()) {
            String kind = op.kindOf(name);
            String id = kind == null ? null : fixtures.id(kind);
            if (id == null) {
                return null;
            }
            path = path.replace("{" + name + "}", id);
        }
        return path;
    }

    /** Which resource's ETag an If-Match of this operation names: a link's is its feedback item's. */
    static String etagPath(Operation op, String path) {
        List<String> names = op.pathNames();
        String template = op.template();
        String last = names.get(names.size() - 1);
        if (op.kindOf(last).equals("feature") && template.contains("/links/")) {
            last = names.get(names.size() - 2);
        }
        int end = template.indexOf("{" + last + "}") + last.length() + 2;
        int segments = template.substring(0, end).split("/").length;
        String[] concrete = path.split("/");
        return String.join("/", java.util.Arrays.copyOf(concrete, segments));
    }

    /** The operation's example body with real ids, fresh unique keys and dates that make sense today. */
    JsonNode validJson(Operation op, Body body) {
        JsonNode copy = body.example().deepCopy();
        substitute(copy, op);
        return copy;
    }

    String validText(Operation op, Body body) {
        String text = body.example().asText();
        for (String example : List.of("5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f")) {
            text = text.replace(example, fixtures.id("customer"));
        }
        text = text.replace("0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50", fixtures.id("product"));
        // every row a new one (rows are idempotent by source and externalReference)
        String run = UUID.randomUUID().toString().substring(0, 8);
        return text.replace("ZD-48213", "ZD-abuse-" + run).replace("SF-OPP-7781", "SF-abuse-" + run)
                .replace("2026-11-21T16:40:00Z", Instant.now().minus(1, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private void substitute(JsonNode node, Operation op) {
        if (node instanceof ObjectNode o) {
            for (String name : fieldNames(o)) {
                JsonNode v = o.get(name);
                String instant = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
                if (ID_FIELDS.containsKey(name) && v.isTextual() && fixtures.id(ID_FIELDS.get(name)) != null) {
                    o.put(name, fixtures.id(ID_FIELDS.get(name)));
                } else if (ID_LIST_FIELDS.containsKey(name) && v.isArray()) {
                    ArrayNode list = o.putArray(name);
                    String id = fixtures.id(ID_LIST_FIELDS.get(name));
                    if (id != null) {
                        list.add(id);
                    }
                } else if (name.equals("key") && v.isTextual()) {
                    o.put(name, uniqueKey());
                } else if ((name.equals("externalCrmId") || name.equals("externalReference")) && v.isTextual()) {
                    o.put(name, "abuse-" + UUID.randomUUID());
                } else if (name.equals("personId") && v.isTextual()) {
                    boolean joining = op.method().equals("POST") && op.template().endsWith("/members");
                    o.put(name, joining || fixtures.memberPerson == null
                            ? "abuse-" + UUID.randomUUID() + "@example.com" : fixtures.memberPerson);
                } else if (name.equals("url") && v.isTextual() && op.template().startsWith("/api/v1/webhooks")) {
                    // deliveries go to a closed port on this machine (allowed by the devstack), never to the
                    // example's host
                    o.put(name, LOCAL_WEBHOOK_TARGET);
                } else if (name.equals("name") && op.template().equals("/api/v1/admin/api-keys")) {
                    o.put(name, "abuse-suite-created-" + UUID.randomUUID().toString().substring(0, 8));
                } else if (name.equals("date") && v.isTextual()) {
                    o.put(name, LocalDate.now(ZoneOffset.UTC).toString());
                } else if (Set.of("measuredAt", "receivedAt", "reachedAt", "opensAt").contains(name)) {
                    o.put(name, Instant.parse(instant).minus(1, ChronoUnit.DAYS).toString());
                } else if (name.equals("closesAt")) {
                    o.put(name, Instant.parse(instant).plus(30, ChronoUnit.DAYS).toString());
                } else if (name.equals("expiresAt")) {
                    o.put(name, Instant.parse(instant).plus(365, ChronoUnit.DAYS).toString());
                } else {
                    substitute(v, op);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(e -> substitute(e, op));
        }
    }

    static String uniqueKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder key = new StringBuilder("Z");
        for (int i = 0; i < 7; i++) {
            key.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return key.toString();
    }

    private static List<String> fieldNames(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ------------------------------------------------------------------------------------------------ the probes

    /** Every probe of one operation. */
    List<Probe> probes(Operation op) {
        List<Probe> out = new ArrayList<>();
        String existing = existingPath(op);
        List<String> names = op.pathNames();
        boolean hasIfMatch = op.header("If-Match");
        Body body = op.bodies().isEmpty() ? null : op.bodies().get(0);

        // ---- path variants, each with a valid request otherwise
        record Variant(String name, String path, boolean existing, String mustRefuse) {
        }
        List<Variant> variants = new ArrayList<>();
        if (names.isEmpty()) {
            variants.add(new Variant("no path parameters", op.template(), true, null));
        } else {
            if (existing != null) {
                variants.add(new Variant("existing ids", existing, true, null));
            }
            variants.add(new Variant("unknown ids", fill(op, n -> UUID.randomUUID().toString()), false,
                    "a path id that does not exist"));
            if (names.size() > 1 && existing != null) {
                String last = names.get(names.size() - 1);
                variants.add(new Variant("existing parent, unknown " + last,
                        fill(op, n -> n.equals(last) ? UUID.randomUUID().toString() : idOrRandom(op, n)), false,
                        "a path id that does not exist"));
            }
            for (String name : names) {
                for (Map.Entry<String, String> garbage : garbageIds().entrySet()) {
                    // dot segments are resolved (RFC 3986): the request names another path, which may exist
                    boolean dots = garbage.getKey().contains("dot");
                    variants.add(new Variant("garbage " + name + " (" + garbage.getKey() + ")",
                            fill(op, n -> n.equals(name) ? garbage.getValue() : idOrRandom(op, n)), false,
                            dots ? null : "a path parameter that is not an id"));
                }
            }
        }
        Variant primary = variants.get(0);
        Variant unknown = variants.stream().filter(v -> v.name().equals("unknown ids")).findFirst().orElse(null);

        for (Variant v : variants) {
            out.add(request(op, v.name(), "valid request", v.path(), body, v.existing(), v.mustRefuse()));
        }
        // ---- bodies: every field broken one at a time, and the whole body broken, with existing and unknown ids
        if (body != null) {
            for (Variant v : unknown == null || unknown == primary ? List.of(primary) : List.of(primary, unknown)) {
                out.addAll(bodyProbes(op, body, v.name(), v.path(), v.existing(), v.mustRefuse()));
            }
        }
        // ---- query parameters
        if (op.method().equals("GET") || !op.in("query").isEmpty()) {
            out.addAll(queryProbes(op, primary.name(), primary.path(), primary.mustRefuse()));
        }
        // ---- headers
        out.addAll(headerProbes(op, primary.name(), primary.path(), primary.existing(), primary.mustRefuse(), body));
        return out;
    }

    /** For a path without the method: one request with a method it does not have (405). */
    Probe wrongMethod(String template, Set<String> declared, Operation owner) {
        String method = List.of("PUT", "PATCH", "DELETE", "POST", "GET").stream()
                .filter(m -> !declared.contains(m)).findFirst().orElse(null);
        if (method == null) {
            return null;
        }
        String path = existingPath(owner);
        path = path == null ? fill(owner, n -> UUID.randomUUID().toString()) : path;
        return new Probe(owner, "existing ids", "method " + method + " not offered by the path", method, path,
                new LinkedHashMap<>(Map.of("Content-Type", "application/json")), () -> utf8("{}"),
                "application/json", null, "a method the path does not offer");
    }

    private String idOrRandom(Operation op, String name) {
        String kind = op.kindOf(name);
        String id = kind == null ? null : fixtures.id(kind);
        return id == null ? UUID.randomUUID().toString() : id;
    }

    private static String fill(Operation op, java.util.function.Function<String, String> value) {
        String path = op.template();
        for (String name : op.pathNames()) {
            path = path.replace("{" + name + "}", value.apply(name));
        }
        URI.create(path); // every path the suite sends is a valid URI (the bad part is its meaning)
        return path;
    }

    private static Map<String, String> garbageIds() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("encoded path traversal", "..%2F..%2F..%2Fetc%2Fpasswd");
        g.put("path traversal", "..%2f..%2f..%2f..%2fetc%2fpasswd%00");
        g.put("dot segments", "../../../../etc/passwd");
        g.put("encoded dots", "%2e%2e");
        g.put("NUL", "%00");
        g.put("NUL inside", "abc%00def");
        g.put("-1", "-1");
        g.put("0", "0");
        g.put("20 digits", "99999999999999999999");
        g.put("1e308", "1e308");
        g.put("60,000 characters", "x".repeat(LONG));
        g.put("SQL", enc("' OR '1'='1"));
        g.put("CRLF", "%0D%0ASet-Cookie:%20abuse=1");
        g.put("UUID with a suffix", UUID.randomUUID() + "x");
        g.put("UUID in braces", enc("{" + UUID.randomUUID() + "}"));
        g.put("unicode", enc("ünïcødé\u202E"));
        g.put("space", "%20");
        return g;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Probe request(Operation op, String variant, String mutation, String path, Body body, boolean existing,
            String mustRefuse) {
        Map<String, String> headers = baseHeaders(op, existing);
        String etagOf = etagOf(op, path, existing);
        if (body == null) {
            return new Probe(op, variant, mutation, op.method(), path, headers, null, null, etagOf, mustRefuse);
        }
        Supplier<byte[]> bytes = body.json()
                ? () -> utf8(validJson(op, body).toString())
                : () -> utf8(validText(op, body));
        return new Probe(op, variant, mutation, op.method(), path, headers, bytes, body.contentType(), etagOf,
                mustRefuse);
    }

    /** Fixtures are never deleted: a DELETE on one goes without its ETag (428), and with broken ones below. */
    private String etagOf(Operation op, String path, boolean existing) {
        if (!op.header("If-Match") || !existing || op.method().equals("DELETE")) {
            return null;
        }
        return etagPath(op, path);
    }

    private Map<String, String> baseHeaders(Operation op, boolean existing) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.header("Idempotency-Key")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (op.header("If-Match") && (!existing)) {
            headers.put("If-Match", "\"1\"");
        }
        return headers;
    }

    // ------------------------------------------------------------------------------------------------ bodies

    private List<Probe> bodyProbes(Operation op, Body body, String variant, String path, boolean existing,
            String pathRefusal) {
        List<Probe> out = new ArrayList<>();
        String etagOf = etagOf(op, path, existing);
        if (!body.json()) {
            for (TextCase c : textCases(op, body)) {
                out.add(new Probe(op, variant, c.label(), op.method(), path, baseHeaders(op, existing), c.body(),
                        c.contentType(), etagOf, pathRefusal != null ? pathRefusal : c.mustRefuse()));
            }
            return out;
        }
        JsonNode sample = validJson(op, body);
        String baseViolation = schemas.violation(body.schema(), sample);
        if (baseViolation != null) {
            throw new AssertionError(op.key() + ": the example with the suite's ids breaks its own schema ("
                    + baseViolation + "): " + sample);
        }
        // one field at a time
        for (Field f : fields(sample, body.schema(), "")) {
            for (Value v : values(f)) {
                JsonNode probeSample = apply(sample, f.pointer(), v.node());
                String why = schemas.violation(body.schema(), probeSample);
                Supplier<byte[]> bytes = () -> utf8(SchemaCheck.write(apply(validJson(op, body), f.pointer(),
                        v.node())));
                out.add(new Probe(op, variant, "body " + f.pointer() + ": " + v.label(), op.method(), path,
                        jsonHeaders(op, existing), bytes, "application/json", etagOf,
                        pathRefusal != null ? pathRefusal : why));
            }
        }
        // the body as a whole
        for (WholeCase c : wholeCases()) {
            Supplier<byte[]> bytes = () -> c.body().apply(validJson(op, body));
            Map<String, String> headers = baseHeaders(op, existing);
            if (c.contentType() != null) {
                headers.put("Content-Type", c.contentType());
            }
            out.add(new Probe(op, variant, c.label(), op.method(), path, headers, bytes, c.contentType(), etagOf,
                    pathRefusal != null ? pathRefusal : c.mustRefuse()));
        }
        return out;
    }

    private Map<String, String> jsonHeaders(Operation op, boolean existing) {
        Map<String, String> h = baseHeaders(op, existing);
        h.put("Content-Type", "application/json");
        return h;
    }

    /** A place in the body to break: {@code pointer} is a JSON pointer, {@code schema} its resolved schema. */
    record Field(String pointer, JsonNode schema, String type) {
    }

    /** One bad value; {@link #REMOVE} leaves the field out. */
    record Value(String label, JsonNode node) {
    }

    static final JsonNode REMOVE = new POJONode("remove");

    /** The fields of the sample and of its schema (also the optional ones the example leaves out). */
    private List<Field> fields(JsonNode sample, JsonNode schema, String pointer) {
        List<Field> out = new ArrayList<>();
        JsonNode s = schemas.resolve(schema);
        String type = SchemaCheck.type(s, sample);
        if (!pointer.isEmpty()) {
            out.add(new Field(pointer, s, type));
        }
        if ("object".equals(type)) {
            Set<String> names = new LinkedHashSet<>();
            sample.fieldNames().forEachRemaining(names::add);
            s.path("properties").fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = sample.get(name);
                JsonNode childSchema = s.path("properties").path(name);
                if (child != null && (child.isObject() || child.isArray())) {
                    out.addAll(fields(child, childSchema, pointer + "/" + name));
                } else {
                    JsonNode cs = schemas.resolve(childSchema);
                    out.add(new Field(pointer + "/" + name, cs, SchemaCheck.type(cs, child)));
                }
            }
        } else if ("array".equals(type) && sample != null && sample.size() > 0) {
            JsonNode first = sample.get(0);
            JsonNode items = s.path("items");
            if (first.isObject() || first.isArray()) {
                out.addAll(fields(first, items, pointer + "/0"));
            } else {
                JsonNode is = schemas.resolve(items);
                out.add(new Field(pointer + "/0", is, SchemaCheck.type(is, first)));
            }
        }
        return out;
    }

    private static JsonNode raw(String json) {
        return new POJONode(new RawValue(json));
    }

    private List<Value> values(Field f) {
        List<Value> v = new ArrayList<>();
        String name = f.pointer().substring(f.pointer().lastIndexOf('/') + 1);
        switch (f.type() == null ? "string" : f.type()) {
            case "string" -> {
                v.add(new Value("NUL (U+0000)", TextNode.valueOf("a\u0000b")));
                v.add(new Value("control character U+0001", TextNode.valueOf("\u0001")));
                v.add(new Value("escape sequence", TextNode.valueOf("\u001b[2J\u001b[31m")));
                v.add(new Value("DEL (U+007F)", TextNode.valueOf("x\u007f")));
                v.add(new Value("C1 control U+0085", TextNode.valueOf("x\u0085")));
                v.add(new Value("unescaped control byte (malformed JSON)", raw("\"a\u0001b\"")));
                v.add(new Value("lone surrogate \\ud800", raw("\"\\ud800\"")));
                v.add(new Value("60,000 characters", TextNode.valueOf("x".repeat(LONG))));
                v.add(new Value("60,000 '@'", TextNode.valueOf("@".repeat(LONG))));
                v.add(new Value("60,000 spaces then x", TextNode.valueOf(" ".repeat(LONG - 1) + "x")));
                v.add(new Value("60,000 '.' around an '@'", TextNode.valueOf(".".repeat(LONG / 2) + "@"
                        + ".".repeat(LONG / 2))));
                v.add(new Value("empty", TextNode.valueOf("")));
                v.add(new Value("blank", TextNode.valueOf("   ")));
                v.add(new Value("unicode", TextNode.valueOf("Ünïcødé \uD83D\uDCA9 \u202Eevil")));
                v.add(new Value("number instead of text", raw("12345")));
                v.add(new Value("boolean instead of text", raw("true")));
                v.add(new Value("object instead of text", NODES.objectNode()));
                v.add(new Value("array instead of text", NODES.arrayNode().add("x")));
                String format = f.schema().path("format").asText();
                if (format.equals("uuid") || name.endsWith("Id") || f.pointer().contains("Ids/")
                        || f.pointer().startsWith("/force") || f.pointer().startsWith("/dependsOn")) {
                    v.add(new Value("random UUID (nothing of that id)", TextNode.valueOf(UUID.randomUUID()
                            .toString())));
                    v.add(new Value("not a UUID", TextNode.valueOf("not-a-uuid")));
                    v.add(new Value("nil UUID", TextNode.valueOf("00000000-0000-0000-0000-000000000000")));
                }
                if (format.equals("date")) {
                    for (String d : List.of("2024-02-30", "+999999999-12-31", "-999999999-01-01", "0000-00-00",
                            "2024-01-01T00:00:00Z")) {
                        v.add(new Value("date " + d, TextNode.valueOf(d)));
                    }
                }
                if (format.equals("date-time")) {
                    for (String d : List.of("2024-01-01T25:00:00Z", "+999999999-12-31T23:59:59Z",
                            "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                            "2024-01-01", "2024-01-01T00:00:00+25:00")) {
                        v.add(new Value("instant " + d, TextNode.valueOf(d)));
                    }
                }
                if (f.schema().has("enum")) {
                    String first = f.schema().path("enum").path(0).asText();
                    v.add(new Value("enum in lower case", TextNode.valueOf(first.toLowerCase(Locale.ROOT))));
                    v.add(new Value("not one of the enum", TextNode.valueOf("NOT_A_VALUE")));
                    v.add(new Value("enum with a trailing space", TextNode.valueOf(first + " ")));
                }
                if (name.equals("amount")) {
                    for (String a : List.of("-1.00", "1e308", "999999999999999.99", "9999999999999999.99", "0.001",
                            "NaN", "1,000.00")) {
                        v.add(new Value("amount " + a, TextNode.valueOf(a)));
                    }
                }
                if (name.equals("currency")) {
                    for (String c : List.of("XXX", "eur", "EURO", "€€€")) {
                        v.add(new Value("currency " + c, TextNode.valueOf(c)));
                    }
                }
            }
            case "integer", "number" -> {
                for (String n : List.of("1e308", "-1e308", "9223372036854775808", "-9223372036854775809",
                        "2147483648", "-1", "0", "1.5", "0.00001", "1e-400", "1e1000000000", "9".repeat(1000),
                        "9".repeat(5000))) {
                    v.add(new Value("number " + (n.length() > 30 ? n.length() + " digits" : n), raw(n)));
                }
                v.add(new Value("text instead of a number", TextNode.valueOf("abc")));
                v.add(new Value("number as text", TextNode.valueOf("12")));
                v.add(new Value("60,000 digits as text", TextNode.valueOf("9".repeat(LONG))));
                v.add(new Value("boolean instead of a number", raw("true")));
                v.add(new Value("object instead of a number", NODES.objectNode()));
                v.add(new Value("array instead of a number", NODES.arrayNode().add(1)));
            }
            case "boolean" -> {
                v.add(new Value("text 'yes'", TextNode.valueOf("yes")));
                v.add(new Value("number instead of a boolean", raw("1")));
                v.add(new Value("object instead of a boolean", NODES.objectNode()));
            }
            case "array" -> {
                v.add(new Value("empty array", NODES.arrayNode()));
                v.add(new Value("text instead of an array", TextNode.valueOf("x")));
                v.add(new Value("object instead of an array", NODES.objectNode()));
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 1000; i++) {
                    many.add("item-" + i);
                }
                v.add(new Value("1,000 items", many));
                v.add(new Value("null item", NODES.arrayNode().add(NullNode.getInstance())));
                v.add(new Value("nested array", NODES.arrayNode().add(NODES.arrayNode())));
                v.add(new Value("60,000-character item", NODES.arrayNode().add("x".repeat(LONG))));
            }
            case "object" -> {
                v.add(new Value("empty object", NODES.objectNode()));
                v.add(new Value("text instead of an object", TextNode.valueOf("x")));
                v.add(new Value("array instead of an object", NODES.arrayNode()));
                v.add(new Value("unknown field inside", NODES.objectNode().put("unexpectedField", 1)));
            }
            default -> {
            }
        }
        v.add(new Value("null", NullNode.getInstance()));
        v.add(new Value("left out", REMOVE));
        return v;
    }

    /** A copy of {@code root} with the value at {@code pointer} replaced (or removed). */
    static JsonNode apply(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            if (value == REMOVE) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (value == REMOVE) {
                a.remove(i);
            } else {
                a.set(i, value);
            }
        }
        return copy;
    }

    record WholeCase(String label, String contentType, java.util.function.Function<JsonNode, byte[]> body,
                     String mustRefuse) {
    }

    private static List<WholeCase> wholeCases() {
        String json = "application/json";
        String malformed = "malformed JSON";
        List<WholeCase> c = new ArrayList<>();
        c.add(new WholeCase("malformed: truncated", json, b -> {
            String t = b.toString();
            return utf8(t.substring(0, t.length() - 1));
        }, malformed));
        c.add(new WholeCase("malformed: trailing comma", json, b -> {
            String t = b.toString();
            return utf8(t.substring(0, t.length() - 1) + ",}");
        }, malformed));
        c.add(new WholeCase("malformed: single quotes", json, b -> utf8(b.toString().replace('"', '\'')), malformed));
        c.add(new WholeCase("malformed: only '{'", json, b -> utf8("{"), malformed));
        c.add(new WholeCase("malformed: unquoted names", json, b -> utf8("{name: 1, other: two}"), malformed));
        c.add(new WholeCase("malformed: binary garbage", json, b -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2,
            (byte) 0x80, 0x7B}, malformed));
        c.add(new WholeCase("invalid UTF-8 in a string", json, b -> {
            byte[] head = utf8("{\"unexpectedField\":\"");
            byte[] tail = utf8("\"}");
            byte[] out = new byte[head.length + 2 + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            out[head.length] = (byte) 0xC3;
            out[head.length + 1] = (byte) 0x28;
            System.arraycopy(tail, 0, out, head.length + 2, tail.length);
            return out;
        }, malformed));
        c.add(new WholeCase("byte order mark before the JSON", json, b -> {
            byte[] t = utf8(b.toString());
            byte[] out = new byte[t.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(t, 0, out, 3, t.length);
            return out;
        }, null));
        c.add(new WholeCase("array instead of an object", json, b -> utf8("[" + b + "]"), "not a JSON object"));
        c.add(new WholeCase("JSON string", json, b -> utf8("\"x\""), "not a JSON object"));
        c.add(new WholeCase("JSON number", json, b -> utf8("1e308"), "not a JSON object"));
        c.add(new WholeCase("JSON null", json, b -> utf8("null"), "no body"));
        c.add(new WholeCase("JSON true", json, b -> utf8("true"), "not a JSON object"));
        c.add(new WholeCase("empty body", json, b -> new byte[0], "no body"));
        c.add(new WholeCase("whitespace body", json, b -> utf8("  \n\t "), "no body"));
        c.add(new WholeCase("two JSON documents", json, b -> utf8(b + " " + b), null));
        c.add(new WholeCase("10,000 nested arrays", json, b -> utf8("[".repeat(10_000) + "]".repeat(10_000)),
                "not a JSON object"));
        c.add(new WholeCase("10,000 nested objects in an unknown field", json, b -> utf8("{\"unexpectedField\":"
                + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}"), "unknown field"));
        c.add(new WholeCase("duplicate field", json, b -> {
            String t = b.toString();
            if (!(b instanceof ObjectNode o) || o.isEmpty()) {
                return utf8(t);
            }
            String first = o.fieldNames().next();
            return utf8(t.substring(0, t.length() - 1) + "," + SchemaCheck.quote(first) + ":" + o.get(first) + "}");
        }, null));
        c.add(new WholeCase("unknown field", json, b -> utf8(((ObjectNode) b).put("unexpectedField", 1)
                .toString()), "unknown field"));
        c.add(new WholeCase("unknown field with a 60,000-character name", json, b -> utf8(((ObjectNode) b)
                .put("u".repeat(LONG), 1).toString()), "unknown field"));
        c.add(new WholeCase("unknown field with NUL in its name", json, b -> utf8(((ObjectNode) b)
                .put("unexpected\u0000Field", 1).toString()), "unknown field"));
        c.add(new WholeCase("1.5 MB body", json, b -> utf8(((ObjectNode) b).put("unexpectedField",
                "x".repeat(1_500_000)).toString()), "body larger than 1 MB"));
        c.add(new WholeCase("Content-Type text/plain", "text/plain", b -> utf8(b.toString()),
                "not application/json"));
        c.add(new WholeCase("Content-Type application/xml", "application/xml", b -> utf8("<body><name>x</name>"
                + "</body>"), "not application/json"));
        c.add(new WholeCase("Content-Type form", "application/x-www-form-urlencoded", b -> utf8("name=x&key=y"),
                "not application/json"));
        c.add(new WholeCase("Content-Type multipart", "multipart/form-data; boundary=abuse", b -> utf8(
                "--abuse\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--abuse--\r\n"),
                "not application/json"));
        c.add(new WholeCase("Content-Type garbage", "garbage", b -> utf8(b.toString()), "not application/json"));
        c.add(new WholeCase("no Content-Type", null, b -> utf8(b.toString()), null));
        c.add(new WholeCase("Content-Type JSON in UTF-16 (bytes UTF-8)", "application/json; charset=UTF-16",
                b -> utf8(b.toString()), null));
        c.add(new WholeCase("Content-Type JSON with an unknown charset", "application/json; charset=abuse",
                b -> utf8(b.toString()), null));
        return c;
    }

    record TextCase(String label, String contentType, Supplier<byte[]> body, String mustRefuse) {
    }

    /** Bulk imports (CSV and NDJSON): broken rows, broken files, the wrong content type. */
    private List<TextCase> textCases(Operation op, Body body) {
        List<TextCase> c = new ArrayList<>();
        String type = body.contentType();
        boolean csv = type.equals("text/csv");
        Supplier<String> valid = () -> validText(op, body);
        // in NDJSON a control character is written as a JSON escape (raw it would be malformed JSON)
        String nul = csv ? "Check\u0000out" : "Check\\u0000out";
        String ctl = csv ? "Check\u0001out" : "Check\\u0001out";
        String title = "Checkout is slow";
        c.add(new TextCase("NUL in a row", type, () -> utf8(valid.get().replace(title, nul)), null));
        c.add(new TextCase("control character in a row", type, () -> utf8(valid.get().replace(title, ctl)), null));
        c.add(new TextCase("raw control byte in a row", type, () -> utf8(valid.get().replace(title, "a\u0002b")),
                null));
        c.add(new TextCase("60,000-character field", type, () -> utf8(valid.get().replace(title, "x".repeat(LONG))),
                null));
        c.add(new TextCase("300,000-character line", type, () -> utf8(valid.get().replace(title,
                "x".repeat(300_000))), null));
        c.add(new TextCase("unterminated quote or string", type, () -> utf8(valid.get() + (csv
                ? "SUPPORT,\"unterminated,x,y\n" : "{\"source\": \"SUPPORT\", \"text\": \"unterminated\n")), null));
        c.add(new TextCase("header only", type, () -> utf8(valid.get().lines().findFirst().orElse("") + "\n"), null));
        c.add(new TextCase("unknown column or field", type, () -> utf8(csv
                ? valid.get().replace("owner\n", "owner,unexpected\n").replace("example.com\n", "example.com,x\n")
                : valid.get().replace("{\"source\"", "{\"unexpected\": 1, \"source\"")), null));
        c.add(new TextCase("empty body", type, () -> new byte[0], null));
        c.add(new TextCase("binary garbage", type, () -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, (byte) 0x80,
            '\n', (byte) 0xC3, 0x28}, null));
        c.add(new TextCase("10,000 columns", type, () -> utf8(",".repeat(10_000) + "\n" + ",".repeat(10_000)
                + "\n"), null));
        c.add(new TextCase("a JSON array per line", type, () -> utf8("[1,2,3]\n[\"x\"]\n"), null));
        c.add(new TextCase("10,000 nested arrays", type, () -> utf8("[".repeat(10_000) + "]".repeat(10_000) + "\n"),
                null));
        c.add(new TextCase("5,000-digit source", type, () -> utf8(valid.get().replace("SUPPORT", "9".repeat(5000))),
                null));
        c.add(new TextCase("Content-Type application/json", "application/json", () -> utf8(valid.get()),
                "not an import media type"));
        c.add(new TextCase("Content-Type application/xml", "application/xml", () -> utf8("<rows/>"),
                "not an import media type"));
        c.add(new TextCase("no Content-Type", null, () -> utf8(valid.get()), null));
        return c;
    }

    // ------------------------------------------------------------------------------------------------ query

    private List<Probe> queryProbes(Operation op, String variant, String path, String pathRefusal) {
        List<Probe> out = new ArrayList<>();
        for (Param p : op.in("query")) {
            for (Map.Entry<String, String> value : queryValues(p).entrySet()) {
                String encoded = value.getValue();
                String query = encoded.startsWith("&") ? encoded.substring(1) : p.name() + "=" + encoded;
                String decoded = java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
                String why = pathRefusal;
                if (why == null && !encoded.startsWith("&")) {
                    why = p.name().equals("cursor")
                            ? (decoded.isEmpty() ? null : "a cursor the service never issued")
                            : schemas.paramViolation(p.schema(), decoded);
                }
                out.add(new Probe(op, variant, "query " + p.name() + "=" + value.getKey(), op.method(),
                        path + "?" + query, new LinkedHashMap<>(), bodyOf(op), contentTypeOf(op), null, why));
            }
        }
        out.add(new Probe(op, variant, "unknown query parameter", op.method(), path + "?unexpected=1&%00=%00",
                new LinkedHashMap<>(), bodyOf(op), contentTypeOf(op), null, pathRefusal));
        return out;
    }

    private Supplier<byte[]> bodyOf(Operation op) {
        if (op.bodies().isEmpty()) {
            return null;
        }
        Body b = op.bodies().get(0);
        return b.json() ? () -> utf8(validJson(op, b).toString()) : () -> utf8(validText(op, b));
    }

    private static String contentTypeOf(Operation op) {
        return op.bodies().isEmpty() ? null : op.bodies().get(0).contentType();
    }

    private Map<String, String> queryValues(Param p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("empty", "");
        v.put("-1", "-1");
        v.put("0", "0");
        v.put("20 digits", "99999999999999999999");
        v.put("2^63", "9223372036854775808");
        v.put("1e308", "1e308");
        v.put("NaN", "NaN");
        v.put("text", "abc");
        v.put("NUL", "%00");
        v.put("NUL inside", "a%00b");
        v.put("U+0001", "%01");
        v.put("escape", "%1B%5B2J");
        v.put("C1 U+0085", "%C2%85");
        v.put("path traversal", "..%2F..%2F..%2Fetc%2Fpasswd");
        v.put("emoji", enc("\uD83D\uDCA9"));
        v.put("RTL override", enc("\u202E"));
        v.put("invalid UTF-8", "%C3%28");
        v.put("random UUID", UUID.randomUUID().toString());
        v.put("60,000 characters", "x".repeat(LONG));
        v.put("1,000 characters", "x".repeat(1000));
        v.put("SQL", enc("' OR '1'='1' --"));
        v.put("LIKE wildcards", enc("%_%\\"));
        v.put("JSON", enc("{\"$gt\": \"\"}"));
        v.put("repeated", "&" + p.name() + "=1&" + p.name() + "=2");
        String type = SchemaCheck.type(p.schema(), null);
        if (p.name().equals("limit")) {
            for (String l : List.of("1", "200", "201", "2147483648", "-2147483649", "1.5", "0x10", "%205", "1e2")) {
                v.put("limit " + l, l);
            }
        }
        if (p.name().equals("cursor")) {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            Map<String, String> cursors = new LinkedHashMap<>();
            cursors.put("[]", "[]");
            cursors.put("[\"x\"]", "[\"x\"]");
            cursors.put("timestamp and not a UUID", "[\"2024-01-01T00:00:00Z\",\"not-a-uuid\"]");
            cursors.put("[null,null]", "[null,null]");
            cursors.put("{}", "{}");
            cursors.put("numbers", "[1e308,-1]");
            cursors.put("far future", "[\"+999999999-12-31T23:59:59Z\",\"" + UUID.randomUUID() + "\"]");
            cursors.put("5,000 nested arrays", "[".repeat(5000) + "]".repeat(5000));
            cursors.put("3,000-character value", "[\"" + "x".repeat(3000) + "\"]");
            cursors.put("60 values", "[" + "1,".repeat(59) + "1]");
            cursors.put("not JSON", "not json at all");
            cursors.put("NUL", "[\"\\u0000\",\"\u0000\"]");
            cursors.put("string with a UUID", "\"" + UUID.randomUUID() + "\"");
            for (Map.Entry<String, String> e : cursors.entrySet()) {
                v.put("cursor " + e.getKey(), b64.encodeToString(utf8(e.getValue())));
            }
            v.put("cursor with padding", Base64.getUrlEncoder().encodeToString(utf8("[\"x\"]")));
            v.put("cursor in standard base64", enc(Base64.getEncoder().encodeToString(utf8("[\"a?>\",\"b?>\"]"))));
            v.put("cursor !!!", "!!!");
            v.put("cursor ====", "====");
        }
        JsonNode schema = p.schema();
        if (schema.has("enum") || schema.path("items").has("enum")) {
            JsonNode e = schema.has("enum") ? schema.path("enum") : schema.path("items").path("enum");
            v.put("enum in lower case", enc(e.path(0).asText().toLowerCase(Locale.ROOT)));
            v.put("not one of the enum", "NOT_A_VALUE");
            v.put("two enum values with a comma", enc(e.path(0).asText() + "," + e.path(e.size() - 1).asText()));
        }
        String format = schema.path("format").asText();
        if (format.equals("date") || format.equals("date-time")) {
            for (String d : List.of("2024-02-30", "+999999999-12-31", "2024-01-01T25:00:00Z",
                    "-999999999-01-01T00:00:00Z", "0000-00-00")) {
                v.put("date " + d, enc(d));
            }
        }
        if ("array".equals(type)) {
            v.put("100 repetitions", "&" + (p.name() + "=x&").repeat(100) + p.name() + "=x");
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------------ headers

    private List<Probe> headerProbes(Operation op, String variant, String path, boolean existing, String pathRefusal,
            Body body) {
        List<Probe> out = new ArrayList<>();
        Supplier<byte[]> bytes = bodyOf(op);
        String ct = contentTypeOf(op);
        if (op.header("If-Match") && existing) {
            Map<String, String> ifMatch = new LinkedHashMap<>();
            ifMatch.put("no If-Match", null);
            ifMatch.put("If-Match *", "*");
            ifMatch.put("If-Match unquoted", "garbage");
            ifMatch.put("If-Match stale", "\"999999\"");
            ifMatch.put("If-Match weak stale", "W/\"999999\"");
            ifMatch.put("If-Match list of stale", "\"999998\", \"999999\"");
            ifMatch.put("If-Match negative", "\"-1\"");
            ifMatch.put("If-Match 20 digits", "\"99999999999999999999\"");
            ifMatch.put("If-Match with a long fraction", "\"999999.99999999999999999999\"");
            ifMatch.put("If-Match empty tag", "\"\"");
            ifMatch.put("If-Match unterminated", "\"1");
            ifMatch.put("If-Match 60,000 characters", "\"" + "9".repeat(LONG) + "\"");
            ifMatch.put("If-Match empty", "");
            for (Map.Entry<String, String> e : ifMatch.entrySet()) {
                Map<String, String> h = baseHeaders(op, true);
                if (ct != null) {
                    h.put("Content-Type", ct);
                }
                if (e.getValue() != null) {
                    h.put("If-Match", e.getValue());
                }
                out.add(new Probe(op, variant, e.getKey(), op.method(), path, h, bytes, ct, null,
                        pathRefusal != null ? pathRefusal : "a missing or wrong If-Match"));
            }
        }
        if (op.header("Idempotency-Key")) {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("Idempotency-Key empty", "");
            keys.put("Idempotency-Key 256 characters", "k".repeat(256));
            keys.put("Idempotency-Key 60,000 characters", "k".repeat(LONG));
            keys.put("Idempotency-Key Latin-1", "schl\u00fcssel-" + UUID.randomUUID());
            keys.put("Idempotency-Key of spaces", "   ");
            for (Map.Entry<String, String> e : keys.entrySet()) {
                Map<String, String> h = baseHeaders(op, existing);
                if (ct != null) {
                    h.put("Content-Type", ct);
                }
                h.put("Idempotency-Key", e.getValue());
                boolean bad = e.getValue().isEmpty() || e.getValue().length() > 255;
                out.add(new Probe(op, variant, e.getKey(), op.method(), path, h, bytes, ct,
                        etagOf(op, path, existing), pathRefusal != null ? pathRefusal
                        : bad ? "an empty or too long Idempotency-Key" : null));
            }
            // the same key twice, the second time with a text changed: a 422 when the first was accepted (a refused
            // first use stores no key, so then the second is a request of its own and may be accepted)
            if (body != null && body.json()) {
                String key = UUID.randomUUID().toString();
                java.util.concurrent.atomic.AtomicReference<JsonNode> first = new java.util.concurrent.atomic
                        .AtomicReference<>();
                Supplier<JsonNode> firstBody = () -> first.updateAndGet(b -> b != null ? b : validJson(op, body));
                for (String round : List.of("first use", "reused with another body")) {
                    Map<String, String> h = jsonHeaders(op, existing);
                    h.put("Idempotency-Key", key);
                    Supplier<byte[]> b = round.equals("first use") ? () -> utf8(firstBody.get().toString())
                            : () -> utf8(withATextChanged(firstBody.get()).toString());
                    out.add(new Probe(op, variant, "Idempotency-Key " + round, op.method(), path, h, b, ct,
                            etagOf(op, path, existing), pathRefusal));
                }
            }
        }
        if (op.method().equals("GET")) {
            Map<String, String[]> headers = new LinkedHashMap<>();
            headers.put("Accept text/html", new String[] {"Accept", "text/html"});
            headers.put("Accept application/xml", new String[] {"Accept", "application/xml"});
            headers.put("Accept garbage", new String[] {"Accept", "garbage;;;q=x"});
            headers.put("X-Request-Id path traversal", new String[] {"X-Request-Id", "../../etc/passwd"});
            headers.put("X-Request-Id 60,000 characters", new String[] {"X-Request-Id", "r".repeat(LONG)});
            headers.put("traceparent garbage", new String[] {"traceparent", "00-zz-zz-zz"});
            if (op.header("If-None-Match")) {
                headers.put("If-None-Match *", new String[] {"If-None-Match", "*"});
                headers.put("If-None-Match garbage", new String[] {"If-None-Match", "garbage"});
                headers.put("If-None-Match 60,000 characters", new String[] {"If-None-Match", "\""
                        + "9".repeat(LONG) + "\""});
            }
            if (op.header("Last-Event-ID")) {
                headers.put("Last-Event-ID garbage", new String[] {"Last-Event-ID", "garbage"});
                headers.put("Last-Event-ID negative offsets", new String[] {"Last-Event-ID",
                    Base64.getUrlEncoder().encodeToString(utf8("{\"x\":-1}"))});
                headers.put("Last-Event-ID 60,000 characters", new String[] {"Last-Event-ID", "x".repeat(LONG)});
            }
            for (Map.Entry<String, String[]> e : headers.entrySet()) {
                Map<String, String> h = new LinkedHashMap<>();
                h.put(e.getValue()[0], e.getValue()[1]);
                boolean notAcceptable = e.getKey().startsWith("Accept text") || e.getKey().startsWith("Accept app");
                out.add(new Probe(op, variant, e.getKey(), op.method(), path, h, null, null, null,
                        pathRefusal != null ? pathRefusal : notAcceptable && !op.stream()
                        ? "an Accept without application/json" : null));
            }
        }
        return out;
    }

    /** A copy with its first free text (not an id, key or date) changed; the same body if it has none. */
    private static JsonNode withATextChanged(JsonNode body) {
        JsonNode copy = body.deepCopy();
        if (copy instanceof ObjectNode o) {
            for (String name : List.of("name", "title", "text", "question", "comment", "metric", "category", "role",
                    "rationale", "reason", "description", "author", "owner", "note", "segment")) {
                if (o.path(name).isTextual()) {
                    o.put(name, o.path(name).asText() + " (again)");
                    return o;
                }
            }
        }
        return copy;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
