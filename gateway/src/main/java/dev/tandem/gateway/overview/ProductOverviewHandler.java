package dev.tandem.gateway.overview;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.gateway.auth.InternalTokenSigner;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.proxy.CircuitBreaker;
import dev.tandem.gateway.proxy.Upstream;
import dev.tandem.gateway.proxy.Upstreams;
import dev.tandem.gateway.web.Caller;
import dev.tandem.gateway.web.Exchange;
import dev.tandem.gateway.web.GatewayProblems;
import dev.tandem.gateway.web.RouteOrder;
import dev.tandem.platform.security.InternalTokens;
import dev.tandem.platform.security.Scopes;
import dev.tandem.platform.web.RequestContext;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/products/{id}/overview} (scope {@code products:read}): the product with its objectives, top of
 * the backlog, the projects delivering it and its feedback insights, from five upstream calls made in parallel. Each
 * part is the upstream's JSON as it is. A part that fails (upstream down or slow, circuit open, an error status, or
 * a scope the caller lacks) is left out and named in {@code degraded} with the reason: the answer still comes. Only
 * the product itself is essential: 404 when it does not exist, 504 when it does not come in time, 502 when it cannot
 * be read otherwise.
 *
 * <p>Each call may take the timeout of the overview's route ({@code tandem.gateway.routes[i].timeout} of
 * {@code /api/v1/products/{id}/overview}), else its upstream's; the calls run in parallel, so that is also about
 * how long the whole answer may take. A call that misses the overview's deadline while still within its upstream's
 * own {@code timeout} does not count against the upstream's circuit: the deadline is the overview's, not a fault of
 * the service.
 */
@ApplicationScoped
public class ProductOverviewHandler implements Handler<RoutingContext> {

    public static final String PATH = "/api/v1/products/:id/overview";
    /** After the filters (authorization decided products:read), before the proxy. */
    static final int ORDER = RouteOrder.HANDLER - 100;

    /** One part of the overview: where it comes from and what the caller needs to see it. */
    record Part(String name, String upstream, String scopePrefix, String path) {
    }

    /**
     * The outcome of fetching a part: its JSON, or why it is missing.
     *
     * @param status   the upstream's HTTP status; 0 when no answer came
     * @param timedOut whether it is missing because the upstream did not answer in time
     */
    record Fetched(Part part, int status, JsonNode body, String failure, boolean timedOut) {

        static Fetched missing(Part part, String failure) {
            return new Fetched(part, 0, null, failure, false);
        }
    }

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final GatewayProblems problems;
    private final InternalTokenSigner signer;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public ProductOverviewHandler(Upstreams upstreams, GatewayConfig config, GatewayProblems problems,
            InternalTokenSigner signer, ObjectMapper mapper, Vertx vertx) {
        this.upstreams = upstreams;
        this.config = config;
        this.problems = problems;
        this.signer = signer;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    void init(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).order(ORDER).handler(this);
    }

