package dev.tandem.platform.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.security.Actor;
import dev.tandem.platform.security.Actors;
import io.agroal.api.AgroalDataSource;
import org.hibernate.Session;

/**
 * The history of records: one entry per change — when, who ({@link Actors#current()}), the event type and each field
 * that changed from → to — in the service's {@code record_history} table (platform migration {@code V0_5}), kept for
 * as long as the service's database, independently of the outbox's retention.
 *
 * <p>A service calls {@link #record} where it turns a change of a record into its event (its {@code …Events} class),
 * with the record's state after the change: the record's API view, or the part of it that is the record's own (not
 * what other services' events change). The history keeps that state with the entry and compares the next one with
 * it, so callers never have to capture a "before": the fields that changed are the difference of the view's JSON,
 * named as the API names them ({@link Changes}). Writing it in the change's transaction means an entry exists exactly
 * when the change committed. Writers of one record are serialised by a transaction-scoped advisory lock on the
 * record, so each entry is compared with the state the previous committed change left.
 *
 * <p>Reading ({@link #page}) is newest first with the platform's cursor paging; the cursor is the entry's id.
 */
@ApplicationScoped
public class History {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext(?))";
    private static final String LAST_STATE = """
            SELECT state::text FROM record_history
             WHERE record_type = ? AND record_id = ?
             ORDER BY id DESC LIMIT 1""";
    private static final String INSERT = """
            INSERT INTO record_history (record_type, record_id, event_type, actor_subject, actor_name, changes, state,
                                        changed_at)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""";
    private static final String PAGE = """
            SELECT id, changed_at, actor_subject, actor_name, event_type, changes::text FROM record_history
             WHERE record_type = ? AND record_id = ? AND id < ?
             ORDER BY id DESC LIMIT ?""";

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    Actors actors;

    /**
     * The service's mapper, with decimals kept exactly as the view writes them: read as BigDecimal, not double, and
     * with their scale (Jackson's trees strip trailing zeros by default: 8.00 hours would read back as 8).
     */
    private ObjectMapper exact;

    /**
     * Records a change of a record in the caller's transaction: an entry with the fields of {@code state} that differ
     * from the state recorded last (all of them for a record with no history yet). A change that leaves the state as
     * it was recorded adds no entry.
     *
     * @param recordType the aggregate type, e.g. {@code product}
     * @param recordId   the record's id
     * @param eventType  the CloudEvents type of the change's event
     * @param state      the record's state after the change, serialised as the API does (its view)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String recordType, Object recordId, String eventType, Object state) {
        ObjectNode after = exact().valueToTree(state);
        String id = String.valueOf(recordId);
        Actor actor = actors.current();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement lock = c.prepareStatement(LOCK)) {
                lock.setString(1, recordType + '/' + id);
                lock.execute();
            }
            ObjectNode before = lastState(c, recordType, id);
            Map<String, FieldChange> changes = Changes.between(before, after);
            if (before != null && changes.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, recordType);
                ps.setString(2, id);
                ps.setString(3, eventType);
                ps.setString(4, actor.subject());
                ps.setString(5, actor.name());
                ps.setString(6, toJson(changes));
                ps.setString(7, toJson(after));
                ps.setObject(8, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
                ps.executeUpdate();
            }
        });
    }

    /**
     * One page of a record's history, newest first. The caller checks first that the record exists (404).
     *
     * @throws dev.tandem.platform.problem.ProblemException 400 naming {@code cursor} for a cursor of another list
     */
    public Page<HistoryEntry> page(String recordType, Object recordId, PageRequest request) {
        long before = Long.MAX_VALUE;
        if (request.after() != null) {
            if (request.after().size() != 1) {
                throw Cursor.invalid();
            }
            before = request.after().longValue(0);
        }
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PAGE)) {
            ps.setString(1, recordType);
            ps.setString(2, String.valueOf(recordId));
            ps.setLong(3, before);
            ps.setInt(4, request.fetchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            Actor.stored(rs.getString(3), rs.getString(4)), rs.getString(5), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of " + recordType + " " + recordId, e);
        }
        return Page.of(rows, request, this::entry, r -> Cursor.of(r.id()));
    }

    private record Row(long id, Instant at, Actor actor, String eventType, String changes) {
    }

    private HistoryEntry entry(Row row) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        readTree(row.changes()).fields().forEachRemaining(f -> changes.put(f.getKey(),
                new FieldChange(f.getValue().path("from"), f.getValue().path("to"))));
        return new HistoryEntry(row.at(), row.actor(), row.eventType(), changes);
    }

    private ObjectNode lastState(Connection c, String recordType, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LAST_STATE)) {
            ps.setString(1, recordType);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (ObjectNode) readTree(rs.getString(1)) : null;
            }
        }
    }

    private ObjectMapper exact() {
        ObjectMapper mapper = exact;
        if (mapper == null) {
            mapper = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
            exact = mapper;
        }
        return mapper;
    }

    private JsonNode readTree(String text) {
        try {
            return exact().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable record history JSON", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record state cannot be serialised: " + e.getOriginalMessage(), e);
        }
    }
}
