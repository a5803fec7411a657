package dev.tandem.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The internal token: a compact JWS (RFC 7515) signed by the gateway with Ed25519 ({@code alg: EdDSA}), verified by
 * each service with the gateway's public key only, so no secret is shared with the services.
 *
 * <pre>
 * header  {"alg":"EdDSA","typ":"JWT"}
 * claims  {"iss":"tandem-gateway","sub":"apikey:…","client_id":"crm-sync","scope":"products:read feedback:write",
 *          "rid":"&lt;X-Request-Id&gt;","iat":1700000000,"exp":1700000060}
 * </pre>
 *
 * Verification accepts nothing but {@code EdDSA} (no {@code none}, no algorithm chosen by the token), needs the
 * issuer, and allows {@link #CLOCK_SKEW} of clock difference between gateway and service. Pure; thread-safe.
 */
public final class InternalTokens {

    /** The request header that carries the token from the gateway to a service. */
    public static final String HEADER = "X-Tandem-Internal-Token";
    public static final String ISSUER = "tandem-gateway";
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER_JSON = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}";

    private InternalTokens() {
    }

    /** Signs {@code token} with the gateway's private key. */
    public static String mint(PrivateKey key, InternalToken token) {
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("sub", token.subject())
                .put("scope", String.join(" ", token.scopes().stream().sorted().toList()))
                .put("iat", token.issuedAt().getEpochSecond())
                .put("exp", token.expiresAt().getEpochSecond());
        if (token.clientId() != null) {
            claims.put("client_id", token.clientId());
        }
        if (token.requestId() != null) {
            claims.put("rid", token.requestId());
        }
        String signingInput = B64.encodeToString(HEADER_JSON.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance(SecurityKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
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
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new InvalidTokenException("malformed token: not a signed JWT");
        }
        JsonNode header = json(parts[0], "header");
        if (!"EdDSA".equals(header.path("alg").asText())) {
            throw new InvalidTokenException("token algorithm '" + header.path("alg").asText() + "' is not accepted");
        }
        byte[] signatureBytes;
        try {
            signatureBytes = B64D.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("malformed token signature");
        }
        try {
            Signature signature = Signature.getInstance(SecurityKeys.ALGORITHM);
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(signatureBytes)) {
                throw new InvalidTokenException("token signature is not valid");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("token signature is not valid");
        }
        JsonNode claims = json(parts[1], "claims");
        if (!ISSUER.equals(claims.path("iss").asText())) {
            throw new InvalidTokenException("token issuer is not " + ISSUER);
        }
        if (!claims.path("exp").isNumber() || !claims.path("iat").isNumber() || !claims.path("sub").isTextual()) {
            throw new InvalidTokenException("token lacks sub, iat or exp");
        }
        Instant expiresAt = Instant.ofEpochSecond(claims.get("exp").asLong());
        Instant issuedAt = Instant.ofEpochSecond(claims.get("iat").asLong());
        if (!now.isBefore(expiresAt.plus(CLOCK_SKEW))) {
            throw new InvalidTokenException("token expired at " + expiresAt);
        }
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidTokenException("token is issued in the future");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : claims.path("scope").asText("").split(" ")) {
            if (!scope.isBlank()) {
                scopes.add(scope);
            }
        }
        return new InternalToken(claims.get("sub").asText(), claims.path("client_id").textValue(), scopes,
                claims.path("rid").textValue(), issuedAt, expiresAt);
    }

    private static JsonNode json(String part, String what) throws InvalidTokenException {
        try {
            JsonNode node = JSON.readTree(B64D.decode(part));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException("malformed token " + what);
            }
            return node;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidTokenException("malformed token " + what);
        }
    }
}
