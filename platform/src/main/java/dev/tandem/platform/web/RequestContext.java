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
 * The request id of the work in progress; inject it anywhere.
 *
 * <p>Inside an HTTP request the value is the request's: {@link HttpConventionsRouter} takes {@code X-Request-Id} from
 * the request (or makes a new one) before anything else runs, and stores it in the request's Vert.x duplicated
 * context, which Quarkus carries over to worker threads, so the value is per request although this bean is
 * application scoped. It is deliberately not {@code @RequestScoped}: Kafka consumers and scheduled jobs call it where
 * no request scope is active, and a request-scoped bean would throw there.
 *
 * <p>Outside a request: on a Vert.x duplicated context (a Kafka message, a scheduled run) the first call creates a
 * fresh id and keeps it for the rest of that unit of work; on a plain thread every call returns a fresh one.
 *
 * <p>The trace context is not kept here: OpenTelemetry owns it (Quarkus starts a server span per request from its
 * {@code traceparent}); read it with {@code dev.tandem.platform.telemetry.TraceContext}.
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
     * A header of the current HTTP request exactly as received (an empty value stays empty, where a Jakarta REST
     * {@code @HeaderParam} would give null); empty outside a request or when the header is absent.
     */
    public Optional<String> header(String name) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return Optional.empty();
        }
        return ContextLocals.<HttpServerRequest>get(REQUEST_KEY).map(r -> r.getHeader(name));
    }

    /** Whether an HTTP request (or an earlier call in this unit of work) set the value. */
    public boolean isBound() {
        return lookup() != null;
    }

    /** A request id is accepted from a client only if it is 1..128 characters of {@code [A-Za-z0-9._-]}. */
    public static boolean isSaneRequestId(String candidate) {
        return candidate != null && SANE_ID.matcher(candidate).matches();
    }

    /** The incoming id when it is sane ({@link #isSaneRequestId}), otherwise a new random UUID. */
    public static String acceptOrCreate(String incoming) {
        return isSaneRequestId(incoming) ? incoming : newRequestId();
    }

    /** The values a request starts with, from its {@code X-Request-Id} header (may be null). */
    static Values fromHeaders(String requestIdHeader) {
        return new Values(acceptOrCreate(requestIdHeader));
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
            values = new Values(newRequestId());
            bind(values, null);
        }
        return values;
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** The request id of a unit of work. */
    record Values(String requestId) {
    }
}
