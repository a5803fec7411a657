package dev.tandem.gateway.auth;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.web.Caller;
import dev.tandem.platform.security.InternalToken;
import dev.tandem.platform.security.InternalTokens;
import dev.tandem.platform.security.SecurityKeys;
import dev.tandem.platform.time.Now;
import org.jboss.logging.Logger;

/**
 * Signs the internal token the gateway forwards to the services ({@link InternalTokens#HEADER}): who the caller is
 * (subject, client, and a person's name and e-mail, which the services record as the actor of what it changes) and
 * what it may do.
 *
 * <p>One token per caller (subject, client, scopes) is reused while more than half of its lifetime is left, then a
 * fresh one is signed: an Ed25519 signature per request was the largest cost of a proxied read, and the services
 * cache the tokens they verified, which only pays when tokens repeat. A reused token still expires after
 * {@code ttl}; the gateway checks the caller's key or JWT on every request before it hands one out, so a revoked key
 * gets no token. Bounded ({@code cache-size} callers, least recently used evicted).
 */
@ApplicationScoped
public class InternalTokenSigner {

    private static final Logger LOG = Logger.getLogger(InternalTokenSigner.class);

    private record Signed(String token, Instant renewAt) {
    }

    private final PrivateKey key;
    private final Duration ttl;
    private final Cache<Caller, Signed> signed;
    /** The wall clock: the services check the token's expiry against theirs ({@code Now.wall()}). */
    private final Clock clock = Now.wall();

    public InternalTokenSigner(GatewayConfig gateway) {
        GatewayConfig.InternalTokenConfig config = gateway.internalToken();
        this.ttl = config.ttl();
        this.signed = Caffeine.newBuilder().maximumSize(config.cacheSize()).build();
        if (config.privateKey().isPresent()) {
            key = SecurityKeys.privateKey(config.privateKey().get());
        } else {
            KeyPair pair = SecurityKeys.generate();
            key = pair.getPrivate();
            LOG.warnf("tandem.gateway.internal-token.private-key is not set: internal tokens are signed with a key made "
                    + "for this process only; services can verify them only with tandem.security.public-key=%s",
                    SecurityKeys.encode(pair.getPublic()));
        }
    }

    /** A token for {@code caller}: the one signed for it before while at least half its lifetime is left. */
    public String sign(Caller caller) {
        Instant now = clock.instant();
        Signed current = signed.getIfPresent(caller);
        if (current != null && now.isBefore(current.renewAt())) {
            return current.token();
        }
        String token = InternalTokens.mint(key, new InternalToken(caller.subject(), caller.clientId(),
                caller.scopes(), now, now.plus(ttl), caller.name(), caller.email()));
        signed.put(caller, new Signed(token, now.plus(ttl.dividedBy(2))));
        return token;
    }
}
