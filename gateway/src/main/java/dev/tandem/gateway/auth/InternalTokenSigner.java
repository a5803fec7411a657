package dev.tandem.gateway.auth;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.platform.security.InternalToken;
import dev.tandem.platform.security.InternalTokens;
import dev.tandem.platform.security.SecurityKeys;

/** Signs the internal token the gateway forwards to the services ({@link InternalTokens#HEADER}). */
@ApplicationScoped
public class InternalTokenSigner {

    private static final Logger LOG = Logger.getLogger(InternalTokenSigner.class);

    private final PrivateKey key;
    private final GatewayConfig.InternalTokenConfig config;
    Clock clock = Clock.systemUTC();

    public InternalTokenSigner(GatewayConfig gateway) {
        this.config = gateway.internalToken();
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

    public String sign(Caller caller, String requestId) {
        Instant now = clock.instant();
        return InternalTokens.mint(key, new InternalToken(caller.subject(), caller.clientId(), caller.scopes(),
                requestId, now, now.plus(config.ttl())));
    }
}
