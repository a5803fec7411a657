package dev.tandem.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ActorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static InternalToken token(String subject, String clientId, String name, String email) {
        return new InternalToken(subject, clientId, Set.of(), NOW, NOW.plusSeconds(60), name, email);
    }

    @Test
    void anApiKeyIsASystemNamedAfterTheKey() {
        Actor actor = Actor.of(token("apikey:42", "crm-sync", null, null));
        assertEquals(new Actor("apikey:42", Actor.Kind.SYSTEM, "crm-sync"), actor);
    }

    @Test
    void aPersonIsNamedByTheNameClaimElseTheEmailElseTheSubject() {
        assertEquals("Ana Lima", Actor.of(token("u-1", "web-app", "Ana Lima", "ana@example.com")).name());
        assertEquals("ana@example.com", Actor.of(token("u-1", "web-app", null, "ana@example.com")).name());
        assertEquals("u-1", Actor.of(token("u-1", "web-app", " ", null)).name());
        assertEquals(Actor.Kind.PERSON, Actor.of(token("u-1", "web-app", null, null)).kind());
    }

    @Test
    void theServiceItselfIsASystem() {
        assertEquals(new Actor("system:product-service", Actor.Kind.SYSTEM, "product-service"),
                Actor.system("product-service"));
    }

    @Test
    void aStoredActorGetsItsKindFromTheSubject() {
        assertEquals(Actor.Kind.SYSTEM, Actor.stored("apikey:1", "crm").kind());
        assertEquals(Actor.Kind.SYSTEM, Actor.stored("system:feedback-service", "feedback-service").kind());
        assertEquals(Actor.Kind.PERSON, Actor.stored("auth0|123", "Bo").kind());
        assertNull(Actor.stored(null, null));
    }

    @Test
    void longNamesAreCut() {
        assertEquals(Actor.MAX_NAME_LENGTH, new Actor("u", Actor.Kind.PERSON, "x".repeat(500)).name().length());
    }
}
