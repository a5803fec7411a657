package dev.tandem.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets and signatures as the Standard Webhooks specification defines them: a secret is {@code whsec_}
 * followed by the base64 of random bytes (32 here; the specification allows 24 to 64), and a signature is
 * {@code v1,<base64 of HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")>} where the key is the
 * base64-decoded part after {@code whsec_}. Several signatures (during a rotation) are separated by a space. Pure.
 */
public final class WebhookSignatures {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";
    static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** A new secret: {@code whsec_} + base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The {@code webhook-signature} header value: one {@code v1,…} signature per secret, in the order given (the
     * current secret first), separated by a space.
     */
    public static String header(List<String> secrets, String webhookId, long timestamp, byte[] body) {
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append(VERSION).append(',').append(sign(secret, webhookId, timestamp, body));
        }
        return header.toString();
    }

    /** base64 of HMAC-SHA256 over {@code <id>.<timestamp>.<body>} with the secret's key. */
    static String sign(String secret, String webhookId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] key(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
