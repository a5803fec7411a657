package dev.tandem.gateway.proxy;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.tandem.platform.web.RequestContext;
import io.vertx.core.MultiMap;

/** Which headers cross the gateway, in either direction. */
final class Headers {

    /** RFC 9110 §7.6.1 connection-specific headers, plus Host (the client sets the upstream's). */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host",
            "proxy-connection", "proxy-authenticate", "proxy-authorization");

    /**
     * Set by the gateway itself on the upstream request; incoming values are replaced (the trace context by the
     * client span's, which Vert.x tracing writes).
     */
    private static final Set<String> GATEWAY_OWNED_REQUEST = Set.of(
            "x-request-id", "traceparent", "tracestate", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-for", "expect");

    private Headers() {
    }

    /** Copies end-to-end request headers, leaving out hop-by-hop ones and those the gateway sets. */
    static void copyRequestHeaders(MultiMap from, MultiMap to) {
        Set<String> nominated = nominatedByConnection(from);
        from.forEach(entry -> {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!isHopByHop(name) && !nominated.contains(name) && !GATEWAY_OWNED_REQUEST.contains(name)) {
                to.add(entry.getKey(), entry.getValue());
            }
        });
    }

    /** Copies end-to-end response headers, leaving out hop-by-hop ones. */
    static void copyResponseHeaders(MultiMap from, MultiMap to) {
        Set<String> nominated = nominatedByConnection(from);
        from.forEach(entry -> {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!isHopByHop(name) && !nominated.contains(name) && !name.equals(RequestContext.REQUEST_ID_HEADER.toLowerCase(Locale.ROOT))) {
                to.add(entry.getKey(), entry.getValue());
            }
        });
    }

    static boolean isHopByHop(String lowerCaseName) {
        return HOP_BY_HOP.contains(lowerCaseName) || lowerCaseName.startsWith("proxy-");
    }

    /** Header names listed in {@code Connection} are hop-by-hop for this message too. */
    private static Set<String> nominatedByConnection(MultiMap headers) {
        Set<String> names = new TreeSet<>();
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
