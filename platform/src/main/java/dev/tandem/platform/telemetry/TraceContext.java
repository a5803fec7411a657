package dev.tandem.platform.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context where Tandem carries it itself: on outbox rows (the context of the change that wrote the
 * event) and in Kafka record headers ({@code traceparent}, the CloudEvents distributed-tracing extension). HTTP is
 * left to Quarkus (server spans) and Vert.x (client spans); this class only reads and writes the W3C format, always
 * through OpenTelemetry's {@link W3CTraceContextPropagator}, never by string building.
 */
public final class TraceContext {

    /** The W3C header (and CloudEvents extension) name. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** Reads the last value of each header, as the CloudEvents Kafka binding does. */
    private static final TextMapGetter<Headers> KAFKA_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            for (Header header : carrier) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContext() {
    }

    /**
     * The {@code traceparent} of the span in {@code context} (the span a receiver should take as its parent); null
     * when there is no valid span, e.g. on a thread that runs no traced work.
     */
    public static String traceparent(Context context) {
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The {@code traceparent} of the current span, or null; see {@link #traceparent(Context)}. */
    public static String currentTraceparent() {
        return traceparent(Context.current());
    }

    /**
     * The remote parent a stored or received {@code traceparent} names, as a context to start spans in; the root
     * context (a new trace) when the value is null or not a valid traceparent.
     */
    public static Context fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
    }

    /** The remote parent carried by a Kafka record's headers, or the root context when they carry none. */
    public static Context fromHeaders(Headers headers) {
        return W3C.extract(Context.root(), headers, KAFKA_GETTER);
    }

    /** The 32-hex-digit trace id of the current span; null outside traced work. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
