package dev.tandem.platform.security;

import java.util.Collection;
import java.util.Locale;

/**
 * The one scope rule, applied by the gateway and by every service: a read ({@code GET}, {@code HEAD}) needs
 * {@code <prefix>:read}, anything else {@code <prefix>:write}.
 *
 * <p>Implications, the same everywhere this class is asked:
 * <ul>
 * <li>{@code <prefix>:write} includes {@code <prefix>:read} of the same prefix (and of no other): a client that may
 * change something may see it, as with Stripe's and GitHub's "read and write" permissions. A read-only key stays
 * possible; a write-only one does not.</li>
 * <li>{@code admin} includes everything. Whoever holds it manages the API keys and can issue a key with any scope,
 * so an {@code admin} that excluded data scopes would only add a detour, not a boundary.</li>
 * </ul>
 */
public final class Scopes {

    public static final String ADMIN = "admin";
    public static final String READ = "read";
    public static final String WRITE = "write";

    private Scopes() {
    }

    /** Whether a request with this HTTP method only reads. */
    public static boolean isRead(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return m.equals("GET") || m.equals("HEAD");
    }

    /** The scope an operation needs: {@code <prefix>:read} or {@code <prefix>:write}. */
    public static String required(String prefix, boolean read) {
        return prefix + ":" + (read ? READ : WRITE);
    }

    /**
     * Whether {@code granted} allows {@code required}: it holds {@code required} itself, {@code admin}, or — for a
     * {@code <prefix>:read} — {@code <prefix>:write}.
     */
    public static boolean allows(Collection<String> granted, String required) {
        if (granted.contains(ADMIN) || granted.contains(required)) {
            return true;
        }
        String readSuffix = ":" + READ;
        return required.endsWith(readSuffix)
                && granted.contains(required.substring(0, required.length() - readSuffix.length()) + ":" + WRITE);
    }
}
