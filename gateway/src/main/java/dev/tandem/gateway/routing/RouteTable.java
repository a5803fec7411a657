package dev.tandem.gateway.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The route table: the most specific matching prefix wins (more segments, then more literal segments: for plain
 * prefixes simply the longest), prefixes match at path-segment boundaries only. Immutable.
 */
public final class RouteTable {

    /** The routes the proxy owns: everything under {@code /api/}, plus any configured prefix outside it. */
    public static final String API_PATTERN = "/api/*";

    private final List<Route> routes;

    /**
     * @param routes     the configured routes
     * @param upstreams  the known upstream names; a route naming another one is a configuration error
     * @throws IllegalArgumentException on a duplicate prefix ({@code {id}} and {@code {key}} count as the same) or an
     *                                  unknown upstream
     */
    public RouteTable(Collection<Route> routes, Set<String> upstreams) {
        Set<String> prefixes = new HashSet<>();
        for (Route route : routes) {
            if (!prefixes.add(route.shape())) {
                throw new IllegalArgumentException("route prefix " + route.prefix() + " is configured twice");
            }
            if (!upstreams.contains(route.upstream())) {
                throw new IllegalArgumentException("route " + route.prefix() + " names unknown upstream '"
                        + route.upstream() + "' (known: " + upstreams + ")");
            }
        }
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt(Route::segmentCount)
                .thenComparingInt(Route::literalSegmentCount)
                .thenComparingInt((Route r) -> r.prefix().length())
                .reversed()
                .thenComparing(Route::prefix));
        this.routes = List.copyOf(sorted);
    }

    /** The route for a (normalised) request path: the most specific prefix that matches at a segment boundary. */
    public Optional<Route> match(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** The routes, most specific first. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * The Vert.x path patterns the gateway's handlers are mounted on: {@link #API_PATTERN} and each configured prefix
     * outside {@code /api} (a filter registers itself on these, see docs/gateway.md).
     */
    public Set<String> proxiedPatterns() {
        Set<String> patterns = new java.util.LinkedHashSet<>();
        patterns.add(API_PATTERN);
        for (Route route : routes) {
            String prefix = route.prefix();
            if (prefix.equals("/")) {
                patterns.add("/*");
            } else if (!prefix.equals("/api") && !prefix.startsWith("/api/")) {
                String pattern = prefix.replaceAll("\\{([^/}]*)}", ":$1"); // Vert.x writes {id} as :id
                patterns.add(pattern);
                patterns.add(pattern + "/*");
            }
        }
        return patterns;
    }
}
