package dev.tandem.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tandem.devstack.testing.TestTokens;

class InternalTokensTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private final KeyPair keys = SecurityKeys.generate();

    private InternalToken token(Instant issuedAt, Duration ttl) {
        return new InternalToken("apikey:42", "crm-sync", Set.of("products:read", "feedback:write"), issuedAt,
                issuedAt.plus(ttl));
    }

    @Test
    void aMintedTokenVerifiesWithThePublicKeyAndKeepsItsClaims() throws Exception {
        String jws = InternalTokens.mint(keys.getPrivate(), token(NOW, Duration.ofSeconds(60)));
        InternalToken verified = InternalTokens.verify(keys.getPublic(), jws, NOW.plusSeconds(30));
        assertEquals("apikey:42", verified.subject());
        assertEquals("crm-sync", verified.clientId());
        assertEquals(Set.of("products:read", "feedback:write"), verified.scopes());
        assertEquals(NOW.plusSeconds(60), verified.expiresAt());
        assertEquals(null, verified.name());
        assertEquals(null, verified.email());
    }

    @Test
    void aPersonsNameAndEmailTravelInTheToken() throws Exception {
        InternalToken person = new InternalToken("u-ana", "web-app", Set.of("products:read"), NOW,
                NOW.plusSeconds(60), "Ana Lima", "ana@example.com");
        InternalToken verified = InternalTokens.verify(keys.getPublic(),
                InternalTokens.mint(keys.getPrivate(), person), NOW);
        assertEquals("Ana Lima", verified.name());
        assertEquals("ana@example.com", verified.email());
        assertEquals(person, verified);
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheClockSkew() throws Exception {
        String jws = InternalTokens.mint(keys.getPrivate(), token(NOW, Duration.ofSeconds(60)));
        InternalTokens.verify(keys.getPublic(), jws, NOW.plusSeconds(64)); // within 5 s of skew
        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> InternalTokens.verify(keys.getPublic(), jws, NOW.plusSeconds(65)));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void aTokenFromTheFutureIsRefused() {
        String jws = InternalTokens.mint(keys.getPrivate(), token(NOW.plusSeconds(60), Duration.ofSeconds(60)));
        assertThrows(InvalidTokenException.class, () -> InternalTokens.verify(keys.getPublic(), jws, NOW));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String jws = InternalTokens.mint(SecurityKeys.generate().getPrivate(), token(NOW, Duration.ofSeconds(60)));
        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> InternalTokens.verify(keys.getPublic(), jws, NOW));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void changedClaimsBreakTheSignature() {
        String jws = InternalTokens.mint(keys.getPrivate(), token(NOW, Duration.ofSeconds(60)));
        String[] parts = jws.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("products:read", "admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThrows(InvalidTokenException.class, () -> InternalTokens.verify(keys.getPublic(), forged, NOW));
    }

    @Test
    void algNoneAndOtherAlgorithmsAreRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = b64.encodeToString(("{\"iss\":\"tandem-gateway\",\"sub\":\"x\",\"scope\":\"admin\",\"iat\":"
                + NOW.getEpochSecond() + ",\"exp\":" + (NOW.getEpochSecond() + 60) + "}").getBytes(StandardCharsets.UTF_8));
        for (String alg : List.of("none", "HS256", "RS256")) {
            String header = b64.encodeToString(("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8));
            for (String token : List.of(header + "." + claims + ".", header + "." + claims + ".c2ln")) {
                InvalidTokenException e = assertThrows(InvalidTokenException.class,
                        () -> InternalTokens.verify(keys.getPublic(), token, NOW), alg);
                assertFalse(e.getMessage().isBlank());
            }
        }
    }

    @Test
    void aWrongIssuerOrGarbageIsRefused() {
        String otherIssuer = TestTokens.sign("{\"alg\":\"EdDSA\"}", "{\"iss\":\"someone\",\"sub\":\"x\",\"iat\":"
                + NOW.getEpochSecond() + ",\"exp\":" + (NOW.getEpochSecond() + 60) + "}", TestTokens.PRIVATE_KEY);
        assertThrows(InvalidTokenException.class,
                () -> InternalTokens.verify(SecurityKeys.publicKey(TestTokens.PUBLIC_KEY), otherIssuer, NOW));
        for (String garbage : new String[] {null, "", "abc", "a.b", "a.b.c.d", "!!.??.##"}) {
            assertThrows(InvalidTokenException.class, () -> InternalTokens.verify(keys.getPublic(), garbage, NOW));
        }
    }

    @Test
    void tokensOfTheDevstackTestHelperVerifyWithItsPublicKey() throws Exception {
        InternalToken verified = InternalTokens.verify(SecurityKeys.publicKey(TestTokens.PUBLIC_KEY),
                TestTokens.mint("products:read", "admin"), Instant.now());
        assertEquals(Set.of("products:read", "admin"), verified.scopes());
        assertEquals("test-client", verified.clientId());
    }

    @Test
    void keysRoundTripThroughTheirConfigurationForm() throws Exception {
        String jws = InternalTokens.mint(SecurityKeys.privateKey(SecurityKeys.encode(keys.getPrivate())),
                token(NOW, Duration.ofSeconds(60)));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + SecurityKeys.encode(keys.getPublic()) + "\n-----END PUBLIC KEY-----";
        assertEquals("apikey:42", InternalTokens.verify(SecurityKeys.publicKey(pem), jws, NOW).subject());
        assertThrows(IllegalArgumentException.class, () -> SecurityKeys.publicKey("not a key"));
    }

    @Test
    void scopeRuleReadsNeedReadWritesNeedWriteWriteIncludesReadAdminMayDoAll() {
        assertTrue(Scopes.isRead("GET") && Scopes.isRead("head"));
        assertFalse(Scopes.isRead("POST") || Scopes.isRead("DELETE") || Scopes.isRead("PATCH"));
        assertTrue(Scopes.allows(Set.of("products:read"), Scopes.required("products", true)));
        assertFalse(Scopes.allows(Set.of("products:read"), Scopes.required("products", false)));
        // write includes read of the same prefix, and of no other
        assertTrue(Scopes.allows(Set.of("products:write"), Scopes.required("products", true)));
        assertTrue(Scopes.allows(Set.of("products:write"), Scopes.required("products", false)));
        assertFalse(Scopes.allows(Set.of("products:write"), Scopes.required("projects", true)));
        assertFalse(Scopes.allows(Set.of("projects:read"), Scopes.required("products", true)));
        assertFalse(Scopes.allows(Set.of("products:write"), "admin"));
        assertFalse(Scopes.allows(Set.of("products"), Scopes.required("products", true)));
        assertTrue(Scopes.allows(Set.of("admin"), Scopes.required("feedback", false)));
        assertTrue(Scopes.allows(Set.of("admin"), Scopes.required("feedback", true)));
        assertTrue(Scopes.allows(Set.of("admin"), "admin"));
        assertTrue(new InternalToken("u", null, Set.of("feedback:write"), NOW, NOW.plusSeconds(60))
                .allows("feedback", true));
    }
}
