package dev.tandem.gateway.webhook;

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

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code webhook_delivery} and {@code webhook_attempt} tables, in plain SQL: queueing events (once per
 * subscription and event), claiming due deliveries with {@code FOR UPDATE SKIP LOCKED} in subject order, recording
 * attempts, and the delivery log. Every method runs in the caller's transaction.
 */
@ApplicationScoped
class WebhookDeliveries {

    /** Delivery states, as stored. */
    enum State { PENDING, SENDING, DELIVERED, FAILED }

    /** One event to queue for one subscription. */
    record Queued(UUID subscriptionId, String eventSource, String eventId, String eventType, String subject,
                  Instant eventTime, String topic, int partition, long offset, String body) {
    }

    /** A claimed delivery, with what its attempt needs. */
    record Claimed(UUID id, UUID subscriptionId, String eventId, String body, int attempt, Instant queuedAt,
                   String url, String sealedSecret, String sealedPreviousSecret, Instant previousSecretExpiresAt) {
    }

    /** A row of the delivery log. */
    record Row(UUID id, long seq, UUID subscriptionId, String eventSource, String eventId, String eventType,
               String subject, Instant eventTime, State state, int attempts, Instant queuedAt, Instant nextAttemptAt,
               Instant lastAttemptAt, Integer lastStatusCode, Integer lastLatencyMs, String lastError,
               Instant deliveredAt) {
    }

    /** One recorded attempt. */
    record Attempt(int attempt, Instant attemptedAt, Integer statusCode, int latencyMs, String error,
                   boolean succeeded) {
    }

    private static final String INSERT = """
            INSERT INTO webhook_delivery (id, subscription_id, event_source, event_id, event_type, subject, event_time,
                                          topic, kafka_partition, kafka_offset, body, state, queued_at, next_attempt_at)
            SELECT q.id, q.sub, q.src, q.eid, q.typ, q.subj, q.etime::timestamptz, q.topic, q.part, q.off, q.body, 'PENDING',
                   now(), now()
              FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::int[], ?::bigint[], ?::text[])
                   WITH ORDINALITY AS q(id, sub, src, eid, typ, subj, etime, topic, part, off, body, ord)
             WHERE EXISTS (SELECT 1 FROM webhook_subscription s WHERE s.id = q.sub)
             ORDER BY q.ord
            ON CONFLICT (subscription_id, event_source, event_id) DO NOTHING""";

    /** The next position in the queue, for a delivery queued again: after what is queued already. */
    private static final String NEXT_SEQ = "nextval(pg_get_serial_sequence('webhook_delivery', 'seq'))";

    /**
     * The same, but an event delivered or given up before is queued again (a replay), taking its place in the order of
     * the replayed events.
     */
    private static final String INSERT_OR_REQUEUE = INSERT.replace("DO NOTHING", """
            DO UPDATE SET state = 'PENDING', queued_at = now(), next_attempt_at = now(), lease_until = NULL,
                          seq = %s
                    WHERE webhook_delivery.state IN ('DELIVERED', 'FAILED')""".formatted(NEXT_SEQ));

    /**
     * Due deliveries of ENABLED subscriptions that no earlier delivery of the same subscription and subject holds
     * back, oldest due first; locked rows (another instance is claiming them) are skipped. SENDING rows whose lease
     * ran out belong to an instance that stopped mid-attempt and are claimed again.
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT d.id
                  FROM webhook_delivery d
                  JOIN webhook_subscription s ON s.id = d.subscription_id
                 WHERE ((d.state = 'PENDING' AND d.next_attempt_at <= now())
                        OR (d.state = 'SENDING' AND d.lease_until < now()))
                   AND s.status = 'ENABLED'
                   AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                    WHERE e.subscription_id = d.subscription_id AND e.subject = d.subject
                                      AND e.seq < d.seq AND e.state IN ('PENDING', 'SENDING'))
                 ORDER BY d.next_attempt_at, d.seq
                 LIMIT ?
                   FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_delivery d
               SET state = 'SENDING', lease_until = now() + make_interval(secs => ?), attempts = d.attempts + 1
              FROM due, webhook_subscription s
             WHERE d.id = due.id AND s.id = d.subscription_id
            RETURNING d.id, d.subscription_id, d.event_id, d.body, d.attempts, d.queued_at, s.url, s.secret,
                      s.previous_secret, s.previous_secret_expires_at""";

    private static final String COLUMNS = """
            id, seq, subscription_id, event_source, event_id, event_type, subject, event_time, state, attempts,
            queued_at, next_attempt_at, last_attempt_at, last_status_code, last_latency_ms, last_error, delivered_at""";

    private final AgroalDataSource dataSource;

    WebhookDeliveries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues the events (each at most once per subscription); returns how many rows are new. */
    int queue(List<Queued> events) throws SQLException {
        return insert(INSERT, events);
    }

