package dev.tandem.gateway.web;

import java.util.Set;

import io.vertx.ext.web.RoutingContext;

/**
 * Who is calling, as the gateway established it: an API key or a person's JWT.
 *
 * @param subject            {@code apikey:<id>} or the JWT's {@code sub}
 * @param clientId           the key's name, or the JWT's client claim (may be null)
 * @param scopes             what the caller may do
 * @param kind               {@code api-key} or {@code jwt}
 * @param rateLimitPerMinute the caller's request budget per minute
 * @param name               a person's name (the JWT's {@code name} claim), for the services' actor; null for keys
 * @param email              a person's e-mail (the JWT's {@code email} claim); null for keys
 */
public record Caller(String subject, String clientId, Set<String> scopes, String kind, int rateLimitPerMinute,
                     String name, String email) {

    public static final String KEY = "tandem.gateway.caller";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** A caller with no person's name or e-mail (an API key). */
    public Caller(String subject, String clientId, Set<String> scopes, String kind, int rateLimitPerMinute) {
        this(subject, clientId, scopes, kind, rateLimitPerMinute, null, null);
    }

    /** The caller of a request that passed authentication; null before that. */
    public static Caller of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    /** How the access log names the caller. */
    public String logName() {
        return clientId == null ? subject : subject + "(" + clientId + ")";
    }
}
