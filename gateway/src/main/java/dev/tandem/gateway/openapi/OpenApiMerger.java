package dev.tandem.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tandem.gateway.routing.Route;
import dev.tandem.gateway.routing.RouteTable;

/**
 * Merges the upstreams' OpenAPI documents into the one document the gateway serves. Pure: no I/O.
 *
 * <ul>
 * <li><b>paths</b>: a path is kept only when the gateway routes it to the service that documents it (so the merged
 * document never promises a path the gateway would send elsewhere, or not at all); each path item is marked
 * {@code x-tandem-upstream}.</li>
 * <li><b>components</b> (every kind): a name that every service defining it defines the same way (compared
 * after this rule is applied to what it references) is kept once; a name defined differently by two or more services
 * becomes {@code <service>_<Name>} in each of them, and their {@code $ref}s, discriminator mappings and security
 * requirements are rewritten. Renaming every side rather than "first one wins" keeps the result independent of the
 * order in which documents arrive.</li>
 * <li><b>tags</b>: the same rule; a clashing tag becomes {@code "<Tag> (<service>)"} and the operations are
 * retagged.</li>
 * <li><b>operationId</b>s stay unique: one used by several services gets {@code <service>_} in front.</li>
 * <li>A service's document-wide {@code security} is copied onto its operations, since it cannot stay global.</li>
 * <li>{@code servers} is the gateway; {@code x-tandem-missing-upstreams} lists services whose document could not
 * be fetched; {@code x-tandem-upstreams} lists the ones merged with their own title and version.</li>
 * <li>The gateway's own document ({@link #GATEWAY}: the admin API, the overview, the event stream) is merged by the
 * same rules, except that all its paths are kept (it documents only what the gateway serves itself) and it is no
 * upstream.</li>
 * </ul>
 */
public final class OpenApiMerger {

    public static final String MISSING_EXTENSION = "x-tandem-missing-upstreams";
    public static final String UPSTREAMS_EXTENSION = "x-tandem-upstreams";
    public static final String UPSTREAM_EXTENSION = "x-tandem-upstream";
    /** The service name of the gateway's own document, and the {@code x-tandem-upstream} of its paths. */
    public static final String GATEWAY = "gateway";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String REF_BASE = "#/components/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The fetched document of one upstream service. */
    public record ServiceDocument(String service, ObjectNode document) {
    }

    /** What the merged document says about itself. */
    public record Settings(String title, String version, String description, String serverUrl) {
    }

    private OpenApiMerger() {
    }

    /**
     * @param documents the upstreams' documents (the result does not depend on their order)
     * @param missing   upstreams whose document could not be fetched
     */
    public static ObjectNode merge(List<ServiceDocument> documents, List<String> missing, RouteTable routes,
            Settings settings) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", highestVersion(documents));
        ObjectNode info = merged.putObject("info");
        info.put("title", settings.title());
        info.put("version", settings.version());
        if (settings.description() != null) {
            info.put("description", settings.description());
        }
        merged.putArray("servers").addObject()
                .put("url", settings.serverUrl())
                .put("description", "Tandem gateway");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode upstreams = JSON.arrayNode();

        List<ServiceDocument> docs = new ArrayList<>();
        for (ServiceDocument source : documents) {
            ObjectNode doc = source.document().deepCopy();
            pushDownGlobalSecurity(doc);
            keepRoutedPaths(source.service(), doc, routes);
            docs.add(new ServiceDocument(source.service(), doc));
        }
        docs.sort(java.util.Comparator.comparing(ServiceDocument::service));

        Map<String, Map<String, Map<String, String>>> componentRenames = componentRenames(docs);
        Map<String, Map<String, String>> tagRenames = tagRenames(docs);
        Set<String> clashingOperationIds = clashingOperationIds(docs);