    /** Queues the events, and again those delivered or given up before; returns how many were (re)queued. */
    int requeue(List<Queued> events) throws SQLException {
        return insert(INSERT_OR_REQUEUE, events);
    }

    private int insert(String sql, List<Queued> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        UUID[] subs = new UUID[n];
        String[] sources = new String[n];
        String[] eventIds = new String[n];
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] times = new String[n];
        String[] topics = new String[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            Queued q = events.get(i);
            ids[i] = UUID.randomUUID();
            subs[i] = q.subscriptionId();
            sources[i] = q.eventSource();
            eventIds[i] = q.eventId();
            types[i] = q.eventType();
            subjects[i] = q.subject() == null ? "" : q.subject();
            times[i] = q.eventTime() == null ? null : q.eventTime().toString();
            topics[i] = q.topic();
            partitions[i] = q.partition();
            offsets[i] = q.offset();
            bodies[i] = q.body();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("uuid", subs));
            ps.setArray(3, c.createArrayOf("text", sources));
            ps.setArray(4, c.createArrayOf("text", eventIds));
            ps.setArray(5, c.createArrayOf("text", types));
            ps.setArray(6, c.createArrayOf("text", subjects));
            ps.setArray(7, c.createArrayOf("text", times));
            ps.setArray(8, c.createArrayOf("text", topics));
            ps.setArray(9, c.createArrayOf("int4", partitions));
            ps.setArray(10, c.createArrayOf("int8", offsets));
            ps.setArray(11, c.createArrayOf("text", bodies));
            return ps.executeUpdate();
        }
    }

    /** Claims up to {@code limit} due deliveries for this instance until {@code lease} has passed. */
    List<Claimed> claim(int limit, Duration lease) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setInt(1, limit);
            ps.setDouble(2, lease.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getInt(5), instant(rs, 6), rs.getString(7), rs.getString(8),
                            rs.getString(9), instant(rs, 10)));
                }
            }
        }
        return claimed;
    }

    /**
     * Records an attempt and its outcome: DELIVERED, PENDING again at {@code nextAttempt}, or FAILED (given up) when
     * there is none. Nothing changes when the delivery is gone (its subscription was deleted meanwhile).
     *
     * @return whether the delivery was still there
     */
    boolean record(Claimed delivery, Instant attemptedAt, WebhookSender.Outcome outcome, Optional<Instant> nextAttempt)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int updated;
            String error = outcome.succeeded() ? null : truncate(outcome.error() == null
                    ? "HTTP " + outcome.statusCode() : outcome.error(), 1000);
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE webhook_delivery
                       SET state = ?, next_attempt_at = coalesce(?, next_attempt_at), lease_until = NULL,
                           last_attempt_at = ?, last_status_code = ?, last_latency_ms = ?, last_error = ?,
                           delivered_at = ?
                     WHERE id = ? AND state = 'SENDING'""")) {
                State state = outcome.succeeded() ? State.DELIVERED
                        : nextAttempt.isPresent() ? State.PENDING : State.FAILED;
                ps.setString(1, state.name());
                ps.setObject(2, nextAttempt.map(WebhookDeliveries::odt).orElse(null));
                ps.setObject(3, odt(attemptedAt));
                ps.setObject(4, outcome.statusCode());
                ps.setInt(5, (int) Math.min(Integer.MAX_VALUE, outcome.latencyMillis()));
                ps.setString(6, error);
                ps.setObject(7, outcome.succeeded() ? odt(attemptedAt) : null);
                ps.setObject(8, delivery.id());
                updated = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, latency_ms, error,
                                                 succeeded)
                    SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM webhook_delivery WHERE id = ?)""")) {
                ps.setObject(1, delivery.id());
                ps.setInt(2, delivery.attempt());
                ps.setObject(3, odt(attemptedAt));
                ps.setObject(4, outcome.statusCode());
                ps.setInt(5, (int) Math.min(Integer.MAX_VALUE, outcome.latencyMillis()));
                ps.setString(6, error);
                ps.setBoolean(7, outcome.succeeded());
                ps.setObject(8, delivery.id());
                ps.executeUpdate();
            }
            return updated > 0;
        }
    }

    /** The delivery log of a subscription: newest first, after the cursor's {@code seq}, optionally of one state. */
    List<Row> page(UUID subscriptionId, Long beforeSeq, State state, int fetchSize) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM webhook_delivery WHERE subscription_id = ?");
        if (beforeSeq != null) {
            sql.append(" AND seq < ?");
        }
        if (state != null) {
            sql.append(" AND state = ?");
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setObject(i++, subscriptionId);
            if (beforeSeq != null) {
                ps.setLong(i++, beforeSeq);
            }
            if (state != null) {
                ps.setString(i++, state.name());
            }
            ps.setInt(i, fetchSize);
            return rows(ps);
        }
    }

    Optional<Row> get(UUID subscriptionId, UUID deliveryId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM webhook_delivery WHERE subscription_id = ? AND id = ?")) {
            ps.setObject(1, subscriptionId);
            ps.setObject(2, deliveryId);
            return rows(ps).stream().findFirst();
        }
    }

    /** Every attempt of a delivery, newest first. */
    List<Attempt> attempts(UUID deliveryId) throws SQLException {
        List<Attempt> attempts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT attempt, attempted_at, status_code, latency_ms, error, succeeded FROM webhook_attempt
                 WHERE delivery_id = ? ORDER BY id DESC""")) {
            ps.setObject(1, deliveryId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attempts.add(new Attempt(rs.getInt(1), instant(rs, 2), (Integer) rs.getObject(3), rs.getInt(4),
                            rs.getString(5), rs.getBoolean(6)));
                }
            }
        }
        return attempts;
    }

    /**
     * Queues a delivery again: a delivered or given-up one from now on, behind what is queued already for its subject,
     * with a fresh retry period; a pending one is made due now. A delivery being sent right now is left alone.
     *
     * @return the state it was in, empty when there is no such delivery
     */
    Optional<State> redeliver(UUID subscriptionId, UUID deliveryId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            State before;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state FROM webhook_delivery WHERE subscription_id = ? AND id = ? FOR UPDATE")) {
                ps.setObject(1, subscriptionId);
                ps.setObject(2, deliveryId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    before = State.valueOf(rs.getString(1));
                }
            }
            if (before != State.SENDING) {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE webhook_delivery
                           SET state = 'PENDING', next_attempt_at = now(), lease_until = NULL,
                               queued_at = CASE WHEN state = 'PENDING' THEN queued_at ELSE now() END,
                               seq = CASE WHEN state = 'PENDING' THEN seq ELSE %s END
                         WHERE id = ?""".formatted(NEXT_SEQ))) {
                    ps.setObject(1, deliveryId);
                    ps.executeUpdate();
                }
            }
            return Optional.of(before);
        }
    }

    /**
     * Deletes up to {@code chunk} delivered or given-up deliveries (their attempts go with them) whose last activity
     * is before {@code before}; returns how many.
     */
    int purge(Instant before, int chunk) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                DELETE FROM webhook_delivery WHERE id IN (
                    SELECT id FROM webhook_delivery
                     WHERE state IN ('DELIVERED', 'FAILED') AND coalesce(last_attempt_at, queued_at) < ?
                     LIMIT ?)""")) {
            ps.setObject(1, odt(before));
            ps.setInt(2, chunk);
            return ps.executeUpdate();
        }
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String subject = rs.getString(7);
                rows.add(new Row(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), subject.isEmpty() ? null : subject,
                        instant(rs, 8), State.valueOf(rs.getString(9)), rs.getInt(10), instant(rs, 11),
                        instant(rs, 12), instant(rs, 13), (Integer) rs.getObject(14), (Integer) rs.getObject(15),
                        rs.getString(16), instant(rs, 17)));
            }
        }
        return rows;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime odt(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
