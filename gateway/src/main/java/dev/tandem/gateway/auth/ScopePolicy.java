package dev.tandem.gateway.auth;

import java.util.Optional;

import dev.tandem.gateway.routing.Route;
import dev.tandem.platform.security.Scopes;

/**
 * Which scope a gateway request needs — the same rule the services apply to the internal token ({@link Scopes}):
 * a routed path needs {@code <upstream scope>:read} for GET/HEAD and {@code :write} otherwise; the admin API needs
 * {@code admin}, the webhook subscriptions {@code webhooks:manage}. Whether the caller's scopes allow it ({@code :write} includes {@code :read}, {@code admin} everything) is
 * {@link Scopes#allows}. Pure.
 */
public final class ScopePolicy {

    public static final String ADMIN_PREFIX = "/api/v1/admin";
    /** The webhook subscriptions: {@link #WEBHOOKS_SCOPE} (or {@code admin}), whatever the method. */
    public static final String WEBHOOKS_PREFIX = "/api/v1/webhooks";
    /**
     * Manage webhook subscriptions. Whoever holds it can have any event type sent to a URL of their choice, so it
     * reads every topic in effect: give it as deliberately as {@code admin}.
     */
    public static final String WEBHOOKS_SCOPE = "webhooks:manage";

    private ScopePolicy() {
    }

    /**
     * The scope required for the request, or empty when the path is not decided here: an unknown path (the proxy
     * answers 404 after authentication) or a gateway endpoint that filters by scope itself (the event stream).
     *
     * @param upstreamScope the scope prefix of the route's upstream (ignored when {@code route} is null)
     */
    public static Optional<String> required(String path, String method, Route route, String upstreamScope) {
        if (path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/")) {
            return Optional.of(Scopes.ADMIN);
        }
        if (path.equals(WEBHOOKS_PREFIX) || path.startsWith(WEBHOOKS_PREFIX + "/")) {
            return Optional.of(WEBHOOKS_SCOPE);
        }
        if (route == null) {
            return Optional.empty();
        }
        return Optional.of(Scopes.required(upstreamScope, Scopes.isRead(method)));
    }
}
