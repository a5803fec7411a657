package dev.tandem.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The services' cache of verified internal tokens trusts nothing a fresh verification would refuse. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final KeyPair keys = SecurityKeys.generate();

    private String mint(String subject, Duration ttl) {
        return InternalTokens.mint(keys.getPrivate(),
                new InternalToken(subject, "crm", Set.of("products:read"), NOW, NOW.plus(ttl)));
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpiresAsAFreshOneWouldBe() throws Exception {
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(keys.getPublic(), clock, 100);
        String jws = mint("apikey:1", Duration.ofSeconds(60));
        assertEquals("apikey:1", tokens.verify(jws).subject());
        clock.now = NOW.plusSeconds(64);
        assertEquals("apikey:1", tokens.verify(jws).subject(), "within the clock skew");
        clock.now = NOW.plusSeconds(65);
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(jws));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void aTokenThatDiffersFromAVerifiedOneInItsSignatureIsVerifiedAndRefused() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(keys.getPublic(), new MovableClock(), 100);
        String jws = mint("apikey:1", Duration.ofSeconds(60));
        tokens.verify(jws);
        String otherSignature = InternalTokens.mint(SecurityKeys.generate().getPrivate(),
                new InternalToken("apikey:1", "crm", Set.of("products:read"), NOW, NOW.plusSeconds(60)));
        assertThrows(InvalidTokenException.class, () -> tokens.verify(otherSignature));
        String forged = jws.substring(0, jws.lastIndexOf('.') + 1) + "AAAA" + jws.substring(jws.lastIndexOf('.') + 5);
        assertThrows(InvalidTokenException.class, () -> tokens.verify(forged));
        assertThrows(InvalidTokenException.class, () -> tokens.verify(null));
        assertEquals(1, tokens.size(), "refused tokens are not kept");
    }

    @Test
    void theCacheIsBounded() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(keys.getPublic(), new MovableClock(), 10);
        for (int i = 0; i < 100; i++) {
            tokens.verify(mint("apikey:" + i, Duration.ofSeconds(60)));
        }
        assertTrue(tokens.size() <= 10, "held " + tokens.size());
    }
}
