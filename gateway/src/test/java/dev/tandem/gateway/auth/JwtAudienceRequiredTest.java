package dev.tandem.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tandem.gateway.config.GatewayConfig;

/** JWTs are never accepted for any audience: an issuer without an audience does not start. */
class JwtAudienceRequiredTest {

    /** The settings as an operator writes them (no framework needed to read six values). */
    private record Settings(Optional<String> issuer, Optional<String> audience) implements GatewayConfig.JwtConfig {
        public Optional<String> jwksUrl() {
            return Optional.of("https://login.example.test/certs");
        }

        public Optional<String> publicKey() {
            return Optional.empty();
        }

        public String scopeClaim() {
            return "scope";
        }

        public String clientClaim() {
            return "azp";
        }

        public Duration clockSkew() {
            return Duration.ofSeconds(30);
        }
    }

    @Test
    void anIssuerWithoutAnAudienceIsRefusedAtStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> JwtAuthenticator.build(
                new Settings(Optional.of("https://login.example.test/realms/acme"), Optional.empty())));
        assertTrue(refused.getMessage().startsWith("tandem.gateway.jwt.audience must be set"), refused.getMessage());
        assertNotNull(JwtAuthenticator.build(new Settings(Optional.of("https://login.example.test/realms/acme"),
                Optional.of("tandem-api"))));
    }
}
