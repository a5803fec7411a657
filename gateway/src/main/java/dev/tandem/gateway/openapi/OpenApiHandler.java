package dev.tandem.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tandem.gateway.auth.ScopePolicy;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.events.EventStreamHandler;
import dev.tandem.gateway.proxy.GatewayRouter;
import dev.tandem.gateway.proxy.Upstream;
import dev.tandem.gateway.proxy.Upstreams;
import dev.tandem.gateway.routing.Route;
import dev.tandem.gateway.web.GatewayProblems;
import dev.tandem.gateway.web.RouteOrder;
import dev.tandem.platform.security.Scopes;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi}: the merged OpenAPI document of all upstreams and of the gateway's own operations (JSON;
 * {@code ?format=yaml} for YAML). The gateway's part is its own SmallRye document ({@code /q/openapi}: the admin API
 * from annotations, the overview and the event stream from {@code META-INF/openapi.yaml}), read in-process. Every
 * operation's security is the scope {@link ScopePolicy} enforces for it.
 *
 * <p>Built on the first request, kept for {@code tandem.gateway.openapi.cache-ttl} (a document missing an upstream
 * only for {@code degraded-cache-ttl}). The first request that finds it stale starts one rebuild in the background
 * and, like every request until the rebuild is done, gets the stale document: only the very first request waits
 * for the upstreams (each fetch bounded by {@code fetch-timeout}).
 */
