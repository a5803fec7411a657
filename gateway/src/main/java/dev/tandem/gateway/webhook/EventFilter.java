package dev.tandem.gateway.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.tandem.events.EventType;

/**
 * Which events a subscription receives: CloudEvents types, exact ({@code dev.tandem.feature.committed.v1}) or with a
 * trailing wildcard ({@code dev.tandem.feature.*}), and optionally only those of some subjects (aggregate ids).
 * Every pattern must name at least one type of the published contract ({@link EventType}). Pure.
 */
record EventFilter(List<String> types, Set<String> subjects) {

    static final String WILDCARD = ".*";

    EventFilter {
        types = List.copyOf(types);
        subjects = Set.copyOf(subjects);
    }

    /** Whether an event of this type and subject is for the subscription. */
    boolean matches(String type, String subject) {
        if (type == null || (!subjects.isEmpty() && (subject == null || !subjects.contains(subject)))) {
            return false;
        }
        for (String pattern : types) {
            if (pattern.endsWith(WILDCARD)
                    ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a type pattern is not acceptable, or empty when it is: an exact type of the contract, or a prefix that ends in
     * {@code .*} and covers at least one.
     */
    static Optional<String> problem(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (pattern.endsWith(WILDCARD)) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            if (prefix.length() < 2 || prefix.contains("*")) {
                return Optional.of("a wildcard may only end a type prefix, e.g. dev.tandem.feature.*");
            }
            return Arrays.stream(EventType.values()).anyMatch(t -> t.type().startsWith(prefix)) ? Optional.empty()
                    : Optional.of("no event type starts with " + prefix + " (see GET /asyncapi for the types)");
        }
        if (pattern.contains("*")) {
            return Optional.of("a wildcard may only end a type prefix, e.g. dev.tandem.feature.*");
        }
        return EventType.of(pattern).isPresent() ? Optional.empty()
                : Optional.of("unknown event type " + pattern + " (see GET /asyncapi for the types)");
    }
}
