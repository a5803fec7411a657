package dev.tandem.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.tandem.platform.events.EventEnvelope;
import dev.tandem.platform.security.Actor;
import dev.tandem.platform.telemetry.EventSpans;
import dev.tandem.platform.telemetry.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, one batch per call. Plain Java so it can be tested with two instances
 * competing for the same table.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>a row is marked sent only after the broker acknowledged it (the producer uses acks=all, idempotence on);</li>
 *   <li>per-aggregate order: a row is published only when every earlier row of its aggregate has been sent, so a
 *       row locked by another instance, or one that failed, holds back the later rows of that aggregate; within a
 *       batch, a row goes to the producer only after the broker acknowledged the aggregate's earlier row;</li>
 *   <li>several instances share the work: rows are claimed with {@code FOR UPDATE SKIP LOCKED}.</li>
 * </ul>
 * Delivery is at-least-once (a crash between the broker's ack and the commit re-sends the row with the same
 * {@code ce_id}); consumers de-duplicate with the inbox.
 *
 * <p>Tracing: each send is a PRODUCER span ({@link EventSpans#startSend}) whose parent is the context stored on the
 * row (the request that wrote the event), ended when the broker answers; the record's {@code traceparent} is that
 * span's, so consumers continue the same trace.
 */
public final class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    /**
     * Locks the first unsent positions of the queue, then reads their rows by primary key. (Written as a join, the
     * planner read the whole of outbox_event for each claim once the queue held an import's 100,000 positions.)
     */
    private static final String CLAIM = """
            WITH claimed AS MATERIALIZED (
                SELECT position FROM outbox_unsent ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED)
            SELECT position, event_id, topic, aggregate_type, aggregate_id, sequence, event_type, payload,
                   traceparent, occurred_at, actor_subject, actor_name
              FROM outbox_event
             WHERE position = ANY (ARRAY(SELECT position FROM claimed))
             ORDER BY position""";

    private static final String EARLIEST_UNSENT = """
            SELECT a.t, a.i, (SELECT min(e.sequence) FROM outbox_event e
                               WHERE e.aggregate_type = a.t AND e.aggregate_id = a.i
                                 AND EXISTS (SELECT 1 FROM outbox_unsent u WHERE u.position = e.position))
              FROM unnest(?::text[], ?::text[]) AS a(t, i)""";

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final String source;
    private final int batchSize;
    private final EventSpans spans;

    public OutboxPublisher(DataSource dataSource, Producer<String, byte[]> producer, String source, int batchSize,
            EventSpans spans) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.source = source;
        this.batchSize = batchSize;
        this.spans = spans;
    }

    /** The outcome of one batch. */
    public record BatchResult(int claimed, int published, int failed) {
        static final BatchResult EMPTY = new BatchResult(0, 0, 0);
    }

    /** Claims up to one batch of unsent rows, publishes what may go now, and marks what the broker acknowledged. */
    public BatchResult publishBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                BatchResult result = publishBatch(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * One batch within the caller's transaction on {@code c}: claims, publishes and marks; the caller commits.
     *
     * <p>The rows go to the producer in waves: the first row of every aggregate, then (once the broker acknowledged
     * those) the second, and so on. A later row of an aggregate is never handed to the producer before the earlier
     * one was acknowledged: were both sent at once and the earlier one failed (a timeout while the broker is away)
     * while the later one got through, the later one would be on the topic first. Most batches hold one row per
     * aggregate and take one wave.
     */
    BatchResult publishBatch(Connection c) throws SQLException {
        // The relay's statements are prepared once and run for the service's lifetime, while the outbox grows from
        // empty: a generic plan made when the tables were small would read outbox_event whole on every claim (seen:
        // 100-170 ms a claim during an import). Planned for each execution, they use the tables' sizes of now.
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
        List<Row> claimed = claim(c);
        if (claimed.isEmpty()) {
            return BatchResult.EMPTY;
        }
        List<List<Row>> waves = waves(inOrderPrefix(c, claimed));
        List<Long> sent = new ArrayList<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        Set<String> brokenAggregates = new HashSet<>();
        for (List<Row> wave : waves) {
            List<Row> sending = new ArrayList<>(wave.size());
            for (Row row : wave) {
                if (brokenAggregates.contains(row.aggregateKey())) {
                    // An earlier event of the aggregate failed: this one stays unsent, so order holds on retry.
                    failed.put(row.position(), "an earlier event of the aggregate failed");
                } else {
                    sending.add(row);
                }
            }
            List<String> errors = send(sending);
            for (int i = 0; i < sending.size(); i++) {
                Row row = sending.get(i);
                if (errors.get(i) == null) {
                    sent.add(row.position());
                } else {
                    brokenAggregates.add(row.aggregateKey());
                    failed.put(row.position(), errors.get(i));
                }
            }
        }
        markSent(c, sent);
        markFailed(c, failed);
        return new BatchResult(claimed.size(), sent.size(), failed.size());
    }

    /** The rows by rank within their aggregate: wave 0 holds each aggregate's first row, wave 1 its second, … */
    private static List<List<Row>> waves(List<Row> publishable) {
        List<List<Row>> waves = new ArrayList<>();
        Map<String, Integer> rank = new HashMap<>();
        for (Row row : publishable) {
            int r = rank.merge(row.aggregateKey(), 1, Integer::sum) - 1;
            if (r == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(r).add(row);
        }
        return waves;
    }

    /** Sends the rows, waits for the broker, and returns per row {@code null} (acknowledged) or the error. */
    private List<String> send(List<Row> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Span> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Span send = spans.startSend(TraceContext.fromTraceparent(row.traceparent()), row.topic(), row.eventId(),
                    row.eventType(), source, row.aggregateId());
            sends.add(send);
            try {
                acks.add(producer.send(toRecord(row, Context.root().with(send))));
            } catch (RuntimeException e) {
                // the producer refused at once (closed, serialisation): end every span started so far, then fail
                sends.forEach(s -> EventSpans.endFailed(s, e.getClass().getSimpleName() + ": " + e.getMessage()));
                throw e;
            }
        }
        producer.flush();
        List<String> errors = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String error = awaitAck(acks.get(i));
            if (error == null) {
                sends.get(i).end();
            } else {
                EventSpans.endFailed(sends.get(i), error);
            }
            errors.add(error);
        }
        return errors;
    }

    private List<Row> claim(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setInt(1, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2).toString(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), Actor.stored(rs.getString(11), rs.getString(12))));
                }
            }
        }
        return rows;
    }

    /**
     * Keeps, per aggregate, the run of claimed rows that starts at the aggregate's earliest unsent sequence and has
     * no gap. Rows claimed by another instance are invisible to {@code SKIP LOCKED} but still count as unsent here.
     */
    private List<Row> inOrderPrefix(Connection c, List<Row> claimed) throws SQLException {
        Map<String, List<Row>> byAggregate = new LinkedHashMap<>();
        for (Row row : claimed) {
            byAggregate.computeIfAbsent(row.aggregateKey(), k -> new ArrayList<>()).add(row);
        }
        Map<String, Long> earliest = new HashMap<>();
        // An aggregate whose claimed rows include its first event (sequence 1) has no earlier row to wait for: only
        // the others are looked up (a bulk of new aggregates, such as an import, needs no lookup at all).
        List<Row> toLookUp = new ArrayList<>();
        for (List<Row> rows : byAggregate.values()) {
            if (rows.stream().anyMatch(r -> r.sequence() == 1)) {
                earliest.put(rows.get(0).aggregateKey(), 1L);
            } else {
                toLookUp.add(rows.get(0));
            }
        }
        if (!toLookUp.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(EARLIEST_UNSENT)) {
                Array typeArray = c.createArrayOf("text", toLookUp.stream().map(Row::aggregateType).toArray());
                Array idArray = c.createArrayOf("text", toLookUp.stream().map(Row::aggregateId).toArray());
                ps.setArray(1, typeArray);
                ps.setArray(2, idArray);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long sequence = rs.getLong(3);
                        if (!rs.wasNull()) {
                            earliest.put(rs.getString(1) + '/' + rs.getString(2), sequence);
                        }
                    }
                }
            }
        }
        List<Row> publishable = new ArrayList<>();
        for (Map.Entry<String, List<Row>> entry : byAggregate.entrySet()) {
            long expected = earliest.getOrDefault(entry.getKey(), Long.MAX_VALUE);
            List<Row> rows = new ArrayList<>(entry.getValue());
            rows.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
            for (Row row : rows) {
                if (row.sequence() != expected) {
                    break;
                }
                publishable.add(row);
                expected++;
            }
        }
        publishable.sort((a, b) -> Long.compare(a.position(), b.position()));
        return publishable;
    }

    /** The record of a row; its {@code traceparent} is the send span's ({@code sending}). */
    private ProducerRecord<String, byte[]> toRecord(Row row, Context sending) {
        EventEnvelope envelope = new EventEnvelope(row.eventId(), source, row.eventType(), row.aggregateId(),
                row.occurredAt(), row.sequence(), TraceContext.traceparent(sending), row.actor());
        return new ProducerRecord<>(row.topic(), null, row.aggregateId(),
                row.payload().getBytes(StandardCharsets.UTF_8), envelope.toHeaders());
    }

    private static String awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the broker";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    /**
     * Takes the acknowledged events off the queue ({@code outbox_unsent}); their rows stay in {@code outbox_event}
     * until the retention deletes them. A delete from the narrow queue, not an update of the wide row (platform
     * migration {@code V0_7}).
     */
    private static void markSent(Connection c, List<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_unsent WHERE position = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", positions.toArray()));
            ps.executeUpdate();
        }
    }

    private static void markFailed(Connection c, Map<Long, String> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE position = ?")) {
            for (Map.Entry<Long, String> f : failures.entrySet()) {
                ps.setString(1, f.getValue());
                ps.setLong(2, f.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        LOG.warnf("outbox: %d event(s) not acknowledged by the broker, will retry: %s", failures.size(),
                failures.values().iterator().next());
    }

    /** Number of rows not yet sent. */
    public long pending() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox_unsent");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Row(long position, String eventId, String topic, String aggregateType, String aggregateId,
                       long sequence, String eventType, String payload, String traceparent, Instant occurredAt,
                       Actor actor) {
        String aggregateKey() {
            return aggregateType + '/' + aggregateId;
        }
    }
}
