package dev.tandem.gateway.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jboss.logging.Logger;

import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.web.Caller;
import dev.tandem.platform.paging.Cursor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Issuing, listing, revoking and checking API keys.
 *
 * <p>Checking a key is on the path of every request, so it is cached per key hash for
 * {@code tandem.gateway.api-keys.cache-ttl} (unknown keys too, so guessing does not hammer the database), at most
 * {@value #MAX_CACHED} known and as many unknown keys; revoking
 * drops the key from this instance's cache at once. The last use of a key is kept in memory and written in one batch
 * every {@code last-used-flush-interval} (and at shutdown): a read through the gateway does not cost a database
 * write, and {@code lastUsedAt} is accurate to that interval.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final int MAX_CACHED = 10_000;

    /** The outcome of checking a presented key. */
    public sealed interface Check {
        record Accepted(Caller caller, UUID keyId) implements Check {
        }

        record Refused(String reason) implements Check {
        }
    }

    /** What the key looked like when it was read, with the caller it stands for; enough to decide without the database. */
    private record Snapshot(UUID id, String name, Caller caller, Instant expiresAt, Instant revokedAt) {
    }

    private final GatewayConfig config;
    /**
     * Looked-up keys by hash, for {@code cache-ttl}. Known and unknown keys are kept apart, each bounded (least
     * recently and frequently used evicted, Caffeine's W-TinyLFU), so a flood of made-up keys never pushes out the
     * keys in use.
     */
    private final Cache<String, Snapshot> known;
    private final Cache<String, Boolean> unknown;
    private final Map<UUID, Instant> pendingUse = new ConcurrentHashMap<>();
    private final Clock clock;

    public ApiKeys(GatewayConfig config, Clock clock) {
        this.clock = clock;
        this.config = config;
        Duration ttl = config.apiKeys().cacheTtl();
        this.known = Caffeine.newBuilder().maximumSize(MAX_CACHED).expireAfterWrite(ttl).build();
        this.unknown = Caffeine.newBuilder().maximumSize(MAX_CACHED).expireAfterWrite(ttl).build();
    }

    /** A new key and its secret, which exists only in this answer. */
    public record Issued(ApiKey key, String secret) {
    }

    @Transactional
    public Issued issue(String name, List<String> scopes, Integer rateLimitPerMinute, Instant expiresAt, String createdBy) {
        ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
        ApiKey key = ApiKey.issue(name, scopes, rateLimitPerMinute, expiresAt, createdBy, generated, clock.instant());
        key.persistAndFlush();
        return new Issued(key, generated.secret());
    }

    @Transactional
    public Optional<ApiKey> get(UUID id) {
        return ApiKey.findByIdOptional(id);
    }

    @Transactional
    public List<ApiKey> page(Cursor after, int fetchSize) {
        return ApiKey.page(after, fetchSize);
    }

    @Transactional
    public boolean isEmpty() {
        return ApiKey.countAll() == 0;
    }

    /** Revokes the key (idempotent) and forgets it in this instance's cache; empty when there is no such key. */
    @Transactional
    public Optional<ApiKey> revoke(UUID id) {
        Optional<ApiKey> key = ApiKey.findByIdOptional(id);
        key.ifPresent(k -> {
            if (k.revoke(clock.instant())) {
                ApiKey.flush();
            }
            known.asMap().values().removeIf(snapshot -> snapshot.id().equals(id));
        });
        return key;
    }

    /** The cached answer for a presented key, if fresh; no database access (safe on the event loop). */
    public Optional<Check> checkCached(String presented) {
        String hash = ApiKeySecrets.hash(presented);
        Snapshot snapshot = known.getIfPresent(hash);
        if (snapshot != null) {
            return Optional.of(decide(Optional.of(snapshot)));
        }
        return unknown.getIfPresent(hash) != null ? Optional.of(decide(Optional.empty())) : Optional.empty();
    }

    /** Checks a presented key against the database (blocking) and caches the answer. */
    public Check check(String presented) {
        String hash = ApiKeySecrets.hash(presented);
        Optional<Snapshot> found = ApiKeySecrets.prefixOf(presented).flatMap(prefix -> QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.withPrefix(prefix).stream()
                        .filter(k -> k.hashMatches(hash))
                        .findFirst()
                        .map(this::snapshot)));
        if (found.isPresent()) {
            known.put(hash, found.get());
        } else {
            unknown.put(hash, Boolean.TRUE);
        }
        return decide(found);
    }

    private Check decide(Optional<Snapshot> found) {
        if (found.isEmpty()) {
            return new Check.Refused("unknown API key");
        }
        Snapshot key = found.get();
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            return new Check.Refused("API key " + key.name() + " was revoked");
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
            return new Check.Refused("API key " + key.name() + " expired at " + key.expiresAt());
        }
        pendingUse.merge(key.id(), now, (a, b) -> a.isAfter(b) ? a : b);
        return new Check.Accepted(key.caller(), key.id());
    }

    private Snapshot snapshot(ApiKey k) {
        int limit = k.rateLimitPerMinute() != null ? k.rateLimitPerMinute() : config.rateLimit().defaultPerMinute();
        Caller caller = new Caller("apikey:" + k.id(), k.name(), Set.copyOf(k.scopes()), "api-key", limit);
        return new Snapshot(k.id(), k.name(), caller, k.expiresAt(), k.revokedAt());
    }

    /** Writes the last use of every key used since the previous flush, in one transaction. */
    @Scheduled(every = "${tandem.gateway.api-keys.last-used-flush-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flushLastUse() {
        if (pendingUse.isEmpty()) {
            return;
        }
        Map<UUID, Instant> batch = Map.copyOf(pendingUse);
        batch.forEach(pendingUse::remove);
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach((id, at) -> ApiKey.update(
                    "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?1)", at, id)));
        } catch (RuntimeException e) {
            LOG.warnf("could not record the last use of %d API keys (retried at the next flush): %s", batch.size(), e);
            batch.forEach((id, at) -> pendingUse.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
        }
    }

    void flushOnShutdown(@Observes ShutdownEvent event) {
        try {
            flushLastUse();
        } catch (RuntimeException e) {
            LOG.debugf("last use not flushed at shutdown: %s", e);
        }
    }
}