        for (ServiceDocument source : docs) {
            ObjectNode doc = source.document();
            String service = source.service();
            Map<String, Map<String, String>> renames = componentRenames.get(service);
            rewriteRefs(doc, renames);
            renameSecurityRequirements(doc, renames.getOrDefault("securitySchemes", Map.of()));
            mergeComponents(doc, components, renames);
            mergeTags(doc, tags, tagRenames.get(service));
            mergePaths(service, doc, paths, clashingOperationIds);
            mergeWebhooks(doc, merged);
            if (service.equals(GATEWAY)) {
                continue;
            }

            ObjectNode entry = upstreams.addObject().put("name", service);
            JsonNode sourceInfo = doc.path("info");
            if (sourceInfo.hasNonNull("title")) {
                entry.put("title", sourceInfo.get("title").asText());
            }
            if (sourceInfo.hasNonNull("version")) {
                entry.put("version", sourceInfo.get("version").asText());
            }
        }
        if (tags.isEmpty()) {
            merged.remove("tags");
        }
        if (components.isEmpty()) {
            merged.remove("components");
        }
        merged.set(UPSTREAMS_EXTENSION, upstreams);
        if (!missing.isEmpty()) {
            ArrayNode list = merged.putArray(MISSING_EXTENSION);
            missing.stream().sorted().forEach(list::add);
        }
        return merged;
    }

    private static String highestVersion(List<ServiceDocument> documents) {
        String highest = null;
        for (ServiceDocument d : documents) {
            String v = d.document().path("openapi").asText(null);
            if (v != null && (highest == null || compareVersions(v, highest) > 0)) {
                highest = v;
            }
        }
        return highest == null ? "3.1.0" : highest;
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? parse(x[i]) : 0;
            int q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The new names of clashing components, per service and component kind. A name that two or more services use
     * with different content (compared after their own renames, so a schema that only references a renamed one
     * clashes too: repeated to a fixed point) is prefixed with the service name in every one of them.
     */
    private static Map<String, Map<String, Map<String, String>>> componentRenames(List<ServiceDocument> docs) {
        Map<String, Map<String, Map<String, String>>> renames = new HashMap<>();
        Map<String, Set<String>> takenByKind = new HashMap<>();
        for (ServiceDocument doc : docs) {
            renames.put(doc.service(), new HashMap<>());
            doc.document().path("components").properties().forEach(kind -> kind.getValue().properties()
                    .forEach(item -> takenByKind.computeIfAbsent(kind.getKey(), k -> new HashSet<>()).add(item.getKey())));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            // kind -> name -> (service -> content with that service's current renames applied)
            Map<String, Map<String, Map<String, JsonNode>>> variants = new LinkedHashMap<>();
            for (ServiceDocument doc : docs) {
                Map<String, Map<String, String>> own = renames.get(doc.service());
                doc.document().path("components").properties().forEach(kind -> {
                    if (kind.getKey().startsWith("x-") || !kind.getValue().isObject()) {
                        return;
                    }
                    kind.getValue().properties().forEach(item -> {
                        if (own.getOrDefault(kind.getKey(), Map.of()).containsKey(item.getKey())) {
                            return;
                        }
                        JsonNode content = rewriteRefs(item.getValue().deepCopy(), own);
                        variants.computeIfAbsent(kind.getKey(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(item.getKey(), k -> new LinkedHashMap<>())
                                .put(doc.service(), content);
                    });
                });
            }
            for (Map.Entry<String, Map<String, Map<String, JsonNode>>> kind : variants.entrySet()) {
                Set<String> taken = takenByKind.computeIfAbsent(kind.getKey(), k -> new HashSet<>());
                for (Map.Entry<String, Map<String, JsonNode>> name : kind.getValue().entrySet()) {
                    if (new HashSet<>(name.getValue().values()).size() <= 1) {
                        continue; // defined once, or the same everywhere
                    }
                    for (String service : name.getValue().keySet()) {
                        String renamed = unique(service + "_" + name.getKey(), taken);
                        renames.get(service).computeIfAbsent(kind.getKey(), k -> new LinkedHashMap<>())
                                .put(name.getKey(), renamed);
                    }
                    changed = true;
                }
            }
        }
        return renames;
    }

    private static String unique(String base, Set<String> taken) {
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** Tag names used by several services with different content become {@code "<Tag> (<service>)"} in each. */
    private static Map<String, Map<String, String>> tagRenames(List<ServiceDocument> docs) {
        Map<String, Map<String, JsonNode>> byName = new LinkedHashMap<>();
        for (ServiceDocument doc : docs) {
            for (JsonNode tag : doc.document().path("tags")) {
                String name = tag.path("name").asText(null);
                if (name != null) {
                    byName.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(doc.service(), tag);
                }
            }
        }
        Map<String, Map<String, String>> renames = new HashMap<>();
        docs.forEach(doc -> renames.put(doc.service(), new HashMap<>()));
        byName.forEach((name, variants) -> {
            if (new HashSet<>(variants.values()).size() > 1) {
                variants.keySet().forEach(service -> renames.get(service).put(name, name + " (" + service + ")"));
            }
        });
        return renames;
    }

    /** operationIds that more than one service uses; they get the service name in front everywhere. */
    private static Set<String> clashingOperationIds(List<ServiceDocument> docs) {
        Map<String, Set<String>> services = new HashMap<>();
        for (ServiceDocument doc : docs) {
            forEachOperation(doc.document().path("paths"), (path, method, operation) -> {
                String id = operation.path("operationId").asText(null);
                if (id != null) {
                    services.computeIfAbsent(id, k -> new HashSet<>()).add(doc.service());
                }
            });
        }
        Set<String> clashing = new HashSet<>();
        services.forEach((id, owners) -> {
            if (owners.size() > 1) {
                clashing.add(id);
            }
        });
        return clashing;
    }

    /** Rewrites every {@code #/components/<kind>/<name>} reference (refs, discriminator mappings) per renames. */
    static JsonNode rewriteRefs(JsonNode node, Map<String, Map<String, String>> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node.isTextual()) {
            return rewriteRef(node.asText(), renames).<JsonNode>map(TextNode::valueOf).orElse(node);
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode rewritten = rewriteRefs(field.getValue(), renames);
                if (rewritten != field.getValue()) {
                    field.setValue(rewritten);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode rewritten = rewriteRefs(array.get(i), renames);
                if (rewritten != array.get(i)) {
                    array.set(i, rewritten);
                }
            }
        }
        return node;
    }

    private static Optional<String> rewriteRef(String value, Map<String, Map<String, String>> renames) {
        if (!value.startsWith(REF_BASE)) {
            return Optional.empty();
        }
        String rest = value.substring(REF_BASE.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String kind = rest.substring(0, slash);
        String nameAndTail = rest.substring(slash + 1);
        int tailStart = nameAndTail.indexOf('/');
        String name = tailStart < 0 ? nameAndTail : nameAndTail.substring(0, tailStart);
        String tail = tailStart < 0 ? "" : nameAndTail.substring(tailStart);
        String renamed = renames.getOrDefault(kind, Map.of()).get(name);
        return renamed == null ? Optional.empty()
                : Optional.of(REF_BASE + kind + "/" + renamed + tail);
    }

    private static void pushDownGlobalSecurity(ObjectNode doc) {
        JsonNode global = doc.remove("security");
        if (global == null || !global.isArray()) {
            return;
        }
        forEachOperation(doc.path("paths"), (path, method, operation) -> {
            if (!operation.has("security")) {
                operation.set("security", global.deepCopy());
            }
        });
    }

    private static void renameSecurityRequirements(ObjectNode doc, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        forEachOperation(doc.path("paths"), (path, method, operation) -> {
            JsonNode security = operation.path("security");
            if (!security.isArray()) {
                return;
            }
            for (JsonNode requirement : security) {
                if (requirement instanceof ObjectNode object) {
                    for (Map.Entry<String, String> rename : renames.entrySet()) {
                        JsonNode scopes = object.remove(rename.getKey());
                        if (scopes != null) {
                            object.set(rename.getValue(), scopes);
                        }
                    }
                }
            }
        });
    }

    private static void mergeComponents(ObjectNode doc, ObjectNode merged, Map<String, Map<String, String>> renames) {
        JsonNode own = doc.path("components");
        if (!own.isObject()) {
            return;
        }
        own.properties().forEach(kind -> {
            if (kind.getKey().startsWith("x-") || !kind.getValue().isObject()) {
                return;
            }
            ObjectNode target = merged.has(kind.getKey()) ? (ObjectNode) merged.get(kind.getKey())
                    : merged.putObject(kind.getKey());
            Map<String, String> kindRenames = renames.getOrDefault(kind.getKey(), Map.of());
            kind.getValue().properties().forEach(item -> {
                String name = kindRenames.getOrDefault(item.getKey(), item.getKey());
                if (!target.has(name)) {
                    target.set(name, item.getValue());
                }
            });
        });
    }

    private static void mergeTags(ObjectNode doc, ArrayNode merged, Map<String, String> renames) {
        for (JsonNode tag : doc.path("tags")) {
            String name = tag.path("name").asText(null);
            if (name == null) {
                continue;
            }
            ObjectNode copy = tag.deepCopy();
            copy.put("name", renames.getOrDefault(name, name));
            if (findTag(merged, copy.get("name").asText()) == null) {
                merged.add(copy);
            }
        }
        if (renames.isEmpty()) {
            return;
        }
        forEachOperation(doc.path("paths"), (path, method, operation) -> {
            JsonNode opTags = operation.path("tags");
            if (opTags instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    String renamed = renames.get(array.get(i).asText());
                    if (renamed != null) {
                        array.set(i, TextNode.valueOf(renamed));
                    }
                }
            }
        });
    }

    private static JsonNode findTag(ArrayNode tags, String name) {
        for (JsonNode tag : tags) {
            if (name.equals(tag.path("name").asText(null))) {
                return tag;
            }
        }
        return null;
    }

    /** Drops the paths the gateway does not route to this service: they are not reachable through it. */
    private static void keepRoutedPaths(String service, ObjectNode doc, RouteTable routes) {
        JsonNode paths = doc.path("paths");
        if (!paths.isObject() || service.equals(GATEWAY)) {
            return;
        }
        List<String> names = new ArrayList<>();
        paths.properties().forEach(entry -> names.add(entry.getKey()));
        for (String path : names) {
            Route route = routes.match(path).orElse(null);
            if (route == null || !route.upstream().equals(service)) {
                ((ObjectNode) paths).remove(path);
            }
        }
    }

    private static void mergePaths(String service, ObjectNode doc, ObjectNode merged, Set<String> clashingOperationIds) {
        JsonNode own = doc.path("paths");
        if (!own.isObject()) {
            return;
        }
        own.properties().forEach(path -> {
            if (!(path.getValue() instanceof ObjectNode item)) {
                return;
            }
            item.properties().forEach(field -> {
                if (HTTP_METHODS.contains(field.getKey()) && field.getValue() instanceof ObjectNode operation) {
                    String id = operation.path("operationId").asText(null);
                    if (id != null && clashingOperationIds.contains(id)) {
                        operation.put("operationId", service + "_" + id);
                    }
                }
            });
            item.put(UPSTREAM_EXTENSION, service);
            merged.set(path.getKey(), item);
        });
    }

    private static void mergeWebhooks(ObjectNode doc, ObjectNode merged) {
        JsonNode webhooks = doc.path("webhooks");
        if (!webhooks.isObject() || webhooks.isEmpty()) {
            return;
        }
        ObjectNode target = merged.has("webhooks") ? (ObjectNode) merged.get("webhooks") : merged.putObject("webhooks");
        webhooks.properties().forEach(hook -> {
            if (!target.has(hook.getKey())) {
                target.set(hook.getKey(), hook.getValue());
            }
        });
    }

    private interface OperationVisitor {
        void visit(String path, String method, ObjectNode operation);
    }

    private static void forEachOperation(JsonNode paths, OperationVisitor visitor) {
        if (!paths.isObject()) {
            return;
        }
        paths.properties().forEach(path -> {
            if (!path.getValue().isObject()) {
                return;
            }
            path.getValue().properties().forEach(op -> {
                if (HTTP_METHODS.contains(op.getKey()) && op.getValue() instanceof ObjectNode operation) {
                    visitor.visit(path.getKey(), op.getKey(), operation);
                }
            });
        });
    }
}
