package dev.tandem.platform.web;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent} header value: {@code 00-<trace-id>-<parent-id>-<flags>}.
 *
 * <p>Pure value class, no Quarkus in it. Parsing follows the W3C Trace Context recommendation (level 1, section 3.2):
 * lowercase hex only, trace id 32 hex digits and not all zeros, parent id 16 hex digits and not all zeros, version
 * {@code ff} is invalid; a version above {@code 00} is read by its first four fields (a later version may append
 * fields after another {@code -}). Anything else is rejected, and the caller starts a new trace.
 *
 * @param version  two hex digits; always {@code 00} for values this class creates
 * @param traceId  32 lowercase hex digits, the whole distributed trace
 * @param parentId 16 lowercase hex digits, the span of the sender
 * @param flags    two hex digits; {@code 01} = sampled
 */
public record TraceParent(String version, String traceId, String parentId, String flags) {

    public static final String HEADER = "traceparent";

    private static final String ZERO_TRACE = "00000000000000000000000000000000";
    private static final String ZERO_SPAN = "0000000000000000";
    private static final int V00_LENGTH = 55;

    /** Parses a header value; empty when it is absent or not a valid traceparent. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.length() < V00_LENGTH) {
            return Optional.empty();
        }
        String version = value.substring(0, 2);
        if (!isHex(version) || "ff".equals(version)) {
            return Optional.empty();
        }
        if ("00".equals(version) ? value.length() != V00_LENGTH
                : value.length() > V00_LENGTH && value.charAt(V00_LENGTH) != '-') {
            return Optional.empty();
        }
        if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return Optional.empty();
        }
        String traceId = value.substring(3, 35);
        String parentId = value.substring(36, 52);
        String flags = value.substring(53, 55);
        if (!isHex(traceId) || !isHex(parentId) || !isHex(flags)
                || ZERO_TRACE.equals(traceId) || ZERO_SPAN.equals(parentId)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(version, traceId, parentId, flags));
    }

    /** A new trace: version 00, random trace id and parent id, sampled. */
    public static TraceParent random() {
        return new TraceParent("00", randomHex(32, ZERO_TRACE), randomHex(16, ZERO_SPAN), "01");
    }

    /**
     * The traceparent this service sends on: same trace id and flags, a new parent id (this service's span),
     * written as version {@code 00} (the only version this class knows how to write).
     */
    public TraceParent child() {
        return new TraceParent("00", traceId, randomHex(16, ZERO_SPAN), flags);
    }

    public boolean sampled() {
        return (Integer.parseInt(flags, 16) & 0x01) == 1;
    }

    /** The header value. */
    @Override
    public String toString() {
        return version + '-' + traceId + '-' + parentId + '-' + flags;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String randomHex(int digits, String zero) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(digits);
        do {
            sb.setLength(0);
            for (int i = 0; i < digits; i += 16) {
                String part = Long.toHexString(random.nextLong());
                sb.append("0".repeat(16 - part.length())).append(part);
            }
            sb.setLength(digits);
        } while (zero.contentEquals(sb));
        return sb.toString();
    }
}
