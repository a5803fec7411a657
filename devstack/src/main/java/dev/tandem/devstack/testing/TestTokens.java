package dev.tandem.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Internal tokens for service tests, signed with a fixed, published TEST key pair (never use it outside tests): what
 * the gateway would forward, so a service's {@code @QuarkusTest}s can run with {@code tandem.security.enabled=true}.
 *
 * <pre>
 * given().header(TestTokens.HEADER, TestTokens.mint("products:read")).get("/api/v1/products")...
 * </pre>
 *
 * {@link EmbeddedInfraTestResource} already puts {@link #PUBLIC_KEY} into {@code tandem.security.public-key}; a test
 * profile that turns enforcement on adds {@link #securityConfig(String)}. The format is the platform's
 * {@code dev.tandem.platform.security.InternalTokens} (an EdDSA JWS); the platform's tests verify tokens made here.
 */
public final class TestTokens {

    public static final String HEADER = "X-Tandem-Internal-Token";
    /** Base64 X.509 Ed25519 public key of the test pair. */
    public static final String PUBLIC_KEY = "MCowBQYDK2VwAyEAmpJp45YMsifywQJZ0j/6LELkRY5YUv5ne3TOKSk4w9M=";
    /** Base64 PKCS#8 Ed25519 private key of the test pair (public on purpose: tests only). */
    public static final String PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIE321Rc4nrAWaPhCPj/3nkzBdqkHV7KZjcY8IzkI3Umc";
    /** Long enough for a whole test class, so a token can be minted once in a {@code @BeforeAll}. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private TestTokens() {
    }

    /** The configuration that turns enforcement on in a service under test, e.g. {@code securityConfig("products")}. */
    public static Map<String, String> securityConfig(String scopePrefix) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("tandem.security.enabled", "true");
        config.put("tandem.security.public-key", PUBLIC_KEY);
        config.put("tandem.security.scope-prefix", scopePrefix);
        return config;
    }

    /** A token for subject {@code test-user}, client {@code test-client}, with these scopes, valid for an hour. */
    public static String mint(String... scopes) {
        return mint("test-user", Instant.now(), DEFAULT_TTL, scopes);
    }

    /** A token issued at {@code issuedAt}, valid for {@code ttl} (a negative one gives an expired token). */
    public static String mint(String subject, Instant issuedAt, Duration ttl, String... scopes) {
        return mint(subject, "test-client", null, null, issuedAt, ttl, scopes);
    }

    /**
     * A token of an API key, as the gateway forwards it: subject {@code apikey:<keyId>}, the key's name as client,
     * valid for an hour. Its actor is (SYSTEM, the key's name).
     */
    public static String apiKey(String keyId, String keyName, String... scopes) {
        return mint("apikey:" + keyId, keyName, null, null, Instant.now(), DEFAULT_TTL, scopes);
    }

    /**
     * A token of a person, as the gateway forwards it: their JWT's {@code sub}, and the {@code name} and {@code email}
     * claims when given (null leaves one out), valid for an hour. Its actor is (PERSON, name, else e-mail, else sub).
     */
    public static String person(String sub, String name, String email, String... scopes) {
        return mint(sub, "test-app", name, email, Instant.now(), DEFAULT_TTL, scopes);
    }

    private static String mint(String subject, String clientId, String name, String email, Instant issuedAt,
            Duration ttl, String... scopes) {
        String claims = "{\"iss\":\"tandem-gateway\",\"sub\":\"" + escape(subject) + "\",\"client_id\":\""
                + escape(clientId) + "\","
                + (name == null ? "" : "\"name\":\"" + escape(name) + "\",")
                + (email == null ? "" : "\"email\":\"" + escape(email) + "\",")
                + "\"scope\":\"" + escape(Arrays.stream(scopes).collect(Collectors.joining(" "))) + "\","
                + "\"rid\":\"test-" + UUID.randomUUID() + "\","
                + "\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":" + issuedAt.plus(ttl).getEpochSecond() + "}";
        return sign("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}", claims, PRIVATE_KEY);
    }

    /** Signs arbitrary header and claims JSON with a base64 PKCS#8 Ed25519 key: for tests of forged tokens. */
    public static String sign(String headerJson, String claimsJson, String privateKeyBase64) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
