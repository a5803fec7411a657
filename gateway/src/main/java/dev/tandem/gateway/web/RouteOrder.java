package dev.tandem.gateway.web;

/**
 * The order of the gateway's route handlers on Quarkus' Vert.x router (lower runs first), shared by everything that
 * puts a handler on it:
 *
 * <ol>
 * <li>{@link #EXCHANGE}: request id, trace id, route match, access log ({@link Exchange});</li>
 * <li>{@link #AUTHENTICATION}, {@link #RATE_LIMIT}, {@link #AUTHORIZATION}: the filters (plain
 * {@code Handler<RoutingContext>} routes on the same paths that either call {@code ctx.next()} or answer with
 * {@link GatewayProblems}): {@code auth.AccessControl}, {@code ratelimit.RateLimitFilter};</li>
 * <li>{@link #HANDLER}: the proxy, or the merged OpenAPI document; the gateway's own handlers (the event stream, the
 * product overview) just before it.</li>
 * </ol>
 * All of them run before Quarkus' own application routes ({@code RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT}).
 */
public final class RouteOrder {

    public static final int EXCHANGE = 100;
    public static final int AUTHENTICATION = 200;
    /** Before authorization, so that refused (403) requests use up the budget and carry the headers too. */
    public static final int RATE_LIMIT = 250;
    public static final int AUTHORIZATION = 300;
    public static final int HANDLER = 900;

    private RouteOrder() {
    }
}
