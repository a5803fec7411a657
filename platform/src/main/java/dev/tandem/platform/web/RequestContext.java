package dev.tandem.platform.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.MDC;

/**
 * The request id and W3C trace context of the work in progress; inject it anywhere.
 *
 * <p>Inside an HTTP request the values are the request's: {@link HttpConventionsRouter} takes {@code X-Request-Id}
 * and {@code traceparent} from the request (or makes new ones) before anything else runs, and stores them in the
 * request's Vert.x duplicated context, which Quarkus carries over to worker threads, so the values are per request
 * although this bean is application scoped. It is deliberately not {@code @RequestScoped}: the outbox writer, Kafka
 * consumers and scheduled jobs call it where no request scope is active, and a request-scoped bean would throw there.
 *
 * <p>Outside a request: on a Vert.x duplicated context (a Kafka message, a scheduled run) the first call creates a
 * fresh id and traceparent and keeps them for the rest of that unit of work; on a plain thread every call returns
 * fresh values.
 */
@ApplicationScoped
public class RequestContext {

    /** Header carrying the request id, in and out. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** MDC key under which the request id is logged ({@code %X{requestId}} in the log format). */
    public static final String MDC_KEY = "requestId";

    private static final String LOCAL_KEY = "dev.tandem.platform.web.RequestContext";
    private static final String REQUEST_KEY = "dev.tandem.platform.web.RequestContext.request";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** The request id: the caller's {@code X-Request-Id} when it was a sane token, else a generated UUID. */
    public String requestId() {
        return current().requestId();
    }

    /**
     * The traceparent to send on (outgoing calls, events): the caller's trace id and flags with this service's span
     * id, or a new sampled trace when the caller sent none or an invalid one.
     */
    public String traceparent() {
        return current().traceparent().toString();
    }

    /** The 32-hex-digit trace id of {@link #traceparent()}. */
    public String traceId() {
        return current().traceparent().traceId();
    }

    /**
     * A header of the current HTTP request exactly as received (an empty value stays empty, where a Jakarta REST
     * {@code @HeaderParam} would give null); empty outside a request or when the header is absent.
     */
    public Optional<String> header(String name) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return Optional.empty();
        }
        return ContextLocals.<HttpServerRequest>get(REQUEST_KEY).map(r -> r.getHeader(name));
    }

    /** Whether an HTTP request (or an earlier call in this unit of work) set the values. */
    public boolean isBound() {
        return lookup() != null;
    }

    /** A request id is accepted from a client only if it is 1..128 characters of {@code [A-Za-z0-9._-]}. */
    public static boolean isSaneRequestId(String candidate) {
        return candidate != null && SANE_ID.matcher(candidate).matches();
    }

    /** The values a request starts with, from its headers (either may be null). */
    static Values fromHeaders(String requestIdHeader, String traceparentHeader) {
        String requestId = isSaneRequestId(requestIdHeader) ? requestIdHeader : newRequestId();
        TraceParent traceparent = TraceParent.parse(traceparentHeader).map(TraceParent::child)
                .orElseGet(TraceParent::random);
        return new Values(requestId, traceparent);
    }

    /** Binds values to the current Vert.x duplicated context and the MDC; false when not on such a context. */
    static boolean bind(Values values, HttpServerRequest request) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return false;
        }
        if (request != null) {
            ContextLocals.put(REQUEST_KEY, request);
        }
        ContextLocals.put(LOCAL_KEY, values);
        MDC.put(MDC_KEY, values.requestId());
        return true;
    }

    private static Values lookup() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return null;
        }
        return ContextLocals.<Values>get(LOCAL_KEY).orElse(null);
    }

    private static Values current() {
        Values values = lookup();
        if (values == null) {
            values = new Values(newRequestId(), TraceParent.random());
            bind(values, null);
        }
        return values;
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** A request id and the traceparent to propagate. */
    record Values(String requestId, TraceParent traceparent) {
    }
}
