package dev.tandem.platform.security;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Internal tokens a service has verified, so a token the gateway reuses for many requests costs one Ed25519
 * verification, not one per request. Keyed by the whole compact token (header, claims and signature): a hit means
 * these exact bytes verified before, so nothing is trusted that was not checked once. Bounded ({@code maxSize}
 * tokens, least recently used evicted) and expiry-aware: a hit is refused once the token's {@code exp} (plus the
 * clock skew) is past, exactly as a fresh verification would, and the entry is dropped. Refused tokens are never
 * cached. Thread-safe.
 */
public final class VerifiedTokens {

    private final PublicKey key;
    private final Clock clock;
    private final Cache<String, InternalToken> cache;

    public VerifiedTokens(PublicKey key, Clock clock, long maxSize) {
        this.key = key;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    /** The token's claims, from the cache or verified now; see {@link InternalTokens#verify}. */
    public InternalToken verify(String token) throws InvalidTokenException {
        Instant now = clock.instant();
        if (token != null) {
            InternalToken known = cache.getIfPresent(token);
            if (known != null) {
                if (now.isBefore(known.expiresAt().plus(InternalTokens.CLOCK_SKEW))) {
                    return known;
                }
                cache.invalidate(token);
            }
        }
        InternalToken verified = InternalTokens.verify(key, token, now);
        cache.put(token, verified);
        return verified;
    }

    /** How many verified tokens are held (approximate, for tests and metrics). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
