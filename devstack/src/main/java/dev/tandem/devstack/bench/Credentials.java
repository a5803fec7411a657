package dev.tandem.devstack.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.devstack.infra.InternalTokenKeys;
import dev.tandem.devstack.testing.TestTokens;

/**
 * Valid credentials for both ways in. Through the gateway: an API key the benchmark creates for itself with the
 * admin key. Straight at a service: an internal token as the gateway would forward it, signed with the private key of
 * the stack's data folder.
 */
final class Credentials {

    /** The header a service reads the gateway's internal token from. */
    static final String INTERNAL_TOKEN_HEADER = TestTokens.HEADER;
    /** What the benchmark writes and reads (a write scope includes the read scope of the same service). */
    static final List<String> SCOPES = List.of("products:write", "feedback:write");
    /**
     * The most the gateway allows per key: about 16,700 requests a second, far more than its gateway serves on a
     * small machine, so the limit never shapes a number (the limiter itself still runs on every request).
     */
    private static final int RATE_LIMIT_PER_MINUTE = 1_000_000;

    private Credentials() {
    }

    /** A new API key with {@link #SCOPES} and the highest rate limit, expiring after the run; returns its secret. */
    static String apiKey(BenchApi admin, String name) {
        ObjectNode body = BenchApi.object().put("name", name).put("rateLimitPerMinute", RATE_LIMIT_PER_MINUTE)
                .put("expiresAt", Instant.now().plus(Duration.ofHours(2)).toString());
        SCOPES.forEach(body.putArray("scopes")::add);
        JsonNode issued = admin.post("/api/v1/admin/api-keys", body);
        return issued.path("secret").asText();
    }

    /**
     * An internal token for requests straight at a service, valid for {@code ttl}. The one place that knows the
     * token format (the platform's {@code InternalTokens}; signed here through {@link TestTokens#sign}).
     */
    static String internalToken(Path dataDir, Duration ttl) {
        String privateKey;
        try {
            privateKey = InternalTokenKeys.loadOrCreate(dataDir).privateKey();
        } catch (IOException e) {
            throw new BenchException("cannot read the internal token key in " + dataDir.resolve("keys") + ": "
                    + e.getMessage(), e);
        }
        Instant now = Instant.now();
        String claims = "{\"iss\":\"tandem-gateway\",\"sub\":\"bench\",\"client_id\":\"bench\","
                + "\"scope\":\"" + String.join(" ", SCOPES) + "\","
                + "\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(ttl).getEpochSecond() + "}";
        return TestTokens.sign("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}", claims, privateKey);
    }
}
