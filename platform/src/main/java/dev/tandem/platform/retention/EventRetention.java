package dev.tandem.platform.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps {@code outbox_event} and {@code inbox_event} from growing forever.
 *
 * <ul>
 *   <li>An outbox row is deleted once it was <em>sent</em> longer than {@code tandem.outbox.retention} ago (default
 *       7 days). Unsent rows are never touched, whatever their age: they are events still owed to the broker. The
 *       per-aggregate sequence counters ({@code outbox_aggregate_sequence}) are kept, so an aggregate's next event
 *       still continues its numbering.</li>
 *   <li>An inbox row is deleted once it was processed longer than {@code tandem.inbox.retention} ago (default 30
 *       days). The inbox row is what makes a redelivery harmless, so the default outlasts Kafka's default log
 *       retention (7 days): nothing the broker can still deliver again has lost its inbox row.</li>
 * </ul>
 * Both run every {@code tandem.retention.purge-every} (1 h), in chunks of {@code tandem.retention.chunk} rows, each
 * in its own short transaction, oldest first; several instances may run it at once (a chunk another instance
 * deleted is simply gone). Deleted counts are the counters {@code tandem.retention.purged{table=…}}.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    /**
     * Sent events (no longer queued in {@code outbox_unsent}) older than the retention, counted from when they
     * occurred; oldest first by the primary key (old events are low positions), so the scan stops after one chunk.
     */
    private static final String PURGE_OUTBOX = """
            DELETE FROM outbox_event WHERE position IN (
                SELECT e.position FROM outbox_event e
                 WHERE e.occurred_at < now() - make_interval(secs => ?)
                   AND NOT EXISTS (SELECT 1 FROM outbox_unsent u WHERE u.position = e.position)
                 ORDER BY e.position LIMIT ?)""";

    private static final String PURGE_INBOX = """
            DELETE FROM inbox_event WHERE (source, event_id) IN (
                SELECT source, event_id FROM inbox_event
                 WHERE processed_at < now() - make_interval(secs => ?)
                 ORDER BY processed_at LIMIT ?)""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "tandem.outbox.retention", defaultValue = "P7D")
    Duration outboxRetention;

    @ConfigProperty(name = "tandem.inbox.retention", defaultValue = "P30D")
    Duration inboxRetention;

    @ConfigProperty(name = "tandem.retention.chunk", defaultValue = "5000")
    int chunk;

    @Scheduled(identity = "tandem-event-retention", every = "${tandem.retention.purge-every:1h}",
            delayed = "${tandem.retention.purge-delay:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            // a database that is away now is purged next time; nothing is owed
            LOG.warnf("retention: purge failed, tried again in the next period: %s", e.getMessage());
        }
    }

    /** Runs both purges now; returns the rows deleted from outbox_event and inbox_event. */
    public long[] purgeNow() {
        long outbox = purge("outbox_event", PURGE_OUTBOX, outboxRetention);
        long inbox = purge("inbox_event", PURGE_INBOX, inboxRetention);
        if (outbox + inbox > 0) {
            LOG.infof("retention: deleted %d sent outbox rows older than %s and %d inbox rows older than %s", outbox,
                    outboxRetention, inbox, inboxRetention);
        }
        return new long[] {outbox, inbox};
    }

    private long purge(String table, String sql, Duration retention) {
        long total = 0;
        int deleted;
        do {
            // autocommit: each chunk is its own short transaction, holding its row locks only briefly
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setDouble(1, retention.toMillis() / 1000.0);
                ps.setInt(2, chunk);
                deleted = ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not purge " + table + ": " + e.getMessage(), e);
            }
            total += deleted;
        } while (deleted == chunk);
        if (total > 0) {
            meters.counter("tandem.retention.purged", "table", table).increment(total);
        }
        return total;
    }
}
