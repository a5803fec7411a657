package dev.tandem.gateway.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as the admin API shows it: never the secret, which exists only in the create answer. */
@Schema(name = "ApiKey")
public record ApiKeyView(
        UUID id,
        @Schema(example = "crm-sync") String name,
        @Schema(description = "The visible part of the key (tnd_live_<prefix>_…): recognise a leaked key by it",
                example = "3f9a0c12") String prefix,
        @Schema(example = "[\"feedback:write\", \"products:read\"]") List<String> scopes,
        @Schema(description = "Requests per minute; absent: the gateway's default", example = "600") Integer rateLimitPerMinute,
        ApiKey.Status status,
        Instant createdAt,
        @Schema(description = "Who created it (the admin caller's subject)", example = "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a")
        String createdBy,
        Instant expiresAt,
        @Schema(description = "Last request made with the key; recorded in batches, accurate to about 10 s")
        Instant lastUsedAt,
        Instant revokedAt) {

    static ApiKeyView of(ApiKey key, Instant now) {
        return new ApiKeyView(key.id(), key.name(), key.prefix(), key.scopes(), key.rateLimitPerMinute(),
                key.status(now), key.createdAt(), key.createdBy(), key.expiresAt(), key.lastUsedAt(), key.revokedAt());
    }
}
