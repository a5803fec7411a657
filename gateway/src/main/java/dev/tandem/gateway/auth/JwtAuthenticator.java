package dev.tandem.gateway.auth;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.web.Caller;
import dev.tandem.platform.security.Actor;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Bearer JWTs of people from the OIDC issuer named in {@code tandem.gateway.jwt.*}: signature (asymmetric algorithms
 * only, never {@code none} or HMAC), issuer, expiry (required), audience when configured. Scopes come from the
 * configured claim, a space-separated string or an array. Off when no issuer and key source are configured. A JWKS is
 * fetched over HTTP when a token names a key not yet known, so {@link #authenticate} may block.
 *
 * <p>The person's standard OIDC {@code name} and {@code email} claims, when present, travel on in the internal token:
 * the services show them as the actor of what the person changes. A {@code sub} the services would take for a system
 * ({@code apikey:…}, {@code system:…}) or longer than they store ({@value Actor#MAX_SUBJECT_LENGTH}) is refused.
 */
@ApplicationScoped
public class JwtAuthenticator {

    private static final Logger LOG = Logger.getLogger(JwtAuthenticator.class);

    /** A token that is not acceptable, with a reason safe to show the caller. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }

    private final GatewayConfig.JwtConfig config;
    private final int rateLimitPerMinute;
    private final JwtConsumer consumer;

    public JwtAuthenticator(GatewayConfig gateway) {
        this.config = gateway.jwt();
        this.rateLimitPerMinute = gateway.rateLimit().defaultPerMinute();
        this.consumer = build(config);
        if (consumer != null) {
            LOG.infof("Bearer JWTs of issuer %s accepted (keys from %s, scopes from claim '%s')", config.issuer().get(),
                    config.jwksUrl().orElse("the configured public key"), config.scopeClaim());
        }
    }

    public boolean enabled() {
        return consumer != null;
    }

    static JwtConsumer build(GatewayConfig.JwtConfig config) {
        if (config.issuer().isEmpty() || (config.jwksUrl().isEmpty() && config.publicKey().isEmpty())) {
            return null;
        }
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setExpectedIssuer(config.issuer().get())
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, AlgorithmIdentifiers.EDDSA));
        // an audience is required: without it, a token the same issuer made for any other application (a wiki, a
        // CRM) would be accepted here as well
        builder.setExpectedAudience(config.audience().orElseThrow(() -> new IllegalStateException(
                "tandem.gateway.jwt.audience must be set when bearer JWTs are accepted (jwt.issuer is "
                        + config.issuer().get() + "): the aud value your identity provider puts in tokens for "
                        + "Tandem, so that tokens issued for other applications are refused")));
        if (config.jwksUrl().isPresent()) {
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(config.jwksUrl().get())));
        } else {
            builder.setVerificationKey(publicKey(config.publicKey().get()));
        }
        return builder.build();
    }

    /** The person behind a valid token. May block (JWKS fetch): call it off the event loop. */
    public Caller authenticate(String token) throws Rejected {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new Rejected(reason(e));
        }
        try {
            String subject = claims.getSubject();
            if (subject.startsWith(Actor.API_KEY_PREFIX) || subject.startsWith(Actor.SYSTEM_PREFIX)
                    || subject.length() > Actor.MAX_SUBJECT_LENGTH) {
                throw new Rejected("token subject is not acceptable for a person (reserved prefix or longer than "
                        + Actor.MAX_SUBJECT_LENGTH + " characters)");
            }
            Object client = claims.getClaimValue(config.clientClaim());
            return new Caller(subject, client instanceof String s ? s : null,
                    scopes(claims.getClaimsMap(), config.scopeClaim()), "jwt", rateLimitPerMinute,
                    text(claims.getClaimValue("name")), text(claims.getClaimValue("email")));
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new Rejected("token claims are malformed");
        }
    }

    private static String text(Object claim) {
        return claim instanceof String s && !s.isBlank() ? s : null;
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "token expired";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "token signature is not valid";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "token issuer is not accepted";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "token audience is not accepted";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return "token lacks exp or sub";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return "token is not valid yet";
        }
        return "token is not a valid signed JWT (or its algorithm is not accepted)";
    }

    /** Scopes from a space-separated string or an array claim; a dotted name walks into nested objects. */
    static Set<String> scopes(Map<String, Object> claims, String claim) {
        Object value = claims;
        for (String part : claim.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        Set<String> scopes = new LinkedHashSet<>();
        if (value instanceof String s) {
            for (String scope : s.split(" ")) {
                if (!scope.isBlank()) {
                    scopes.add(scope);
                }
            }
        } else if (value instanceof Collection<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
        }
        return scopes;
    }

    static Key publicKey(String base64) {
        byte[] der = Base64.getDecoder().decode(base64.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next type
            }
        }
        throw new IllegalArgumentException("tandem.gateway.jwt.public-key is not a base64 X.509 RSA, EC or Ed25519 key");
    }
}
