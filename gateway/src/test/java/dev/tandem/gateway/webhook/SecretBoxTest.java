package dev.tandem.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Signing secrets at rest. */
class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void withAKeyASecretIsEncryptedAndOnlyOpensForItsOwnRow() {
        SecretBox box = new SecretBox(Optional.of(KEY));
        String secret = WebhookSignatures.newSecret();
        String sealed = box.seal(secret, "row-1");
        assertTrue(sealed.startsWith("aesgcm:"), sealed);
        assertFalse(sealed.contains(secret.substring(6)));
        assertEquals(secret, box.open(sealed, "row-1"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "row-2"));
        assertThrows(IllegalStateException.class, () -> new SecretBox(Optional.empty()).open(sealed, "row-1"));
    }

    @Test
    void withoutAKeySecretsAreKeptAsTheyAreAndStillReadOnceOneIsConfigured() {
        String secret = WebhookSignatures.newSecret();
        String plain = new SecretBox(Optional.empty()).seal(secret, "row-1");
        assertEquals("plain:" + secret, plain);
        assertEquals(secret, new SecretBox(Optional.of(KEY)).open(plain, "row-1"));
        assertThrows(IllegalStateException.class, () -> new SecretBox(Optional.of("c2hvcnQ=")));
    }
}
