package dev.tandem.gateway.proxy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * A W3C Trace Context {@code traceparent} ({@code version-traceid-parentid-flags}).
 *
 * <p>The gateway is one hop: a valid incoming value keeps its trace id and flags and gets a new span (parent) id;
 * an absent or invalid one is replaced by a new trace, sampled.
 */
public record TraceParent(String traceId, String spanId, String flags) {

    public static final String HEADER = "traceparent";
    public static final String STATE_HEADER = "tracestate";

    private static final Random RANDOM = new SecureRandom();
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    /** Parses a header value per W3C Trace Context level 1; empty when it is not a valid traceparent. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.length() < 55) {
            return Optional.empty();
        }
        String version = value.substring(0, 2);
        if (!isLowerHex(version) || version.equals("ff")) {
            return Optional.empty();
        }
        // version 00 is exactly 55 characters; a future version may append fields after another '-'
        if (version.equals("00") ? value.length() != 55 : value.length() > 55 && value.charAt(55) != '-') {
            return Optional.empty();
        }
        if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return Optional.empty();
        }
        String traceId = value.substring(3, 35);
        String spanId = value.substring(36, 52);
        String flags = value.substring(53, 55);
        if (!isLowerHex(traceId) || !isLowerHex(spanId) || !isLowerHex(flags)
                || traceId.equals(ZERO_TRACE) || spanId.equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(traceId, spanId, flags));
    }

    /** A new trace, marked sampled so the services record it. */
    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16, ZERO_TRACE), randomHex(8, ZERO_SPAN), "01");
    }

    /** The same trace, a new span id for the gateway's hop. */
    public TraceParent nextHop() {
        return new TraceParent(traceId, randomHex(8, ZERO_SPAN), flags);
    }

    /** The header value, always version 00. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String randomHex(int bytes, String zero) {
        byte[] buffer = new byte[bytes];
        String hex;
        do {
            RANDOM.nextBytes(buffer);
            hex = HexFormat.of().formatHex(buffer).toLowerCase(Locale.ROOT);
        } while (hex.equals(zero));
        return hex;
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
