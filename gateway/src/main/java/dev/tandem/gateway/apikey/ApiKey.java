package dev.tandem.gateway.apikey;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.tandem.platform.paging.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An API key of a client system. The secret itself is never stored, only its SHA-256 ({@link ApiKeySecrets}). A key
 * is ACTIVE until it is revoked (for good: a revoked key never works again) or its {@code expiresAt} passes.
 */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    /** Named for OpenAPI: a bare "Status" would clash with any service's. */
    @Schema(name = "ApiKeyStatus", description = "ACTIVE until revoked (for good) or past expiresAt")
    public enum Status { ACTIVE, EXPIRED, REVOKED }

    @Id
    private UUID id;

    @Column(name = "client_name", nullable = false)
    private String name;

    @Column(name = "key_prefix", nullable = false)
    private String prefix;

    @Column(name = "key_hash", nullable = false)
    private String hash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scopes", nullable = false, columnDefinition = "text[]")
    private String[] scopes;

    @Column(name = "rate_limit_per_minute")
    private Integer rateLimitPerMinute;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiKey() {
    }

    /** A new key; {@code generated} is its freshly made secret, of which only the prefix and hash are kept. */
    static ApiKey issue(String name, List<String> scopes, Integer rateLimitPerMinute, Instant expiresAt,
            String createdBy, ApiKeySecrets.Generated generated, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("expiresAt must be in the future");
        }
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = name.strip();
        key.prefix = generated.prefix();
        key.hash = ApiKeySecrets.hash(generated.secret());
        key.scopes = scopes.stream().distinct().sorted().toArray(String[]::new);
        key.rateLimitPerMinute = rateLimitPerMinute;
        key.expiresAt = expiresAt;
        key.createdBy = createdBy;
        key.createdAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return key;
    }

    /** Revokes the key; revoking a revoked key changes nothing (and keeps the first revocation time). */
    boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return Status.EXPIRED;
        }
        return Status.ACTIVE;
    }

    /** Whether {@code presentedHash} is this key's hash (constant time). */
    boolean hashMatches(String presentedHash) {
        return ApiKeySecrets.sameHash(hash, presentedHash);
    }

    static List<ApiKey> withPrefix(String prefix) {
        return list("prefix", prefix);
    }

    /** Oldest first, keyset-paged on (createdAt, id). */
    static List<ApiKey> page(Cursor after, int fetchSize) {
        if (after == null) {
            return find("order by createdAt, id").page(0, fetchSize).list();
        }
        return find("createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id", after.instant(0),
                after.uuid(1)).page(0, fetchSize).list();
    }

    static long countAll() {
        return count();
    }

    Cursor cursor() {
        return Cursor.of(createdAt, id);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public List<String> scopes() {
        return Arrays.asList(scopes);
    }

    public Integer rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
