package dev.tandem.gateway.routing;

/**
 * One entry of the route table: requests whose path starts with {@code prefix} (at a segment boundary) go to
 * {@code upstream}.
 */
public record Route(String prefix, String upstream) {

    public Route {
        if (prefix == null || !prefix.startsWith("/")) {
            throw new IllegalArgumentException("route prefix must start with '/': " + prefix);
        }
        while (prefix.length() > 1 && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (upstream == null || upstream.isBlank()) {
            throw new IllegalArgumentException("route " + prefix + " names no upstream");
        }
    }

    /** True when {@code path} is the prefix itself or continues it with a new segment ({@code /x} but not {@code x}). */
    public boolean matches(String path) {
        if (prefix.equals("/")) {
            return path.startsWith("/");
        }
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
