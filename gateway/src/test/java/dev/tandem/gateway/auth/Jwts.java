package dev.tandem.gateway.auth;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import dev.tandem.gateway.TestUpstreams;

/** JWTs of the test issuer ({@link TestUpstreams#JWT_ISSUER}), valid and otherwise. */
public final class Jwts {

    private Jwts() {
    }

    static PrivateKey issuerKey() {
        try {
            String base64 = ConfigProvider.getConfig().getValue(TestUpstreams.JWT_PRIVATE_KEY_PROPERTY, String.class);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JwtClaims claims(String issuer, String subject, Instant expiresAt, Map<String, Object> extra) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setAudience(TestUpstreams.JWT_AUDIENCE); // what the identity provider puts in tokens for Tandem
        claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond() - 5));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        extra.forEach(claims::setClaim);
        return claims;
    }

    static String sign(JwtClaims claims, PrivateKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token of the test issuer for {@code subject} with a space-separated {@code scope} claim. */
    public static String valid(String subject, String scope) {
        return sign(claims(TestUpstreams.JWT_ISSUER, subject, Instant.now().plusSeconds(300),
                Map.of("scope", scope, "azp", "tandem-web")), issuerKey());
    }
}
