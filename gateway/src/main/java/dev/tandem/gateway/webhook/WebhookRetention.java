package dev.tandem.gateway.webhook;

import java.sql.SQLException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.platform.time.Now;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the delivery log bounded: delivered and given-up deliveries older than {@code delivery-retention} (30 days)
 * are deleted every hour, on every instance (deleting is idempotent), in chunks so no transaction grows large.
 * Pending deliveries are never deleted.
 */
@ApplicationScoped
public class WebhookRetention {

    private static final Logger LOG = Logger.getLogger(WebhookRetention.class);
    static final int CHUNK = 5_000;

    private final GatewayConfig.WebhooksConfig config;
    private final WebhookDeliveries deliveries;

    public WebhookRetention(GatewayConfig config, WebhookDeliveries deliveries) {
        this.config = config.webhooks();
        this.deliveries = deliveries;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int purged = purge();
            if (purged > 0) {
                LOG.infof("webhooks: deleted %d deliveries older than %s", purged, config.deliveryRetention());
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhooks: old deliveries not deleted this time (%s)", e.toString());
        }
    }

    /** Deletes what is past the retention; returns how many deliveries. */
    int purge() {
        Instant before = Now.instant().minus(config.deliveryRetention());
        int total = 0;
        int purged;
        do {
            purged = QuarkusTransaction.requiringNew().call(() -> {
                try {
                    return deliveries.purge(before, CHUNK);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            total += purged;
        } while (purged == CHUNK);
        return total;
    }
}
