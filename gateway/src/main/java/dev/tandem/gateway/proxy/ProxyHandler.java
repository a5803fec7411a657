package dev.tandem.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import dev.tandem.gateway.routing.Route;
import dev.tandem.gateway.web.Exchange;
import dev.tandem.gateway.web.GatewayProblems;
import dev.tandem.platform.web.RequestContext;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * The reverse proxy: forwards the request to the route's upstream and streams the answer back, non-blocking and
 * without buffering bodies in either direction.
 *
 * <p>The gateway answers by itself, always with a problem: 404 no route, 502 upstream unreachable or connection
 * lost, 503 circuit open, 504 upstream too slow (the route's {@code timeout}, else the upstream's, counted from the
 * moment the upstream has the whole request: a client that sends its body slowly does not use up the upstream's
 * time, see {@link RequestReceiveTimeout}). A GET or HEAD is retried once when the connection is refused or the
 * upstream answers 503; nothing else is retried (a POST may have had its effect, a timeout may be work in progress).
 *
 * <p>Only faults of the upstream count against its circuit: a refused or broken connection, no answer in time once
 * it had the request. A client that goes away or does not finish sending its body settles nothing.
 */
@ApplicationScoped
public class ProxyHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    /** Never forwarded from the client: its credentials, and any internal token it may try to smuggle in. */
    static final java.util.List<String> CREDENTIAL_HEADERS = java.util.List.of("Authorization", "X-API-Key",
            dev.tandem.platform.security.InternalTokens.HEADER);

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final GatewayProblems problems;

    public ProxyHandler(Vertx vertx, Upstreams upstreams, GatewayProblems problems) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Exchange exchange = Exchange.of(ctx);
        Route route = exchange.route();
        if (route == null) {
            if (GatewayRouter.isLocal(exchange.path())) {
                ctx.next(); // the gateway's own endpoints (admin API), served by Quarkus REST
                return;
            }
            problems.send(ctx, 404, "not-found", "Not found",
                    "No API route matches " + exchange.path() + "; see GET /openapi for the available paths");
            return;
        }
        Upstream upstream = upstreams.get(route.upstream()).orElseThrow();
        Upstream.Choice choice = upstream.choose(null);
        CircuitBreaker.Permit permit = choice.permit();
        if (!permit.allowed()) {
            long seconds = Math.max(1, (permit.retryAfterMillis() + 999) / 1000);
            problems.send(ctx, 503, "upstream-unavailable", "Service unavailable",
                    "Upstream '" + upstream.name() + "' is unavailable after repeated failures (circuit open); "
                            + "retry in " + seconds + " s",
                    response -> response.putHeader("Retry-After", Long.toString(seconds)));
            return;
        }
        new Call(ctx, exchange, upstream, choice.instance(), route.timeoutOr(upstream.timeout()), permit, 0).start();
    }

    /** One forwarded request. All callbacks run on the request's event-loop context. */
    private final class Call {

        private final RoutingContext ctx;
        private final Exchange exchange;
        private final Upstream upstream;
        /** The instance of the upstream this attempt goes to. */
        private final Upstream.Instance instance;
        /**
         * The route's timeout, else the upstream's: from the moment the upstream has the whole request until the
         * response headers, then the response body's idle limit.
         */
        private final Duration timeout;
        private final CircuitBreaker.Permit permit;
        private final int attempt;
        private final AtomicBoolean settled = new AtomicBoolean();
        private long timerId = -1;
        private HttpClientRequest upstreamRequest;
        /** Whether the request body was handed to the upstream (then it cannot be sent again). */
        private boolean bodyTouched;

        Call(RoutingContext ctx, Exchange exchange, Upstream upstream, Upstream.Instance instance, Duration timeout,
                CircuitBreaker.Permit permit, int attempt) {
            this.ctx = ctx;
            this.exchange = exchange;
            this.upstream = upstream;
            this.instance = instance;
            this.timeout = timeout;
            this.permit = permit;
            this.attempt = attempt;
        }

        /**
         * Whether one more attempt is allowed: only the first, only for a GET or HEAD without a body (it cannot have
         * had an effect, and nothing was consumed that could not be sent again), and only while the client waits.
         */
        private boolean mayRetry() {
            HttpServerRequest in = ctx.request();
            return attempt == 0 && (in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD)
                    && !in.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                    && (!in.headers().contains(HttpHeaders.CONTENT_LENGTH) || "0".equals(in.getHeader(HttpHeaders.CONTENT_LENGTH)))
                    && !ctx.response().closed();
        }

        /**
         * Whether a request that never reached the upstream (connection refused) may go to another instance: a read
         * as above, or a write that carries an {@code Idempotency-Key} (the services replay its first answer if it
         * did arrive somewhere) whose body has not been read yet. Other writes are not retried.
         */
        private boolean mayRetryUnsent() {
            return mayRetry() || attempt == 0 && ctx.request().getHeader("Idempotency-Key") != null
                    && !ctx.response().closed() && !bodyTouched;
        }

        private void retry(String why) {
            LOG.debugf("requestId=%s upstream=%s retrying once (another instance when there is one): %s",
                    exchange.requestId(), upstream.name(), why);
            Upstream.Choice choice = upstream.choose(instance);
            CircuitBreaker.Permit next = choice.permit();
            if (!next.allowed()) {
                long seconds = Math.max(1, (next.retryAfterMillis() + 999) / 1000);
                problems.send(ctx, 503, "upstream-unavailable", "Service unavailable",
                        "Upstream '" + upstream.name() + "' is unavailable (circuit open); retry in " + seconds + " s",
                        response -> response.putHeader("Retry-After", Long.toString(seconds)));
                return;
            }
            new Call(ctx, exchange, upstream, choice.instance(), timeout, next, attempt + 1).start();
        }

        void start() {
            HttpServerRequest in = ctx.request();
            String query = in.query();
            RequestOptions options = upstream.request(instance, in.method(),
                    exchange.path() + (query == null || query.isEmpty() ? "" : "?" + query))
                    // no idle limit while the client's body is still coming in: it starts once the upstream has it
                    .setIdleTimeout(0);
            Headers.copyRequestHeaders(in.headers(), options.getHeaders() == null ? initHeaders(options) : options.getHeaders());
            options.putHeader(RequestContext.REQUEST_ID_HEADER, exchange.requestId());
            // traceparent (and tracestate) are not copied: Vert.x tracing makes the upstream call a client span of
            // this request's server span and sends that span's context (Headers leaves the client's values out)
            addForwardedHeaders(in, options);
            // the caller's credentials end at the gateway; upstreams get the internal token it signs instead
            for (String credential : CREDENTIAL_HEADERS) {
                options.getHeaders().remove(credential);
            }
            for (String name : exchange.upstreamHeaders().names()) { // set by filters: they win
                options.getHeaders().remove(name);
                exchange.upstreamHeaders().getAll(name).forEach(value -> options.addHeader(name, value));
            }

            // (not response().closeHandler: Vert.x Web's end handlers own that one)
            ctx.addEndHandler(ended -> {
                if (ended.failed()) {
                    onClientGone();
                }
            });

            // obtaining a connection is bounded by the connect timeout; the upstream's own time starts once it has
            // the whole request (requestSent)
            upstream.client().request(options).onComplete(ar -> {
                if (ar.failed()) {
                    onFailure(ar.cause());
                    return;
                }
                upstreamRequest = ar.result();
                if (settled.get()) {
                    upstreamRequest.reset();
                    return;
                }
                upstreamRequest.response().onComplete(response -> {
                    if (response.succeeded()) {
                        onResponse(response.result());
                    } else {
                        onFailure(response.cause());
                    }
                });
                sendBody(in, upstreamRequest).onComplete(sent -> {
                    if (sent.succeeded()) {
                        requestSent();
                    } else {
                        onBodyFailed(sent.cause());
                    }
                });
            });
        }

        /** The upstream has the whole request: from now on it has {@code timeout} to answer. */
        private void requestSent() {
            if (settled.get()) {
                return;
            }
            timerId = vertx.setTimer(timeout.toMillis(), id -> onTimeout());
            // Vert.x cancels a request's idle timeout when the response headers arrive, and never again: one armed
            // after that fires later on a finished request and resets its connection, by then back in the pool and
            // carrying another request (which fails with "closed the connection without a response"). So only
            // while no answer has come.
            if (!upstreamRequest.response().isComplete()) {
                upstreamRequest.idleTimeout(timeout.toMillis());
            }
        }

        /**
         * The request body could not be passed on. When the client is the cause (it went away, or the gateway
         * answered 408 and closed its connection, {@link RequestReceiveTimeout}) nothing counts against the upstream
         * and the upstream request is dropped; otherwise the upstream's side broke ({@link #onFailure}).
         */
        private void onBodyFailed(Throwable cause) {
            if (!ctx.response().closed() && !ctx.response().ended()) {
                onFailure(cause);
                return;
            }
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            vertx.cancelTimer(timerId);
            instance.circuit().release(permit);
            if (upstreamRequest != null) {
                upstreamRequest.reset();
            }
            LOG.debugf("requestId=%s upstream=%s request body not received from the client: %s",
                    exchange.requestId(), upstream.name(), cause);
        }

        /** Whether the client's whole request (body included) has arrived at the gateway. */
        private boolean requestReceived() {
            return ctx.request().isEnded() || ctx.body().available();
        }

        private MultiMap initHeaders(RequestOptions options) {
            options.setHeaders(MultiMap.caseInsensitiveMultiMap());
            return options.getHeaders();
        }

        /** Sends the request body on; completes once the upstream request has been written whole. */
        private Future<Void> sendBody(HttpServerRequest in, HttpClientRequest out) {
            bodyTouched = true;
            if (ctx.body().available()) {
                // already read by a body handler: the platform's HTTP conventions buffer chunked JSON bodies (up to
                // quarkus.http.limits.max-body-size) to enforce the size limit; everything else streams
                return out.end(ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer());
            }
            boolean hasBody = in.headers().contains(HttpHeaders.CONTENT_LENGTH)
                    || in.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                    || in.version() == HttpVersion.HTTP_2 && !in.isEnded();
            if (!hasBody || in.isEnded()) {
                if (!in.isEnded()) {
                    in.resume();
                }
                return out.end();
            }
            if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
                ctx.response().writeContinue();
            }
            if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                out.setChunked(true);
            }
            // pipes (and resumes) the paused request body; a client that breaks off leaves the upstream request
            // unfinished (it is reset, never ended as if the body were complete)
            return in.pipe().endOnFailure(false).to(out);
        }

        private void onResponse(HttpClientResponse response) {
            if (!settled.compareAndSet(false, true)) {
                response.request().reset();
                return;
            }
            vertx.cancelTimer(timerId);
            // (no idle timeout armed here: after the response headers Vert.x never cancels it, see requestSent)
            instance.circuit().onSuccess(permit);
            if (response.statusCode() == 503 && mayRetry()) {
                response.request().reset(); // the answer is dropped: the one retry's answer is what the client gets
                retry("upstream answered 503");
                return;
            }
            HttpServerResponse out = ctx.response();
            out.setStatusCode(response.statusCode());
            Headers.copyResponseHeaders(response.headers(), out.headers());
            out.headers().set(RequestContext.REQUEST_ID_HEADER, exchange.requestId());
            int status = response.statusCode();
            boolean mayHaveBody = ctx.request().method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
            if (mayHaveBody && !out.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                out.setChunked(true);
            }
            response.pipe().endOnFailure(false).to(out, piped -> {
                if (piped.failed()) {
                    // the status line is gone already: the only honest signal left is a broken connection
                    LOG.debugf("requestId=%s upstream=%s response body interrupted: %s", exchange.requestId(),
                            upstream.name(), piped.cause());
                    response.request().reset();
                    if (!out.ended()) {
                        out.reset();
                    }
                }
            });
        }

        private void onTimeout() {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            instance.circuit().onFailure(permit);
            if (upstreamRequest != null) {
                upstreamRequest.reset();
            }
            problems.send(ctx, 504, "upstream-timeout", "Gateway timeout",
                    "Upstream '" + upstream.name() + "' did not answer within " + timeout.toMillis() + " ms");
        }

        private void onFailure(Throwable cause) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            vertx.cancelTimer(timerId);
            if (ctx.response().closed()) {
                instance.circuit().release(permit); // our client went away; says nothing about the upstream
                if (upstreamRequest != null) {
                    upstreamRequest.reset();
                }
                return;
            }
            if (cause instanceof ConnectException && mayRetryUnsent()) {
                // the request never reached the upstream. With one instance, the retry's outcome is what counts for
                // its circuit (a retried request counts once); with several, this instance failed and the request
                // goes to another one
                if (upstream.instances().size() > 1) {
                    instance.circuit().onFailure(permit);
                } else {
                    instance.circuit().release(permit);
                }
                retry("connection refused");
                return;
            }
            boolean clientStillSending = bodyTouched && !requestReceived();
            if (clientStillSending && !(cause instanceof ConnectException || cause instanceof UnknownHostException)) {
                // the failure came while the client was still sending its body: an upstream that gave up on a
                // trickling request (its own read timeout) is not at fault
                instance.circuit().release(permit);
            } else {
                instance.circuit().onFailure(permit);
            }
            if (upstreamRequest != null) {
                upstreamRequest.reset();
            }
            LOG.debugf("requestId=%s upstream=%s failed: %s", exchange.requestId(), upstream.name(), cause);
            String name = upstream.name();
            if (isTimeout(cause)) {
                problems.send(ctx, 504, "upstream-timeout", "Gateway timeout",
                        "Upstream '" + name + "' did not accept or answer the request in time");
            } else if (cause instanceof ConnectException) {
                problems.send(ctx, 502, "upstream-unreachable", "Bad gateway",
                        "Upstream '" + name + "' could not be reached (connection refused)");
            } else if (cause instanceof UnknownHostException) {
                problems.send(ctx, 502, "upstream-unreachable", "Bad gateway",
                        "Upstream '" + name + "' could not be reached (unknown host)");
            } else {
                problems.send(ctx, 502, "upstream-failed", "Bad gateway",
                        "Upstream '" + name + "' closed the connection without a response");
            }
        }

        private void onClientGone() {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            vertx.cancelTimer(timerId);
            instance.circuit().release(permit);
            if (upstreamRequest != null) {
                upstreamRequest.reset();
            }
        }
    }

    private static boolean isTimeout(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return true;
        }
        String type = cause.getClass().getName().toLowerCase(Locale.ROOT);
        return type.contains("timeout");
    }

    private static void addForwardedHeaders(HttpServerRequest in, RequestOptions options) {
        String clientAddress = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        String previous = in.getHeader("X-Forwarded-For");
        if (clientAddress != null) {
            options.putHeader("X-Forwarded-For",
                    previous == null || previous.isBlank() ? clientAddress : previous + ", " + clientAddress);
        } else if (previous != null) {
            options.putHeader("X-Forwarded-For", previous);
        }
        options.putHeader("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        String host = in.getHeader(HttpHeaders.HOST);
        if (host == null && in.authority() != null) {
            host = in.authority().toString();
        }
        if (host != null) {
            options.putHeader("X-Forwarded-Host", host);
        }
    }
}
