package dev.tandem.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} rules: a sane incoming id is kept, anything else is replaced by a fresh UUID. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {
    }

    /** True for 1–128 characters of {@code [A-Za-z0-9._-]}: safe to log, echo and forward. */
    public static boolean isSane(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches();
    }

    /** The incoming id when it is sane, otherwise a new random UUID. */
    public static String acceptOrCreate(String incoming) {
        return isSane(incoming) ? incoming : UUID.randomUUID().toString();
    }
}
