package dev.tandem.gateway.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating a key: the key, plus its secret, shown this once and never again. */
@Schema(name = "IssuedApiKey", description = "The new key with its secret. Store the secret now: the gateway keeps "
        + "only a hash of it and cannot show it again.")
public record IssuedApiKeyView(
        UUID id,
        @Schema(example = "crm-sync") String name,
        @Schema(example = "3f9a0c12") String prefix,
        List<String> scopes,
        Integer rateLimitPerMinute,
        ApiKey.Status status,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        @Schema(description = "Send it as 'Authorization: Bearer <secret>' or 'X-API-Key: <secret>'",
                example = "tnd_live_3f9a0c12_9b1d5e0c2a4f4e8b8c6d7a1f0e3b2c4d5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e")
        String secret) {

    static IssuedApiKeyView of(ApiKeys.Issued issued, Instant now) {
        ApiKey key = issued.key();
        return new IssuedApiKeyView(key.id(), key.name(), key.prefix(), key.scopes(), key.rateLimitPerMinute(),
                key.status(now), key.createdAt(), key.createdBy(), key.expiresAt(), issued.secret());
    }
}
