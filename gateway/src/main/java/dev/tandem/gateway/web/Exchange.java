package dev.tandem.gateway.web;

import dev.tandem.gateway.routing.Route;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * What the gateway knows about one request, attached to the {@link RoutingContext} by the first gateway handler
 * and read by every later one (future authentication and rate-limit filters included).
 *
 * @param requestId   the accepted or created {@code X-Request-Id}
 * @param traceId     the trace id of the gateway's server span (for the access log; the span itself, and the
 *                    {@code traceparent} sent upstream, are OpenTelemetry's: Quarkus and Vert.x tracing)
 * @param route       the matched route, or null when no route matches (the proxy then answers 404)
 * @param path        the normalised request path used for matching and forwarding
 * @param startNanos  when the gateway started on the request
 * @param upstreamHeaders headers a filter wants on the upstream request (e.g. an internal token); the proxy sets
 *                    them last, replacing any header of the same name from the client
 */
public record Exchange(String requestId, String traceId, Route route, String path,
                       long startNanos, MultiMap upstreamHeaders) {

    /** Where the exchange is kept on the routing context. */
    public static final String KEY = "tandem.gateway.exchange";
    /** The slug of the problem the gateway answered with, for the access log. */
    public static final String PROBLEM_KEY = "tandem.gateway.problem";
    /** Who called, as the access log names them; put there by authentication. */
    public static final String CLIENT_KEY = "tandem.gateway.client";

    /** The exchange of a request that went through the gateway's first handler. */
    public static Exchange of(RoutingContext ctx) {
        Exchange exchange = ctx.get(KEY);
        if (exchange == null) {
            throw new IllegalStateException("no gateway exchange on this request; is the route ordered after "
                    + "RouteOrder.EXCHANGE?");
        }
        return exchange;
    }

    public String upstream() {
        return route == null ? null : route.upstream();
    }
}
