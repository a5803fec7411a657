package dev.tandem.gateway.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How signing secrets are kept in the database. They must stay usable (the gateway signs with them), so they cannot be
 * hashed like API keys; with a configured key they are encrypted with AES-256-GCM ({@code aesgcm:} + base64 of
 * IV and ciphertext), the subscription's id bound in as associated data so a value copied to another row does not
 * decrypt. Without a key they are stored as they are ({@code plain:}); both forms are read, so a key configured later
 * applies to every secret created or rotated from then on. Pure.
 */
final class SecretBox {

    static final String ENCRYPTED = "aesgcm:";
    static final String PLAIN = "plain:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param base64Key base64 of 32 bytes, or empty for no encryption */
    SecretBox(Optional<String> base64Key) {
        if (base64Key.isEmpty() || base64Key.get().isBlank()) {
            key = null;
            return;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.get().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tandem.gateway.webhooks.secret-encryption-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("tandem.gateway.webhooks.secret-encryption-key must be 32 bytes (AES-256), "
                    + "got " + raw.length);
        }
        key = new SecretKeySpec(raw, "AES");
    }

    boolean encrypts() {
        return key != null;
    }

    String seal(String secret, String boundTo) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ENCRYPTED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a webhook secret", e);
        }
    }

    String open(String stored, String boundTo) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(ENCRYPTED)) {
            throw new IllegalStateException("a webhook secret is stored in an unknown form");
        }
        if (key == null) {
            throw new IllegalStateException("a webhook secret is encrypted but no "
                    + "tandem.gateway.webhooks.secret-encryption-key is configured");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a webhook secret could not be decrypted (wrong "
                    + "tandem.gateway.webhooks.secret-encryption-key?)", e);
        }
    }
}
