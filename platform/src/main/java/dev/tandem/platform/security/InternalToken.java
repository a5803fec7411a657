package dev.tandem.platform.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the gateway vouches for on one request, carried to the services in {@link InternalTokens#HEADER}.
 *
 * @param subject   who the caller is: the API key's id ({@code apikey:<uuid>}) or the person's {@code sub} claim
 * @param clientId  the client: the API key's name, or the token's {@code azp}/{@code client_id}
 * @param scopes    what the caller may do, e.g. {@code products:read}, {@code admin}
 * @param requestId the request's {@code X-Request-Id}, so a token copied from a log names the request it was for
 * @param issuedAt  when the gateway signed it
 * @param expiresAt when it stops being accepted (about a minute later)
 */
public record InternalToken(String subject, String clientId, Set<String> scopes, String requestId, Instant issuedAt,
                            Instant expiresAt) {

    public InternalToken {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** True when these scopes allow {@code <prefix>:read} for reads or {@code <prefix>:write} otherwise. */
    public boolean allows(String scopePrefix, boolean read) {
        return Scopes.allows(scopes, Scopes.required(scopePrefix, read));
    }
}
