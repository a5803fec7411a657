package dev.tandem.gateway.proxy;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.routing.Route;
import dev.tandem.gateway.routing.RouteTable;
import dev.tandem.gateway.web.GatewayProblems;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * The time a client has to send its request, body included ({@code tandem.gateway.request-receive-timeout}, or the
 * route's {@code request-receive-timeout}), counted from its arrival. Past it the gateway answers 408
 * {@code request-timeout} and closes the connection; the proxy then drops the half-sent upstream request without
 * counting anything against the upstream (a slow client is not a fault of the service).
 *
 * <p>Runs before the platform's HTTP conventions ({@link #ORDER}), which read a chunked JSON body whole before any
 * later handler sees the request: a client trickling such a body is bounded too. Only requests that announce a body
 * get a timer.
 */
@ApplicationScoped
public class RequestReceiveTimeout {

    /** Before the platform's HTTP conventions (-1000), which may read the whole body first. */
    static final int ORDER = -1_100;
    private static final Logger LOG = Logger.getLogger(RequestReceiveTimeout.class);

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final RouteTable routes;
    private final GatewayProblems problems;
    private final Vertx vertx;

    public RequestReceiveTimeout(GatewayConfig config, Upstreams upstreams, RouteTable routes,
            GatewayProblems problems, Vertx vertx) {
        this.config = config;
        this.upstreams = upstreams;
        this.routes = routes;
        this.problems = problems;
        this.vertx = vertx;
    }

    void init(@Observes Router router) {
        for (String pattern : routes.proxiedPatterns()) {
            router.route(pattern).order(ORDER).handler(this::arm);
        }
    }

    private void arm(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded() || !announcesBody(request)) {
            ctx.next();
            return;
        }
        Duration limit = upstreams.routes().match(ctx.normalizedPath()).map(Route::receiveTimeout)
                .orElse(null);
        long millis = (limit != null ? limit : config.requestReceiveTimeout()).toMillis();
        long timer = vertx.setTimer(millis, id -> expire(ctx, millis));
        ctx.addEndHandler(ended -> vertx.cancelTimer(timer));
        ctx.next();
    }

    private void expire(RoutingContext ctx, long millis) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            return; // the whole request arrived; the answer is under way
        }
        HttpServerResponse response = ctx.response();
        LOG.debugf("%s %s: request body not received within %d ms", request.method(), ctx.normalizedPath(), millis);
        if (response.headWritten()) {
            // the upstream answered before reading the whole body; once that answer is out, stop the trickle
            if (response.ended()) {
                close(request);
            }
            return;
        }
        problems.send(ctx, 408, "request-timeout", "Request timeout",
                "The request body was not received completely within " + millis + " ms; the request was not "
                        + "forwarded completely and has no effect. Send it again, faster (or split it)",
                r -> r.putHeader(HttpHeaders.CONNECTION, "close"))
                .onComplete(written -> close(request));
    }

    /** Ends the slow client's connection (HTTP/1.x); an HTTP/2 stream is reset, the connection serves others. */
    private static void close(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            if (!request.response().closed()) {
                request.response().reset();
            }
            return;
        }
        request.connection().close();
    }

    /** Whether the request says a body follows (a Content-Length above 0, chunked, or an open HTTP/2 stream). */
    static boolean announcesBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || request.version() == HttpVersion.HTTP_2;
    }
}
