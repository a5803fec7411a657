package dev.tandem.platform.security;

import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who did something: the caller the gateway authenticated (verified from the internal token, never taken from a
 * request body), or the service itself for work nobody asked for over HTTP (event consumers, scheduled jobs).
 *
 * <ul>
 * <li>an API key: subject {@code apikey:<key id>}, kind {@link Kind#SYSTEM}, name the key's name;</li>
 * <li>a person: subject the JWT's {@code sub}, kind {@link Kind#PERSON}, name the JWT's {@code name}, else its
 * {@code email}, else the subject;</li>
 * <li>the service itself: subject {@code system:<service name>}, kind {@link Kind#SYSTEM}, name the service name.</li>
 * </ul>
 * The kind follows from the subject (the gateway refuses a person whose {@code sub} would look like a system's), so
 * a stored subject and name are enough to rebuild an actor.
 *
 * @param subject stable identity of the actor; what author-only rules compare
 * @param kind    SYSTEM (API key or service) or PERSON
 * @param name    for people to read; not unique, never compared
 */
@Schema(name = "Actor", description = "Who did it: the caller the gateway authenticated (an API key or a person), "
        + "or the service itself for work done on events or schedules. Never taken from a request body.")
public record Actor(
        @Schema(description = "Stable identity: apikey:<key id> for an API key, the person's JWT sub, or "
                + "system:<service> for the service itself.", example = "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a")
        String subject,
        @Schema(description = "SYSTEM (an API key or a service) or PERSON", example = "SYSTEM")
        Kind kind,
        @Schema(description = "Display name: the API key's name, the person's name (or e-mail), or the service's name.",
                example = "crm-sync")
        String name) {

    /** What kind of actor: a system (API key or service) or a person. */
    @Schema(name = "ActorKind")
    public enum Kind {
        SYSTEM, PERSON
    }

    /** Subject prefix of an API key (the gateway's {@code Caller}). */
    public static final String API_KEY_PREFIX = "apikey:";
    /** Subject prefix of a service acting on its own (consumers, schedulers). */
    public static final String SYSTEM_PREFIX = "system:";
    /** Longest subject stored (the gateway refuses longer ones). */
    public static final int MAX_SUBJECT_LENGTH = 255;
    /** Longest name stored; longer names are cut. */
    public static final int MAX_NAME_LENGTH = 200;

    public Actor {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an actor needs a subject");
        }
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? subject : name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
    }

    /** The actor the token vouches for. */
    public static Actor of(InternalToken token) {
        Kind kind = kindOf(token.subject());
        String name = kind == Kind.SYSTEM ? token.clientId()
                : firstPresent(token.name(), token.email(), token.subject());
        return new Actor(token.subject(), kind, name);
    }

    /** The service itself, for work no caller asked for (event consumers, scheduled jobs). */
    public static Actor system(String serviceName) {
        return new Actor(SYSTEM_PREFIX + serviceName, Kind.SYSTEM, serviceName);
    }

    /** An actor rebuilt from a stored subject and name; null when no subject was stored (rows older than actors). */
    public static Actor stored(String subject, String name) {
        return subject == null || subject.isBlank() ? null : new Actor(subject, kindOf(subject), name);
    }

    /** SYSTEM for {@code apikey:…} and {@code system:…} subjects, PERSON for any other. */
    public static Kind kindOf(String subject) {
        return subject.startsWith(API_KEY_PREFIX) || subject.startsWith(SYSTEM_PREFIX) ? Kind.SYSTEM : Kind.PERSON;
    }

    /** Whether this is the same actor as {@code other} (same subject; names may differ over time). */
    public boolean sameAs(Actor other) {
        return other != null && subject.equals(other.subject);
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
