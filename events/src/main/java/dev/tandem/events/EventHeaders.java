package dev.tandem.events;

/**
 * The Kafka record headers of Tandem's events: the CloudEvents Kafka protocol binding in binary mode (attribute
 * {@code x} as header {@code ce_x}, {@code datacontenttype} as {@code content-type}) plus the W3C trace context.
 * The platform writes them, the gateway and the tests read them; named once here so that the writer and every
 * reader agree.
 */
public final class EventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    /** Extension {@code sequence}: the event's position in its aggregate's history, zero-padded (1-based). */
    public static final String SEQUENCE = "ce_sequence";
    /** Extension {@code actor}: the actor's subject ({@code apikey:<id>}, a person's sub, {@code system:<service>}). */
    public static final String ACTOR = "ce_actor";
    /** Extension {@code actorname}: the actor's display name. */
    public static final String ACTOR_NAME = "ce_actorname";
    /** Extension {@code actorkind}: {@code SYSTEM} or {@code PERSON}. */
    public static final String ACTOR_KIND = "ce_actorkind";
    /** The binding maps {@code datacontenttype} to the plain Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";
    /** The W3C trace context of the request that caused the event. */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
