package dev.tandem.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.security.Actor;
import dev.tandem.platform.security.Actors;
import dev.tandem.platform.telemetry.EventSpans;
import dev.tandem.platform.telemetry.TraceContext;
import dev.tandem.platform.time.Now;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Records domain events in the caller's transaction. The events are published by the {@link OutboxRelay} only if,
 * and right after, that transaction commits: a rolled-back change announces nothing, a committed one is never lost.
 * Each event carries the trace context and the actor ({@link Actors#current()}) of the work that wrote it.
 *
 * <p>However many events one call appends, it costs two statements: one hands out the aggregates' next sequence
 * numbers, one inserts the rows. A bulk operation appends its events with {@link #publishAll} rather than one
 * {@link #publish} per item.
 *
 * <p>Each row keeps the {@code traceparent} of the span current when it was written (the request's server span, or
 * the inbox's process span of the event being handled): the relay's send continues that trace. With the log
 * category {@code dev.tandem.events} at DEBUG (the local run turns it on), each call writes one line, with the trace
 * id of the work that wrote the events.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger EVENTS = Logger.getLogger(EventSpans.TRAIL_CATEGORY);

    /**
     * Reserves {@code n} sequence numbers per aggregate and returns the last one. The rows are upserted in key order,
     * so two transactions appending events of the same aggregates lock them in the same order (no deadlock); the
     * upsert serialises the writers of one aggregate until they commit.
     */
    private static final String RESERVE_SEQUENCES = """
            INSERT INTO outbox_aggregate_sequence (aggregate_type, aggregate_id, last_sequence)
            SELECT t, i, n FROM unnest(?::text[], ?::text[], ?::bigint[]) AS reserved(t, i, n) ORDER BY t, i
            ON CONFLICT (aggregate_type, aggregate_id)
            DO UPDATE SET last_sequence = outbox_aggregate_sequence.last_sequence + EXCLUDED.last_sequence
            RETURNING aggregate_type, aggregate_id, last_sequence""";

    /**
     * One statement for all rows, inserted in the order given (so {@code position} follows it), each queued for the
     * relay in {@code outbox_unsent}.
     */
    private static final String INSERT = """
            WITH appended AS (
                INSERT INTO outbox_event (event_id, topic, aggregate_type, aggregate_id, sequence, event_type, payload,
                                          traceparent, occurred_at, actor_subject, actor_name)
                SELECT event_id, topic, aggregate_type, aggregate_id, sequence, event_type, payload, ?::varchar,
                       ?::timestamptz, ?::varchar, ?::varchar
                  FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])
                       WITH ORDINALITY AS e(event_id, topic, aggregate_type, aggregate_id, sequence, event_type, payload,
                                            ord)
                 ORDER BY ord
                RETURNING position)
            INSERT INTO outbox_unsent (position) SELECT position FROM appended""";

    /**
     * One event to append.
     *
     * @param topic         Kafka topic, e.g. {@code tandem.product.events}
     * @param aggregateType e.g. {@code product}; with the id it scopes the per-aggregate sequence
     * @param aggregateId   the record key and the CloudEvents subject
     * @param eventType     CloudEvents type, e.g. {@code dev.tandem.product.created.v1}
     * @param payload       serialised as JSON with the service's ObjectMapper
     */
    public record Event(String topic, String aggregateType, Object aggregateId, String eventType, Object payload) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxRelay relay;

    @Inject
    Actors actors;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Writes one event row.
     *
     * @return the event's CloudEvents id
     * @see Event for the parameters
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregateType, Object aggregateId, String eventType, Object payload) {
        return publishAll(List.of(new Event(topic, aggregateType, aggregateId, eventType, payload))).get(0);
    }

    /**
     * Writes the events' rows, in the order given: events of one aggregate get consecutive sequence numbers in that
     * order, after those it has already.
     *
     * @return the events' CloudEvents ids, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        // Pending entity changes go to the database first, as they would before a native statement.
        em.flush();
        List<UUID> ids = em.unwrap(Session.class).doReturningWork(connection -> insert(connection, events));
        wakeRelayAfterCommit();
        if (EVENTS.isDebugEnabled()) {
            EVENTS.debug(written(events, ids));
        }
        return ids;
    }

    /** {@code wrote <type> <id> (<aggregate> <id>) to <topic>}, or a count per type for several. */
    private static String written(List<Event> events, List<UUID> ids) {
        if (events.size() == 1) {
            Event e = events.get(0);
            return "wrote " + e.eventType() + " " + ids.get(0) + " (" + e.aggregateType() + " " + e.aggregateId()
                    + ") to " + e.topic();
        }
        Map<String, Long> byType = new TreeMap<>();
        events.forEach(e -> byType.merge(e.eventType() + " to " + e.topic(), 1L, Long::sum));
        StringBuilder line = new StringBuilder("wrote ").append(events.size()).append(" events:");
        byType.forEach((type, n) -> line.append(' ').append(n).append(" × ").append(type).append(';'));
        line.setLength(line.length() - 1);
        return line.toString();
    }

    private List<UUID> insert(Connection c, List<Event> events) throws SQLException {
        int size = events.size();
        UUID[] eventIds = new UUID[size];
        String[] topics = new String[size];
        String[] aggregateTypes = new String[size];
        String[] aggregateIds = new String[size];
        Long[] sequences = new Long[size];
        String[] eventTypes = new String[size];
        String[] payloads = new String[size];
        Map<Aggregate, Long> counts = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            Event e = events.get(i);
            eventIds[i] = UUID.randomUUID();
            topics[i] = e.topic();
            aggregateTypes[i] = e.aggregateType();
            aggregateIds[i] = String.valueOf(e.aggregateId());
            eventTypes[i] = e.eventType();
            payloads[i] = toJson(e.payload());
            counts.merge(new Aggregate(aggregateTypes[i], aggregateIds[i]), 1L, Long::sum);
        }
        Map<Aggregate, Long> next = reserveSequences(c, counts);
        for (int i = 0; i < size; i++) {
            sequences[i] = next.merge(new Aggregate(aggregateTypes[i], aggregateIds[i]), 1L, Long::sum) - 1;
        }
        Actor actor = actors.current();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, TraceContext.currentTraceparent());
            ps.setObject(2, OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC));
            ps.setString(3, actor.subject());
            ps.setString(4, actor.name());
            ps.setArray(5, c.createArrayOf("uuid", eventIds));
            ps.setArray(6, c.createArrayOf("text", topics));
            ps.setArray(7, c.createArrayOf("text", aggregateTypes));
            ps.setArray(8, c.createArrayOf("text", aggregateIds));
            ps.setArray(9, c.createArrayOf("bigint", sequences));
            ps.setArray(10, c.createArrayOf("text", eventTypes));
            ps.setArray(11, c.createArrayOf("text", payloads));
            ps.executeUpdate();
        }
        return List.of(eventIds);
    }

    /** The first sequence number reserved for each aggregate, {@code counts} numbers each. */
    private static Map<Aggregate, Long> reserveSequences(Connection c, Map<Aggregate, Long> counts)
            throws SQLException {
        int n = counts.size();
        String[] types = new String[n];
        String[] ids = new String[n];
        Long[] amounts = new Long[n];
        int i = 0;
        for (Map.Entry<Aggregate, Long> entry : counts.entrySet()) {
            types[i] = entry.getKey().type();
            ids[i] = entry.getKey().id();
            amounts[i] = entry.getValue();
            i++;
        }
        Map<Aggregate, Long> first = new HashMap<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(RESERVE_SEQUENCES)) {
            ps.setArray(1, c.createArrayOf("text", types));
            ps.setArray(2, c.createArrayOf("text", ids));
            ps.setArray(3, c.createArrayOf("bigint", amounts));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Aggregate aggregate = new Aggregate(rs.getString(1), rs.getString(2));
                    first.put(aggregate, rs.getLong(3) - counts.get(aggregate) + 1);
                }
            }
        }
        return first;
    }

    private record Aggregate(String type, String id) implements Comparable<Aggregate> {
        @Override
        public int compareTo(Aggregate other) {
            int byType = type.compareTo(other.type);
            return byType != 0 ? byType : id.compareTo(other.id);
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be serialised: " + e.getOriginalMessage(), e);
        }
    }
}
