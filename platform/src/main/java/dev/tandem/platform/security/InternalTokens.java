package dev.tandem.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/**
 * The internal token: a compact JWS (RFC 7515) signed by the gateway with Ed25519 ({@code alg: EdDSA}), verified by
 * each service with the gateway's public key only, so no secret is shared with the services. Minted and verified with
 * jose4j (a maintained JOSE library), not hand-built JWS code.
 *
 * <pre>
 * header  {"alg":"EdDSA","typ":"JWT"}
 * claims  {"iss":"tandem-gateway","sub":"apikey:…","client_id":"crm-sync","scope":"products:read feedback:write",
 *          "iat":1700000000,"exp":1700000300}
 *         (a person's token also carries "name" and "email" when their JWT did: the actor's display name)
 * </pre>
 *
 * The token says who the caller is and what it may do, nothing about one request (the request id travels as
 * {@code X-Request-Id}), so the gateway can reuse one token per caller for most of its lifetime and a service can
 * cache what it verified ({@link VerifiedTokens}): signing and verifying Ed25519 on every request cost more than the
 * rest of a read.
 *
 * <p>Verification accepts nothing but {@code EdDSA} (no {@code none}, no algorithm chosen by the token), needs the
 * issuer, subject, issue and expiry times, and allows {@link #CLOCK_SKEW} of clock difference between gateway and
 * service. Pure; thread-safe.
 */
public final class InternalTokens {

    /** The request header that carries the token from the gateway to a service. */
    public static final String HEADER = "X-Tandem-Internal-Token";
    public static final String ISSUER = "tandem-gateway";
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final AlgorithmConstraints EDDSA_ONLY =
            new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA);

    private InternalTokens() {
    }

    /** Signs {@code token} with the gateway's private key. */
    public static String mint(PrivateKey key, InternalToken token) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(token.subject());
        claims.setStringClaim("scope", String.join(" ", token.scopes().stream().sorted().toList()));
        claims.setIssuedAt(NumericDate.fromSeconds(token.issuedAt().getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(token.expiresAt().getEpochSecond()));
        if (token.clientId() != null) {
            claims.setStringClaim("client_id", token.clientId());
        }
        if (token.name() != null) {
            claims.setStringClaim("name", token.name());
        }
        if (token.email() != null) {
            claims.setStringClaim("email", token.email());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the internal token: " + e.getMessage(), e);
        }
    }

    /**
     * The token's claims, when it is signed by {@code key}, issued by the gateway and not expired at {@code now}.
     *
     * @throws InvalidTokenException naming what is wrong (malformed, algorithm, signature, issuer, expiry)
     */
    public static InternalToken verify(PublicKey key, String token, Instant now) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no internal token");
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(EDDSA_ONLY)
                .setExpectedIssuer(ISSUER)
                .setRequireSubject()
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) CLOCK_SKEW.toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token.strip());
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(reason(e));
        }
        try {
            Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            Instant expiresAt = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
                throw new InvalidTokenException("token is issued in the future");
            }
            Set<String> scopes = new LinkedHashSet<>();
            String scope = claims.getClaimValue("scope") instanceof String s ? s : "";
            for (String each : scope.split(" ")) {
                if (!each.isBlank()) {
                    scopes.add(each);
                }
            }
            String clientId = claims.getClaimValue("client_id") instanceof String s ? s : null;
            String name = claims.getClaimValue("name") instanceof String s ? s : null;
            String email = claims.getClaimValue("email") instanceof String s ? s : null;
            return new InternalToken(claims.getSubject(), clientId, scopes, issuedAt, expiresAt, name, email);
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("malformed token claims: " + e.getMessage());
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            try {
                return "token expired at " + Instant.ofEpochSecond(e.getJwtContext().getJwtClaims()
                        .getExpirationTime().getValue());
            } catch (MalformedClaimException | RuntimeException ignored) {
                return "token expired";
            }
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "token signature is not valid";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "token issuer is not " + ISSUER;
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return "token lacks sub, iat or exp";
        }
        if (e.getCause() instanceof org.jose4j.lang.InvalidAlgorithmException) {
            return "token algorithm is not accepted (EdDSA only)";
        }
        return "malformed token: not a signed JWT of the gateway";
    }
}
