package dev.tandem.platform.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * The spans of Tandem's own messaging: a PRODUCER span per event the outbox relay sends, a CONSUMER span per event
 * the inbox processes. Named and attributed after OpenTelemetry's messaging and CloudEvents conventions
 * ({@code send <topic>}, {@code process <topic>}; {@code messaging.*}, {@code cloudevents.*}).
 *
 * <p>Plain Java (the relay's publisher is plain Java too): it is given the {@link OpenTelemetry} instance to use;
 * {@link OpenTelemetry#noop()} gives spans that cost nothing and record nothing.
 */
public final class EventSpans {

    /** The instrumentation scope of these spans. */
    public static final String SCOPE = "dev.tandem.platform";
    /**
     * The log category of the event trail: a DEBUG line per outbox write and per event the inbox processed, each
     * with the trace id of its work, so a change can be followed through the services' logs. Off unless turned on
     * ({@code quarkus.log.category."dev.tandem.events".level=DEBUG}; the local run does).
     */
    public static final String TRAIL_CATEGORY = "dev.tandem.events";

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<String> EVENT_SOURCE = AttributeKey.stringKey("cloudevents.event_source");
    static final AttributeKey<String> EVENT_SUBJECT = AttributeKey.stringKey("cloudevents.event_subject");
    /** Set on a process span whose event the inbox had seen before: it changed nothing. */
    public static final AttributeKey<Boolean> DUPLICATE = AttributeKey.booleanKey("tandem.inbox.duplicate");

    private final Tracer tracer;

    public EventSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    /**
     * Starts the span of sending one event, a child of {@code parent}: the context stored with the event when the
     * change was written (the request's span), so the send belongs to the request's trace. Its own context is what
     * the record carries as {@code traceparent}.
     */
    public Span startSend(Context parent, String topic, String eventId, String eventType, String source,
            String subject) {
        return tracer.spanBuilder("send " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION_TYPE, "send")
                .setAttribute(OPERATION_NAME, "send")
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(MESSAGE_KEY, subject)
                .setAttribute(EVENT_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType)
                .setAttribute(EVENT_SOURCE, source)
                .setAttribute(EVENT_SUBJECT, subject)
                .startSpan();
    }

    /**
     * Starts the span of processing one received event, a child of {@code parent}: the context its record carries
     * (the producer's send span), so the consumer's work, its log lines and the events it publishes in turn belong
     * to the trace of the change that caused it.
     */
    public Span startProcess(Context parent, String topic, int partition, long offset, String eventId,
            String eventType, String source, String subject) {
        return tracer.spanBuilder("process " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION_TYPE, "process")
                .setAttribute(OPERATION_NAME, "process")
                .setAttribute(PARTITION, Integer.toString(partition))
                .setAttribute(OFFSET, offset)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType)
                .setAttribute(EVENT_SOURCE, source)
                .setAttribute(EVENT_SUBJECT, subject)
                .startSpan();
    }

    /** Ends a span as failed, with the error's type and message (never its stack: spans are not logs). */
    public static void endFailed(Span span, String error) {
        span.setStatus(StatusCode.ERROR, error);
        span.end();
    }
}
