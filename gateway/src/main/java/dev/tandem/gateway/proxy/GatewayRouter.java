package dev.tandem.gateway.proxy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.tandem.gateway.routing.Route;
import dev.tandem.gateway.web.Exchange;
import dev.tandem.gateway.web.RouteOrder;
import dev.tandem.platform.telemetry.TraceContext;
import dev.tandem.platform.web.RequestContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Puts the gateway on Quarkus' Vert.x router: the exchange ({@link RouteOrder#EXCHANGE}) and the handler
 * ({@link RouteOrder#HANDLER}: the proxy, or the merged OpenAPI document) of every gateway request; the filters in
 * between put themselves on it ({@link RouteOrder}).
 */
@ApplicationScoped
public class GatewayRouter {

    public static final String OPENAPI_PATH = "/openapi";
    /** Paths under /api/ that the gateway serves itself (Quarkus REST), not an upstream. */
    public static final java.util.List<String> LOCAL_PREFIXES = java.util.List.of("/api/v1/admin",
            "/api/v1/webhooks");

    private static final Logger ACCESS = Logger.getLogger("dev.tandem.gateway.access");
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate"; // read by Quarkus' HTTP server metrics

    private final Upstreams upstreams;
    private final ProxyHandler proxy;
    private final RequestContext requestContext;

    public GatewayRouter(Upstreams upstreams, ProxyHandler proxy, RequestContext requestContext) {
        this.upstreams = upstreams;
        this.proxy = proxy;
        this.requestContext = requestContext;
    }

    void init(@Observes Router router) {
        for (String pattern : upstreams.routes().proxiedPatterns()) {
            router.route(pattern).order(RouteOrder.EXCHANGE).handler(this::exchange);
            router.route(pattern).order(RouteOrder.HANDLER).handler(proxy);
        }
    }

    /** Whether the gateway serves this path itself. */
    public static boolean isLocal(String path) {
        for (String prefix : LOCAL_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first gateway handler of a request ({@link RouteOrder#EXCHANGE}): request id, trace id, route match and the
     * access log, kept as the {@link Exchange}. Mounted here on the proxied paths, and by
     * {@code openapi.OpenApiHandler} on {@link #OPENAPI_PATH}.
     */
    public void exchange(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.pause(); // filters may go asynchronous before the proxy streams the body on
        }
        String path = ctx.normalizedPath();
        Route route = upstreams.routes().match(path).orElse(null);
        // the platform's HTTP conventions ran first (order -1000) and already decided the request id: use the same
        // value, so logs, problems and the X-Request-Id header all agree
        String requestId = requestContext.isBound() ? requestContext.requestId()
                : RequestContext.acceptOrCreate(request.getHeader(RequestContext.REQUEST_ID_HEADER));
        // the server span Quarkus started for this request (from its traceparent, or a new trace)
        String traceId = TraceContext.currentTraceId();
        Exchange exchange = new Exchange(requestId, traceId == null ? "-" : traceId, route, path, System.nanoTime(),
                MultiMap.caseInsensitiveMultiMap());
        ctx.put(Exchange.KEY, exchange);

        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestContext.REQUEST_ID_HEADER, requestId));
        ctx.addEndHandler(result -> {
            accessLog(ctx, exchange, result);
            if (!request.isEnded()) {
                request.resume(); // never leave a paused, half-read request behind
            }
        });
        if (route != null) {
            Context context = Vertx.currentContext();
            if (context != null) {
                context.putLocal(URL_PATH_TEMPLATE, route.prefix() + "/*");
            }
        }
        ctx.next();
    }

    private void accessLog(RoutingContext ctx, Exchange exchange, AsyncResult<Void> result) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exchange.startNanos());
        String routeName = exchange.route() != null ? exchange.route().prefix()
                : exchange.path().equals(OPENAPI_PATH) ? OPENAPI_PATH
                : isLocal(exchange.path()) ? "gateway" : "-";
        String client = ctx.get(Exchange.CLIENT_KEY);
        StringBuilder line = new StringBuilder(160)
                .append("requestId=").append(exchange.requestId())
                .append(" client=").append(client == null ? "-" : client)
                .append(" method=").append(ctx.request().method().name())
                .append(" path=").append(exchange.path())
                .append(" route=").append(routeName)
                .append(" upstream=").append(exchange.upstream() == null ? "-" : exchange.upstream())
                .append(" status=").append(ctx.response().getStatusCode())
                .append(" durationMs=").append(millis)
                .append(" traceId=").append(exchange.traceId());
        String problem = ctx.get(Exchange.PROBLEM_KEY);
        if (problem != null) {
            line.append(" problem=").append(problem);
        }
        if (result.failed()) {
            line.append(" outcome=aborted");
        }
        ACCESS.info(line);
    }
}
