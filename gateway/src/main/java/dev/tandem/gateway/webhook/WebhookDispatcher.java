package dev.tandem.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.tandem.events.EventType;
import dev.tandem.events.gateway.WebhookDisabled;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.platform.outbox.Outbox;
import dev.tandem.platform.time.Now;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Sends due deliveries. One thread claims them ({@link WebhookDeliveries#claim}: {@code FOR UPDATE SKIP LOCKED}, so
 * several gateway instances share the work, and per subscription and subject in order) with a lease, up to
 * {@code max-in-flight} at a time; a small pool resolves and checks each target, signs and sends it
 * ({@link WebhookSender}) and records the attempt in its own transaction: DELIVERED on a 2xx, otherwise PENDING again
 * after a back-off or FAILED once given up ({@link DeliveryPolicy}). A failure streak that lasts disables the
 * subscription and publishes {@code dev.tandem.webhook.disabled.v1} through the outbox, in the same transaction.
 *
 * <p>Woken when events were queued, an attempt ended or a redelivery was asked for; otherwise it looks every
 * {@code poll-interval}. An instance that stops mid-attempt leaves the row SENDING; its lease runs out and another
 * attempt is made (at least once).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int CLAIM_BATCH = 50;
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final GatewayConfig.WebhooksConfig config;
    private final WebhookDeliveries deliveries;
    private final Webhooks webhooks;
    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final DeliveryPolicy policy;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Semaphore inFlight;
    private volatile boolean running;
    private Thread thread;
    private ExecutorService workers;
    private WebhookSender sender;
    private Counter delivered;
    private Counter failedAttempts;
    private Counter givenUp;

    public WebhookDispatcher(GatewayConfig config, WebhookDeliveries deliveries, Webhooks webhooks,
            AgroalDataSource dataSource, Outbox outbox, Vertx vertx, MeterRegistry meters) {
        this.config = config.webhooks();
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.vertx = vertx;
        this.meters = meters;
        this.policy = new DeliveryPolicy(this.config);
        this.inFlight = new Semaphore(Math.max(1, this.config.maxInFlight()));
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("webhook delivery off on this instance (tandem.gateway.webhooks.enabled=false)");
            return;
        }
        sender = new WebhookSender(vertx, config.connectTimeout().toMillis(), config.requestTimeout().toMillis(),
                config.maxResponseBytes(), Math.max(1, config.maxInFlight()));
        delivered = meters.counter("tandem.webhooks.delivered");
        failedAttempts = meters.counter("tandem.webhooks.failed.attempts");
        givenUp = meters.counter("tandem.webhooks.given.up");
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-worker");
            t.setDaemon(true);
            return t;
        });
        running = true;
        thread = new Thread(this::loop, "webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (workers != null) {
            workers.shutdown();
            try {
                // attempts under way get the time they may take; one not recorded is made again after its lease
                workers.awaitTermination(config.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sender != null) {
            sender.close();
        }
    }

    /** Look for due deliveries now. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void loop() {
        int failuresInARow = 0;
        while (running) {
            try {
                long wait = config.pollInterval().toMillis() * (1L << Math.min(failuresInARow, 5));
                wakeUps.tryAcquire(wait, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                int requested;
                int got;
                do {
                    requested = Math.min(CLAIM_BATCH, inFlight.availablePermits());
                    if (requested == 0 || !running) {
                        break;
                    }
                    int limit = requested;
                    List<WebhookDeliveries.Claimed> claimed = QuarkusTransaction.requiringNew()
                            .call(() -> deliveries.claim(limit, config.requestTimeout().plus(LEASE_MARGIN)));
                    got = claimed.size();
                    for (WebhookDeliveries.Claimed delivery : claimed) {
                        inFlight.acquire();
                        workers.execute(() -> attempt(delivery));
                    }
                } while (got == requested);
                failuresInARow = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failuresInARow++;
                if (running) {
                    LOG.warnf("webhook dispatcher: %s (retrying)", e.toString());
                }
            }
        }
    }

    /** One attempt: resolve and check the target, sign, send; the outcome is recorded when the answer is in. */
    private void attempt(WebhookDeliveries.Claimed delivery) {
        Instant at = Now.instant();
        try {
            WebhookTargets.Target target;
            try {
                target = webhooks.targets().resolve(delivery.url());
            } catch (WebhookTargets.Refused refused) {
                record(delivery, at, new WebhookSender.Outcome(null, 0, "target refused: " + refused.getMessage()));
                return;
            }
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            long timestamp = at.getEpochSecond();
            String signature = WebhookSignatures.header(secrets(delivery, at), delivery.eventId(), timestamp, body);
            sender.send(target, delivery.eventId(), timestamp, signature, body)
                    .onComplete(ar -> workers.execute(() -> record(delivery, at, ar.succeeded() ? ar.result()
                            : new WebhookSender.Outcome(null, 0, WebhookSender.describe(ar.cause())))));
        } catch (RuntimeException e) {
            LOG.warnf(e, "webhook delivery %s could not be attempted", delivery.id());
            record(delivery, at, new WebhookSender.Outcome(null, 0, "not sent: " + e.getMessage()));
        }
    }

    /** The secrets that sign: the current one, and the previous one while it still may. */
    private List<String> secrets(WebhookDeliveries.Claimed delivery, Instant now) {
        String boundTo = delivery.subscriptionId().toString();
        List<String> secrets = new ArrayList<>(2);
        secrets.add(webhooks.secrets().open(delivery.sealedSecret(), boundTo));
        if (delivery.sealedPreviousSecret() != null && delivery.previousSecretExpiresAt() != null
                && delivery.previousSecretExpiresAt().isAfter(now)) {
            secrets.add(webhooks.secrets().open(delivery.sealedPreviousSecret(), boundTo));
        }
        return secrets;
    }

    private void record(WebhookDeliveries.Claimed delivery, Instant at, WebhookSender.Outcome outcome) {
        try {
            Instant now = Now.instant();
            Optional<Instant> next = outcome.succeeded() ? Optional.empty()
                    : policy.nextAttempt(delivery.queuedAt(), delivery.attempt(), now);
            boolean gaveUp = !outcome.succeeded() && next.isEmpty();
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    if (deliveries.record(delivery, at, outcome, next)) {
                        streak(delivery.subscriptionId(), outcome, gaveUp, now);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (outcome.succeeded()) {
                delivered.increment();
            } else {
                failedAttempts.increment();
                if (gaveUp) {
                    givenUp.increment();
                }
            }
            LOG.debugf("webhook delivery %s attempt %d: %s", delivery.id(), delivery.attempt(),
                    outcome.succeeded() ? "HTTP " + outcome.statusCode() : outcome.error());
        } catch (RuntimeException e) {
            // left SENDING: attempted again when its lease runs out
            LOG.warnf("webhook delivery %s: attempt %d could not be recorded (%s); it will be made again",
                    delivery.id(), delivery.attempt(), e.toString());
        } finally {
            inFlight.release();
            wakeUp();
        }
    }

    /**
     * Keeps the subscription's failure streak: a success ends it; a failure starts it (or goes on) and a given-up
     * delivery counts. When the streak reaches the policy's limit the subscription is DISABLED and
     * {@code dev.tandem.webhook.disabled.v1} is published, in this transaction.
     */
    private void streak(UUID subscriptionId, WebhookSender.Outcome outcome, boolean gaveUp, Instant now)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (outcome.succeeded()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE webhook_subscription SET failing_since = NULL, consecutive_given_up = 0
                         WHERE id = ? AND (failing_since IS NOT NULL OR consecutive_given_up <> 0)""")) {
                    ps.setObject(1, subscriptionId);
                    ps.executeUpdate();
                }
                return;
            }
            String status;
            Instant failingSince;
            int givenUpInARow;
            String url;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE webhook_subscription
                       SET failing_since = coalesce(failing_since, ?), consecutive_given_up = consecutive_given_up + ?
                     WHERE id = ?
                    RETURNING status, failing_since, consecutive_given_up, url""")) {
                ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setInt(2, gaveUp ? 1 : 0);
                ps.setObject(3, subscriptionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    status = rs.getString(1);
                    Timestamp since = rs.getTimestamp(2);
                    failingSince = since == null ? null : since.toInstant();
                    givenUpInARow = rs.getInt(3);
                    url = rs.getString(4);
                }
            }
            if (!WebhookSubscription.Status.ENABLED.name().equals(status)) {
                return;
            }
            Optional<DeliveryPolicy.Disable> disable = policy.disable(failingSince, givenUpInARow, now);
            if (disable.isEmpty()) {
                return;
            }
            long version;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE webhook_subscription
                       SET status = 'DISABLED', disabled_reason = ?, disabled_at = ?, updated_at = ?,
                           version = version + 1
                     WHERE id = ? AND status = 'ENABLED'
                    RETURNING version""")) {
                OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                ps.setString(1, disable.get().reason());
                ps.setObject(2, at);
                ps.setObject(3, at);
                ps.setObject(4, subscriptionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    version = rs.getLong(1);
                }
            }
            String lastError = outcome.error() != null ? outcome.error() : "HTTP " + outcome.statusCode();
            outbox.publish(EventType.WEBHOOK_DISABLED.topic(), EventType.WEBHOOK_DISABLED.aggregateType(),
                    subscriptionId, EventType.WEBHOOK_DISABLED.type(),
                    new WebhookDisabled(subscriptionId, url, disable.get().reason(), disable.get().trigger(),
                            failingSince, givenUpInARow, lastError, now, version));
            LOG.warnf("webhook %s (%s) disabled: %s", subscriptionId, url, disable.get().reason());
        }
    }
}
