package dev.tandem.platform.security;

import java.util.Collection;
import java.util.Locale;

/**
 * The one scope rule, applied by the gateway and by every service: a read ({@code GET}, {@code HEAD}) needs
 * {@code <prefix>:read}, anything else {@code <prefix>:write}; {@code admin} allows everything. A {@code write}
 * scope does not include {@code read}: a client that needs both is given both, so a key can be write-only (an
 * importer that must not read customers back).
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

    /** Whether {@code granted} contains {@code required} or {@code admin}. */
    public static boolean allows(Collection<String> granted, String required) {
        return granted.contains(ADMIN) || granted.contains(required);
    }
}
