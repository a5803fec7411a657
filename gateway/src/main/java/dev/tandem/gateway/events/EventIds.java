package dev.tandem.gateway.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.tandem.gateway.config.GatewayConfig;

/**
 * The SSE ids of the event stream: a {@link StreamPosition} with an HMAC-SHA256 tag,
 * {@code <base64url position>.<base64url tag>}, so that a client can resume ({@code Last-Event-ID}) only at a
 * position the gateway gave it, never at one it made up (another partition, older events than it was sent).
 *
 * <p>The key is derived from the gateway's internal-token private key ({@code tandem.gateway.internal-token.private-key}),
 * which every instance of a deployment shares: ids made by one instance are accepted by the others and after a
 * restart. Without that key (development) the key is made per process, and ids do not survive a restart. Changing
 * the private key makes earlier ids unacceptable (400; the client starts again with new events only).
 */
@ApplicationScoped
public class EventIds {

    private static final Logger LOG = Logger.getLogger(EventIds.class);
    private static final String ALGORITHM = "HmacSHA256";
    /** Bytes of the tag kept: 128 bits are plenty against forgery. */
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public EventIds(GatewayConfig config) {
        byte[] secret;
        if (config.internalToken().privateKey().isPresent()) {
            secret = hmac(config.internalToken().privateKey().get().strip().getBytes(StandardCharsets.UTF_8),
                    "tandem-gateway event stream positions v1".getBytes(StandardCharsets.UTF_8));
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LOG.info("tandem.gateway.internal-token.private-key is not set: event stream ids (Last-Event-ID) are "
                    + "signed with a key made for this process and are not accepted after a restart");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The SSE id of a position. */
    public String idOf(StreamPosition position) {
        String payload = position.encode();
        return payload + "." + B64.encodeToString(tag(payload));
    }

    /** The position a {@code Last-Event-ID} names; empty when the gateway did not make it (or it was altered). */
    public Optional<StreamPosition> positionOf(String id) {
        if (id == null || id.length() > 4096) {
            return Optional.empty();
        }
        int dot = id.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty(); // no tag: made before ids were signed, or by someone else
        }
        String payload = id.substring(0, dot);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(id.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(tag(payload), presented)) {
            return Optional.empty();
        }
        return StreamPosition.decode(payload);
    }

    private byte[] tag(String payload) {
        byte[] full = hmac(key, payload.getBytes(StandardCharsets.US_ASCII));
        byte[] tag = new byte[TAG_BYTES];
        System.arraycopy(full, 0, tag, 0, TAG_BYTES);
        return tag;
    }

    private static byte[] hmac(byte[] secret, byte[] message) {
        return hmac(new SecretKeySpec(secret, ALGORITHM), message);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