@ApplicationScoped
public class OpenApiHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(OpenApiHandler.class);
    private static final String DEFAULT_DESCRIPTION = "Product management, project management and customer "
            + "feedback behind one gateway. Errors are RFC 9457 problems (application/problem+json); every response "
            + "carries X-Request-Id.";

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final GatewayProblems problems;
    private final OpenApiDocumentService ownDocument;
    private final String version;
    private final YAMLMapper yaml = new YAMLMapper();

    private Cached cached;
    private Future<Cached> building;

    /** A merged document with its serialised forms and its expiry. */
    private record Cached(ObjectNode document, byte[] json, long expiresAtNanos) {
    }

    private final GatewayRouter gateway;

    public OpenApiHandler(GatewayRouter gateway, Upstreams upstreams, GatewayConfig config, ObjectMapper mapper, GatewayProblems problems,
            OpenApiDocumentService ownDocument,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.gateway = gateway;
        this.upstreams = upstreams;
        this.config = config;
        this.mapper = mapper;
        this.problems = problems;
        this.ownDocument = ownDocument;
        this.version = version;
    }

    /** Serves the merged document on {@code GET /openapi}, after the gateway's exchange handler. */
    void init(@Observes Router router) {
        router.route(HttpMethod.GET, GatewayRouter.OPENAPI_PATH).order(RouteOrder.EXCHANGE).handler(gateway::exchange);
        router.route(HttpMethod.GET, GatewayRouter.OPENAPI_PATH).order(RouteOrder.HANDLER).handler(this);
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean asYaml = wantsYaml(ctx);
        document().onComplete(result -> {
            if (result.failed()) {
                LOG.warn("merged OpenAPI document could not be built", result.cause());
                problems.send(ctx, 500, "internal", "Internal error", "The merged OpenAPI document could not be built");
                return;
            }
            Cached doc = result.result();
            try {
                Buffer body = asYaml ? Buffer.buffer(yaml.writeValueAsBytes(doc.document())) : Buffer.buffer(doc.json());
                ctx.response()
                        .putHeader("Content-Type", asYaml ? "application/yaml;charset=UTF-8" : "application/json;charset=UTF-8")
                        .putHeader("Cache-Control", "no-cache")
                        .end(body);
            } catch (JsonProcessingException e) {
                problems.send(ctx, 500, "internal", "Internal error", "The merged OpenAPI document could not be written");
            }
        });
    }

    private static boolean wantsYaml(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml");
        }
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("yaml") && !accept.contains("json");
    }

    /** The merged document, from cache while fresh. */
    public Future<ObjectNode> merged() {
        return document().map(Cached::document);
    }

    private synchronized Future<Cached> document() {
        boolean fresh = cached != null && System.nanoTime() - cached.expiresAtNanos() < 0;
        if (fresh) {
            return Future.succeededFuture(cached);
        }
        if (building == null) {
            building = build().andThen(result -> {
                synchronized (this) {
                    if (result.succeeded()) {
                        cached = result.result();
                    }
                    building = null;
                }
            });
        }
        // stale-while-revalidate: once there is a document, nobody waits for the upstreams again
        return cached != null ? Future.succeededFuture(cached) : building;
    }

    private Future<Cached> build() {
        List<Upstream> included = new ArrayList<>();
        List<Future<ObjectNode>> fetches = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            if (config.upstreams().get(upstream.name()).includeInOpenapi()) {
                included.add(upstream);
                fetches.add(fetch(upstream));
            }
        }
        return Future.join(new ArrayList<>(fetches)).transform(ignored -> {
            List<OpenApiMerger.ServiceDocument> documents = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < included.size(); i++) {
                Future<ObjectNode> fetch = fetches.get(i);
                if (fetch.succeeded()) {
                    documents.add(new OpenApiMerger.ServiceDocument(included.get(i).name(), fetch.result()));
                } else {
                    missing.add(included.get(i).name());
                    LOG.warnf("OpenAPI document of upstream '%s' (%s) not available: %s", included.get(i).name(),
                            included.get(i).url(), fetch.cause().toString());
                }
            }
            ObjectNode own = gatewayDocument();
            if (own != null) {
                documents.add(new OpenApiMerger.ServiceDocument(OpenApiMerger.GATEWAY, own));
            } else {
                missing.add(OpenApiMerger.GATEWAY);
            }
            try {
                ObjectNode merged = OpenApiMerger.merge(documents, missing, upstreams.routes(),
                        new OpenApiMerger.Settings(config.openapi().title(), version,
                                config.openapi().description().orElse(DEFAULT_DESCRIPTION),
                                config.openapi().serverUrl()));
                com.fasterxml.jackson.databind.node.ObjectNode contact = merged.with("info").putObject("contact")
                        .put("name", config.openapi().contactName());
                config.openapi().contactEmail().ifPresent(e -> contact.put("email", e));
                config.openapi().contactUrl().ifPresent(u -> contact.put("url", u));
                SecurityDocumenter.document(merged, this::requiredScopes);
                long ttl = (missing.isEmpty() ? config.openapi().cacheTtl() : config.openapi().degradedCacheTtl()).toNanos();
                return Future.succeededFuture(new Cached(merged, mapper.writeValueAsBytes(merged), System.nanoTime() + ttl));
            } catch (RuntimeException | JsonProcessingException e) {
                return Future.failedFuture(e);
            }
        });
    }

    /** The gateway's own document, as {@code /q/openapi} serves it; null (and a warning) if it cannot be had. */
    private ObjectNode gatewayDocument() {
        try {
            JsonNode tree = mapper.readTree(ownDocument.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
            return tree instanceof ObjectNode object && tree.has("openapi") ? object : null;
        } catch (Exception e) {
            LOG.warn("the gateway's own OpenAPI document could not be read", e);
            return null;
        }
    }

    /** What an operation needs, by the rule the gateway enforces; the event stream takes any one read scope. */
    private List<String> requiredScopes(String upstream, String path, String method) {
        if (path.equals(EventStreamHandler.PATH)) {
            return config.events().topics().keySet().stream().sorted().map(s -> Scopes.required(s, true)).toList();
        }
        Route route = upstreams.routes().match(path).orElse(null);
        String upstreamScope = route == null ? null
                : config.upstreams().get(route.upstream()).scope().orElse(route.upstream());
        return ScopePolicy.required(path, method.toUpperCase(Locale.ROOT), route, upstreamScope)
                .map(List::of).orElse(List.of());
    }

    /** An instance whose circuit is closed, else the first: the document is the same on every instance. */
    private static Upstream.Instance anyInstance(Upstream upstream) {
        return upstream.instances().stream()
                .filter(i -> i.circuit().state() == dev.tandem.gateway.proxy.CircuitBreaker.State.CLOSED)
                .findFirst().orElse(upstream.instances().get(0));
    }

    private Future<ObjectNode> fetch(Upstream upstream) {
        String path = config.upstreams().get(upstream.name()).openapiPath();
        long timeout = Math.min(upstream.timeout().toMillis(), config.openapi().fetchTimeout().toMillis());
        return upstream.client()
                .request(upstream.request(anyInstance(upstream), HttpMethod.GET, path.startsWith("/") ? path : "/" + path)
                        .setIdleTimeout(timeout)
                        .putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : discard(response).compose(v -> Future.failedFuture("HTTP " + response.statusCode())))
                .compose(body -> {
                    try {
                        JsonNode tree = mapper.readTree(body.getBytes());
                        if (!(tree instanceof ObjectNode object) || !tree.has("openapi")) {
                            return Future.failedFuture("not an OpenAPI document");
                        }
                        return Future.succeededFuture(object);
                    } catch (Exception e) {
                        return Future.failedFuture(e);
                    }
                });
    }

    private static Future<Void> discard(HttpClientResponse response) {
        return response.body().mapEmpty();
    }
}
