package dev.tandem.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Type patterns and subject filters of subscriptions. */
class EventFilterTest {

    @Test
    void exactTypesAndTrailingWildcardsOfTheContract() {
        assertEquals(Optional.empty(), EventFilter.problem("dev.tandem.feature.committed.v1"));
        assertEquals(Optional.empty(), EventFilter.problem("dev.tandem.feature.*"));
        assertEquals(Optional.empty(), EventFilter.problem("dev.tandem.*"));
        assertEquals(Optional.empty(), EventFilter.problem("dev.tandem.webhook.disabled.v1"));
        assertTrue(EventFilter.problem("dev.tandem.feature.commited.v1").orElseThrow().startsWith("unknown event type"));
        assertTrue(EventFilter.problem("dev.tandem.featur.*").orElseThrow().startsWith("no event type starts with"));
        assertTrue(EventFilter.problem("dev.*.committed.v1").orElseThrow().contains("wildcard"));
        assertTrue(EventFilter.problem("*").isPresent());
        assertTrue(EventFilter.problem(" ").isPresent());
    }

    @Test
    void aWildcardMatchesItsPrefixOnlyAndSubjectsNarrowIt() {
        EventFilter features = new EventFilter(List.of("dev.tandem.feature.*"), Set.of());
        assertTrue(features.matches("dev.tandem.feature.committed.v1", "f1"));
        assertFalse(features.matches("dev.tandem.features-other.v1", "f1"));
        assertFalse(features.matches("dev.tandem.product.created.v1", "f1"));
        EventFilter one = new EventFilter(List.of("dev.tandem.feature.*"), Set.of("f1"));
        assertTrue(one.matches("dev.tandem.feature.updated.v1", "f1"));
        assertFalse(one.matches("dev.tandem.feature.updated.v1", "f2"));
        assertFalse(one.matches("dev.tandem.feature.updated.v1", null));
    }
}
