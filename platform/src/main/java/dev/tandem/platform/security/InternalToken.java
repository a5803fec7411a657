package dev.tandem.platform.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the gateway vouches for about a caller, carried to the services in {@link InternalTokens#HEADER}. It names no
 * request (the request id travels as {@code X-Request-Id}), so one token serves a caller's requests for most of its
 * lifetime.
 *
 * @param subject   who the caller is: the API key's id ({@code apikey:<uuid>}) or the person's {@code sub} claim
 * @param clientId  the client: the API key's name, or the token's {@code azp}/{@code client_id}
 * @param scopes    what the caller may do, e.g. {@code products:read}, {@code admin}
 * @param issuedAt  when the gateway signed it
 * @param expiresAt when it stops being accepted (a few minutes later)
 * @param name      a person's name, from the JWT's {@code name} claim (null for API keys, or when the JWT has none)
 * @param email     a person's e-mail address, from the JWT's {@code email} claim (null likewise)
 */
public record InternalToken(String subject, String clientId, Set<String> scopes, Instant issuedAt,
                            Instant expiresAt, String name, String email) {

    public InternalToken {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** A token without a person's name and e-mail (an API key's, or a JWT that carries neither). */
    public InternalToken(String subject, String clientId, Set<String> scopes, Instant issuedAt, Instant expiresAt) {
        this(subject, clientId, scopes, issuedAt, expiresAt, null, null);
    }

    /** True when these scopes allow {@code <prefix>:read} for reads or {@code <prefix>:write} otherwise. */
    public boolean allows(String scopePrefix, boolean read) {
        return Scopes.allows(scopes, Scopes.required(scopePrefix, read));
    }
}
