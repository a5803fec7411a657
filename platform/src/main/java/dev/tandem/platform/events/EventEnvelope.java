package dev.tandem.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tandem.events.EventHeaders;
import dev.tandem.platform.security.Actor;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The CloudEvents 1.0 attributes of one event, as carried by the Kafka protocol binding in binary content mode:
 * every attribute is a {@code ce_}-prefixed record header, the data is the record value and the record key is the
 * aggregate id (so one aggregate's events stay in one partition, in order).
 *
 * @param id          unique per source; stable across redeliveries (consumers de-duplicate on it)
 * @param source      URI-reference of the producing service, e.g. {@code /tandem/product-service}
 * @param type        e.g. {@code dev.tandem.product.created.v1}
 * @param subject     the aggregate id
 * @param time        when the change happened
 * @param sequence    position of this event among its aggregate's events, starting at 1 (extension {@code sequence})
 * @param traceparent W3C trace context (plain {@code traceparent} header, the CloudEvents distributed-tracing
 *                    extension, as OpenTelemetry's Kafka instrumentation reads it): the relay's send span, a child of
 *                    the span that wrote the change (the request's); written from the OpenTelemetry context
 *                    ({@code telemetry.TraceContext}), never made up
 * @param actor       who caused the change (extensions {@code actor}, {@code actorname}, {@code actorkind}): the
 *                    verified caller, or {@code system:<service>} for work done on events or schedules; null on
 *                    events published before actors were recorded
 */
public record EventEnvelope(String id, String source, String type, String subject, Instant time, long sequence,
                            String traceparent, Actor actor) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, was " + sequence);
        }
    }

    /** An envelope that names no actor. */
    public EventEnvelope(String id, String source, String type, String subject, Instant time, long sequence,
                         String traceparent) {
        this(id, source, type, subject, time, sequence, traceparent, null);
    }

    /** The Kafka headers of this envelope, in the order the binding lists them. */
    public List<Header> toHeaders() {
        List<Header> headers = new ArrayList<>(12);
        headers.add(header(EventHeaders.SPEC_VERSION, SPEC_VERSION));
        headers.add(header(EventHeaders.ID, id));
        headers.add(header(EventHeaders.SOURCE, source));
        headers.add(header(EventHeaders.TYPE, type));
        headers.add(header(EventHeaders.SUBJECT, subject));
        headers.add(header(EventHeaders.TIME, time.toString()));
        headers.add(header(EventHeaders.SEQUENCE, formatSequence(sequence)));
        if (traceparent != null) {
            headers.add(header(EventHeaders.TRACEPARENT, traceparent));
        }
        if (actor != null) {
            headers.add(header(EventHeaders.ACTOR, actor.subject()));
            headers.add(header(EventHeaders.ACTOR_NAME, actor.name()));
            headers.add(header(EventHeaders.ACTOR_KIND, actor.kind().name()));
        }
        headers.add(header(EventHeaders.CONTENT_TYPE, CONTENT_TYPE));
        return headers;
    }

    /**
     * Reads the envelope of a received record.
     *
     * @throws MalformedEventException when a required attribute is missing or unreadable; such a record can never
     *                                 be processed, so callers send it to the dead-letter topic straight away
     */
    public static EventEnvelope fromHeaders(Headers headers) {
        String specVersion = text(headers, EventHeaders.SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException(
                    "unsupported or missing " + EventHeaders.SPEC_VERSION + ": " + specVersion);
        }
        String time = required(headers, EventHeaders.TIME);
        String sequence = required(headers, EventHeaders.SEQUENCE);
        try {
            return new EventEnvelope(required(headers, EventHeaders.ID), required(headers, EventHeaders.SOURCE),
                    required(headers, EventHeaders.TYPE), required(headers, EventHeaders.SUBJECT), Instant.parse(time),
                    Long.parseLong(sequence), text(headers, EventHeaders.TRACEPARENT),
                    Actor.stored(text(headers, EventHeaders.ACTOR), text(headers, EventHeaders.ACTOR_NAME)));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MalformedEventException("unreadable CloudEvents attribute: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage());
        }
    }

    /**
     * The {@code ce_type} of a received record, without reading its other attributes; null when it has none. Enough
     * for a consumer to skip a type it does not handle.
     */
    public static String type(Headers headers) {
        return text(headers, EventHeaders.TYPE);
    }

    /**
     * The {@code sequence} extension is compared as a string by the CloudEvents spec, so it is zero-padded to a
     * fixed width; parse it as a number.
     */
    static String formatSequence(long sequence) {
        return String.format("%019d", sequence);
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** A record whose CloudEvents headers are missing or unreadable. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
