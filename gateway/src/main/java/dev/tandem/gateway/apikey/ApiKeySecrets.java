package dev.tandem.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key secret: {@code tnd_live_<prefix>_<secret>}, a visible 8-hex-digit prefix (stored in clear, shown in
 * lists, and recognisable by secret scanners in a leaked log or repository) and 256 random bits (64 hex digits).
 *
 * <p>Only SHA-256 of the whole key is stored. A fast hash is enough here, unlike for passwords: 256 random bits
 * cannot be guessed, so there is nothing a slow hash or salt would protect. Lookup is by prefix, then the hashes are
 * compared with {@link MessageDigest#isEqual} (constant time).
 */
public final class ApiKeySecrets {

    public static final String MARKER = "tnd_live_";
    private static final Pattern FORMAT = Pattern.compile("tnd_live_([0-9a-f]{8})_([0-9a-f]{64})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** A newly generated key: the prefix to store and the whole secret to show once. */
    public record Generated(String prefix, String secret) {
    }

    private ApiKeySecrets() {
    }

    public static Generated generate() {
        byte[] prefix = new byte[4];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(prefix);
        RANDOM.nextBytes(secret);
        String p = HEX.formatHex(prefix);
        return new Generated(p, MARKER + p + "_" + HEX.formatHex(secret));
    }

    /** Whether a presented credential looks like an API key at all (rather than a JWT). */
    public static boolean looksLikeKey(String credential) {
        return credential.startsWith("tnd_");
    }

    /** The prefix of a well-formed key; empty for anything else. */
    public static Optional<String> prefixOf(String key) {
        Matcher m = FORMAT.matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Hex SHA-256 of the key, as stored. */
    public static String hash(String key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