    static List<Part> parts(UUID id) {
        return List.of(
                new Part("product", "product", "products", "/api/v1/products/" + id),
                new Part("objectives", "product", "products", "/api/v1/objectives?productId=" + id),
                new Part("backlog", "product", "products", "/api/v1/products/" + id + "/backlog?limit=5"),
                new Part("projects", "project", "projects", "/api/v1/projects?productId=" + id),
                new Part("feedback", "feedback", "feedback", "/api/v1/insights/" + id));
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!acceptsJson(ctx)) {
            problems.send(ctx, 406, "not-acceptable", "Not acceptable", "None of the accepted media types ("
                    + ctx.request().getHeader("Accept") + ") can be produced; ask for application/json");
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            // as every service answers a path parameter that is not of its type: nothing is at this URI
            problems.send(ctx, 404, "not-found", "Not found", "No resource at " + ctx.request().path()
                    + " (id must be a UUID)");
            return;
        }
        Exchange exchange = Exchange.of(ctx);
        Caller caller = Caller.of(ctx);
        String token = signer.sign(caller);
        Duration routeTimeout = exchange.route() == null ? null : exchange.route().ownTimeout().orElse(null);
        List<Future<Fetched>> fetches = new ArrayList<>();
        for (Part part : parts(id)) {
            fetches.add(fetch(part, caller, token, exchange, routeTimeout));
        }
        Future.join(new ArrayList<>(fetches)).onComplete(done -> answer(ctx, id, fetches));
    }

    /** No {@code Accept}, or one that allows JSON ({@code application/json}, {@code application/*}, {@code *}{@code /*}). */
    static boolean acceptsJson(RoutingContext ctx) {
        List<MIMEHeader> accepted = ctx.parsedHeaders().accept();
        if (accepted.isEmpty()) {
            return true;
        }
        for (MIMEHeader mime : accepted) {
            boolean refused = "0".equals(mime.parameter("q")) || "0.0".equals(mime.parameter("q"));
            String type = mime.component();
            String subtype = mime.subComponent();
            if (!refused && ("*".equals(type) || "application".equalsIgnoreCase(type))
                    && ("*".equals(subtype) || "json".equalsIgnoreCase(subtype))) {
                return true;
            }
        }
        return false;
    }

    private void answer(RoutingContext ctx, UUID id, List<Future<Fetched>> fetches) {
        ObjectNode body = mapper.createObjectNode().put("productId", id.toString());
        ArrayNode degraded = mapper.createArrayNode();
        for (Future<Fetched> future : fetches) {
            Fetched fetched = future.result();
            String name = fetched.part().name();
            if (name.equals("product") && fetched.status() == 404) {
                problems.send(ctx, 404, "not-found", "Not found", "Product " + id + " does not exist");
                return;
            }
            if (fetched.body() != null) {
                body.set(name, fetched.body());
            } else if (name.equals("product") && fetched.timedOut()) {
                problems.send(ctx, 504, "upstream-timeout", "Gateway timeout",
                        "The product itself could not be read: " + fetched.failure());
                return;
            } else if (name.equals("product")) {
                problems.send(ctx, 502, "upstream-failed", "Bad gateway",
                        "The product itself could not be read: " + fetched.failure());
                return;
            } else {
                degraded.addObject().put("part", name).put("upstream", fetched.part().upstream())
                        .put("reason", fetched.failure());
            }
        }
        body.set("degraded", degraded);
        try {
            ctx.response().putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(mapper.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private Future<Fetched> fetch(Part part, Caller caller, String token, Exchange exchange, Duration routeTimeout) {
        String required = Scopes.required(config.upstreams().containsKey(part.upstream())
                ? config.upstreams().get(part.upstream()).scope().orElse(part.scopePrefix()) : part.scopePrefix(), true);
        if (!Scopes.allows(caller.scopes(), required)) {
            return Future.succeededFuture(Fetched.missing(part, "the caller lacks scope " + required));
        }
        Upstream upstream = upstreams.get(part.upstream()).orElse(null);
        if (upstream == null) {
            return Future.succeededFuture(Fetched.missing(part, "upstream " + part.upstream() + " is not configured"));
        }
        Upstream.Choice choice = upstream.choose(null);
        Upstream.Instance instance = choice.instance();
        CircuitBreaker.Permit permit = choice.permit();
        if (!permit.allowed()) {
            return Future.succeededFuture(Fetched.missing(part, "upstream " + upstream.name()
                    + " is unavailable (circuit open)"));
        }
        long timeoutMillis = (routeTimeout != null ? routeTimeout : upstream.timeout()).toMillis();
        long upstreamMillis = upstream.timeout().toMillis();
        Promise<Fetched> outcome = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        // a hard deadline for the whole call (the idle timeout alone would let a trickling body run on)
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (outcome.tryComplete(new Fetched(part, 0, null, "upstream " + upstream.name() + " did not answer within "
                    + timeoutMillis + " ms", true))) {
                if (timeoutMillis >= upstreamMillis) {
                    instance.circuit().onFailure(permit); // slower than the upstream's own timeout allows
                } else {
                    // only too slow for the overview's deadline, which is stricter than what the upstream is held
                    // to: the overview's business, not a fault of the upstream
                    instance.circuit().release(permit);
                }
                HttpClientRequest request = sent.get();
                if (request != null) {
                    request.reset();
                }
            }
        });
        upstream.client()
                .request(upstream.request(instance, HttpMethod.GET, part.path())
                        // the upstream's own limit (what counts against its circuit); the overview's shorter
                        // deadline is the timer above
                        .setIdleTimeout(upstreamMillis)
                        .putHeader("Accept", "application/json")
                        .putHeader(RequestContext.REQUEST_ID_HEADER, exchange.requestId())
                        .putHeader(InternalTokens.HEADER, token))
                .compose(request -> {
                    sent.set(request);
                    if (outcome.future().isComplete()) { // the deadline passed while connecting
                        request.reset();
                        return Future.failedFuture("too late");
                    }
                    return request.send();
                })
                .compose(response -> response.body().map(buffer -> {
                    if (response.statusCode() != 200) {
                        return new Fetched(part, response.statusCode(), null, "upstream " + upstream.name()
                                + " answered HTTP " + response.statusCode(), false);
                    }
                    try {
                        return new Fetched(part, 200, mapper.readTree(buffer.getBytes()), null, false);
                    } catch (java.io.IOException e) {
                        return new Fetched(part, 200, null, "upstream " + upstream.name() + " answered no JSON", false);
                    }
                }))
                .otherwise(error -> new Fetched(part, 0, null, "upstream " + upstream.name() + " " + describe(error),
                        isTimeout(error)))
                .onSuccess(fetched -> {
                    if (outcome.tryComplete(fetched)) {
                        vertx.cancelTimer(timer);
                        if (fetched.status() > 0) {
                            instance.circuit().onSuccess(permit); // any HTTP answer: the upstream is reachable
                        } else {
                            instance.circuit().onFailure(permit);
                        }
                    }
                });
        return outcome.future();
    }

    private static boolean isTimeout(Throwable error) {
        return error.getClass().getName().toLowerCase(Locale.ROOT).contains("timeout");
    }

    private static String describe(Throwable error) {
        if (error instanceof ConnectException) {
            return "could not be reached (connection refused)";
        }
        if (isTimeout(error)) {
            return "did not answer in time";
        }
        return "failed (" + error.getClass().getSimpleName() + ")";
    }
}
