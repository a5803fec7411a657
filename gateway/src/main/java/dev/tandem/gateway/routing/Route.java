package dev.tandem.gateway.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * One entry of the route table: requests whose path starts with {@code prefix} (at a segment boundary) go to
 * {@code upstream}, within {@code timeout} when the route sets one (else the upstream's).
 *
 * <p>A prefix segment written {@code {name}} matches any one segment, so a single operation under a wider route can
 * get its own timeout: {@code /api/v1/products/{id}/overview}. The table prefers the route with more segments, then
 * the one with more literal segments.
 *
 * @param timeout        how long the gateway waits for this route's upstream answer once the upstream has the whole
 *                       request (headers; then the idle limit while the body streams); null: the upstream's
 *                       {@code timeout}
 * @param receiveTimeout how long a client may take to send a request on this route, body included; null: the
 *                       gateway's {@code request-receive-timeout}
 */
public record Route(String prefix, String upstream, Duration timeout, Duration receiveTimeout) {

    public Route {
        if (prefix == null || !prefix.startsWith("/")) {
            throw new IllegalArgumentException("route prefix must start with '/': " + prefix);
        }
        while (prefix.length() > 1 && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (prefix.contains("//")) {
            throw new IllegalArgumentException("route prefix has an empty segment: " + prefix);
        }
        for (String segment : segments(prefix)) {
            boolean template = segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2;
            if (!template && (segment.contains("{") || segment.contains("}") || segment.contains("*"))) {
                throw new IllegalArgumentException("route prefix segment '" + segment + "' of " + prefix
                        + " is neither literal nor a whole {name}");
            }
        }
        if (upstream == null || upstream.isBlank()) {
            throw new IllegalArgumentException("route " + prefix + " names no upstream");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("route " + prefix + " has a timeout that is not positive: " + timeout);
        }
        if (receiveTimeout != null && (receiveTimeout.isNegative() || receiveTimeout.isZero())) {
            throw new IllegalArgumentException("route " + prefix + " has a request-receive-timeout that is not "
                    + "positive: " + receiveTimeout);
        }
    }

    /** A route that uses its upstream's timeout. */
    public Route(String prefix, String upstream) {
        this(prefix, upstream, null, null);
    }

    /** A route with its own timeout (null: the upstream's) and the gateway's request-receive-timeout. */
    public Route(String prefix, String upstream, Duration timeout) {
        this(prefix, upstream, timeout, null);
    }

    /** The route's own timeout, if it sets one. */
    public Optional<Duration> ownTimeout() {
        return Optional.ofNullable(timeout);
    }

    /** What this route waits for: its own timeout, else the upstream's. */
    public Duration timeoutOr(Duration upstreamTimeout) {
        return timeout != null ? timeout : upstreamTimeout;
    }

    /** How long a client may take to send a request on this route: its own limit, else the gateway's. */
    public Duration receiveTimeoutOr(Duration gatewayReceiveTimeout) {
        return receiveTimeout != null ? receiveTimeout : gatewayReceiveTimeout;
    }

    /** True when {@code path} is the prefix itself or continues it with a new segment ({@code /x} but not {@code x}). */
    public boolean matches(String path) {
        if (prefix.equals("/")) {
            return path.startsWith("/");
        }
        if (!isTemplate()) {
            return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }
        int at = 0; // position in path of the '/' that starts the next segment
        for (String segment : segments(prefix)) {
            if (at >= path.length() || path.charAt(at) != '/') {
                return false;
            }
            int end = path.indexOf('/', at + 1);
            if (end < 0) {
                end = path.length();
            }
            String actual = path.substring(at + 1, end);
            boolean ok = segment.startsWith("{") ? !actual.isEmpty() : segment.equals(actual);
            if (!ok) {
                return false;
            }
            at = end;
        }
        return at == path.length() || path.charAt(at) == '/';
    }

    /** Whether the prefix has a {@code {name}} segment. */
    public boolean isTemplate() {
        return prefix.indexOf('{') >= 0;
    }

    /** The prefix with every {@code {name}} written {@code {}}: two prefixes that match the same paths are equal. */
    String shape() {
        return prefix.replaceAll("\\{[^/]*}", "{}");
    }

    int segmentCount() {
        return prefix.equals("/") ? 0 : segments(prefix).length;
    }

    int literalSegmentCount() {
        int literal = 0;
        for (String segment : prefix.equals("/") ? new String[0] : segments(prefix)) {
            if (!segment.startsWith("{")) {
                literal++;
            }
        }
        return literal;
    }

    private static String[] segments(String prefix) {
        return prefix.equals("/") ? new String[0] : prefix.substring(1).split("/");
    }
}
