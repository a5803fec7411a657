package dev.tandem.platform.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import dev.tandem.platform.time.Now;
import io.agroal.api.AgroalDataSource;
import org.hibernate.Session;

/**
 * The history of records: one entry per change — when, who ({@link Actors#current()}), the event type and each field
 * that changed from → to — in the service's {@code record_history} table (platform migration {@code V0_5}), kept
 * for as long as the service's database, independently of the outbox's retention.
 *
 * <p>A service calls {@link #record} where it turns a change of a record into its event (its {@code …Events} class),
 * with the record's state after the change: the record's API view, or the part of it that is the record's own (not
 * what other services' events change). The history keeps that state with the entry and compares the next one with
 * it, so callers never have to capture a "before": the fields that changed are the difference of the view's JSON,
 * named as the API names them ({@link Changes}). Writing it in the change's transaction means an entry exists exactly
 * when the change committed. Writers of one record are serialised by a transaction-scoped advisory lock on the
 * record, so each entry is compared with the state the previous committed change left. A bulk change records all its
 * entries with {@link #recordAll} in three statements.
 *
 * <p>Reading ({@link #page}) is newest first with the platform's cursor paging; the cursor is the entry's id.
 */
@ApplicationScoped
public class History {

    /** Transaction-scoped locks on the records, in one order, so two writers of the same records never deadlock. */
    private static final String LOCK = """
            SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(?::text[]) AS locked(k) ORDER BY k""";
    private static final String LAST_STATES = """
            SELECT DISTINCT ON (record_type, record_id) record_type, record_id, state::text FROM record_history
             WHERE (record_type, record_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))
             ORDER BY record_type, record_id, id DESC""";
    /** One statement for all entries, inserted in the order given (so ids follow it). */
    private static final String INSERT = """
            INSERT INTO record_history (record_type, record_id, event_type, actor_subject, actor_name, changes, state,
                                        changed_at)
            SELECT t, i, e, ?::varchar, ?::varchar, c::json, s::json, ?::timestamptz
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   WITH ORDINALITY AS entry(t, i, e, c, s, ord)
             ORDER BY ord""";
    private static final String PAGE = """
            SELECT id, changed_at, actor_subject, actor_name, event_type, changes::text,
                   CASE WHEN changes IS NULL THEN state::text END FROM record_history
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
     * A change of a record to record.
     *
     * @param recordType the aggregate type, e.g. {@code product}
     * @param recordId   the record's id
     * @param eventType  the CloudEvents type of the change's event
     * @param state      the record's state after the change, serialised as the API does (its view)
     */
    public record Change(String recordType, Object recordId, String eventType, Object state) {
    }

    /**
     * Records a change of a record in the caller's transaction: an entry with the fields of {@code state} that differ
     * from the state recorded last (all of them for a record with no history yet). A change that leaves the state as
     * it was recorded adds no entry.
     *
     * @see Change for the parameters
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String recordType, Object recordId, String eventType, Object state) {
        recordAll(List.of(new Change(recordType, recordId, eventType, state)));
    }

    /**
     * {@link #record} for many changes at once, in the order given, in three statements whatever their number: lock
     * the records, read their last states, insert the entries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Change> changes) {
        write(changes, true);
    }

    /**
     * The first entry of a record created in the caller's transaction: every field of {@code state}, from null. One
     * statement: a record nobody else can see yet has no earlier state to read and no other writer to wait for.
     *
     * @see Change for the parameters
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCreated(String recordType, Object recordId, String eventType, Object state) {
        write(List.of(new Change(recordType, recordId, eventType, state)), false);
    }

    /** {@link #recordCreated} for many new records at once (a bulk import), in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAllCreated(List<Change> changes) {
        write(changes, false);
    }

    /**
     * @param existing whether the records may have history already: then they are locked and their last states read
     *                 first; new records skip both
     */
    private void write(List<Change> changes, boolean existing) {
        if (changes.isEmpty()) {
            return;
        }
        Actor actor = actors.current();
        if (!existing) {
            insertCreated(changes, actor);
            return;
        }
        int size = changes.size();
        String[] types = new String[size];
        String[] ids = new String[size];
        ObjectNode[] states = new ObjectNode[size];
        Set<String> keys = new TreeSet<>();
        for (int i = 0; i < size; i++) {
            Change change = changes.get(i);
            types[i] = change.recordType();
            ids[i] = String.valueOf(change.recordId());
            states[i] = exact().valueToTree(change.state());
            keys.add(types[i] + '/' + ids[i]);
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement lock = c.prepareStatement(LOCK)) {
                lock.setArray(1, c.createArrayOf("text", keys.toArray()));
                lock.execute();
            }
            Map<String, ObjectNode> last = lastStates(c, types, ids);
            List<String> entryTypes = new ArrayList<>();
            List<String> entryIds = new ArrayList<>();
            List<String> entryEvents = new ArrayList<>();
            List<String> entryChanges = new ArrayList<>();
            List<String> entryStates = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String key = types[i] + '/' + ids[i];
                ObjectNode before = last.get(key);
                Map<String, FieldChange> fields = Changes.between(before, states[i]);
                if (before != null && fields.isEmpty()) {
                    continue;
                }
                last.put(key, states[i]);
                entryTypes.add(types[i]);
                entryIds.add(ids[i]);
                entryEvents.add(changes.get(i).eventType());
                entryChanges.add(toJson(fields));
                entryStates.add(toJson(states[i]));
            }
            if (!entryTypes.isEmpty()) {
                insert(c, actor, entryTypes, entryIds, entryEvents, entryChanges, entryStates);
            }
        });
    }

    /**
     * The first entries of new records: their states serialised straight from the views (no tree, nothing to compare
     * with) and {@code changes} left null, since it would only repeat the state; {@link #page} derives "every field
     * from null" from the state when it reads such an entry.
     */
    private void insertCreated(List<Change> changes, Actor actor) {
        int size = changes.size();
        List<String> types = new ArrayList<>(size);
        List<String> ids = new ArrayList<>(size);
        List<String> events = new ArrayList<>(size);
        List<String> states = new ArrayList<>(size);
        for (Change change : changes) {
            types.add(change.recordType());
            ids.add(String.valueOf(change.recordId()));
            events.add(change.eventType());
            states.add(toJson(change.state()));
        }
        List<String> none = Collections.nCopies(size, null);
        em.unwrap(Session.class).doWork(c -> insert(c, actor, types, ids, events, none, states));
    }

    private static void insert(Connection c, Actor actor, List<String> types, List<String> ids, List<String> events,
            List<String> changes, List<String> states) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, actor.subject());
            ps.setString(2, actor.name());
            ps.setObject(3, OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC));
            ps.setArray(4, c.createArrayOf("text", types.toArray()));
            ps.setArray(5, c.createArrayOf("text", ids.toArray()));
            ps.setArray(6, c.createArrayOf("text", events.toArray()));
            ps.setArray(7, c.createArrayOf("text", changes.toArray()));
            ps.setArray(8, c.createArrayOf("text", states.toArray()));
            ps.executeUpdate();
        }
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
                            Actor.stored(rs.getString(3), rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of " + recordType + " " + recordId, e);
        }
        return Page.of(rows, request, this::entry, r -> Cursor.of(r.id()));
    }

    /** {@code changes} is null for a record's first entry written by {@link #recordCreated}; then {@code created} holds its state. */
    private record Row(long id, Instant at, Actor actor, String eventType, String changes, String created) {
    }

    private HistoryEntry entry(Row row) {
        if (row.changes() == null) {
            return new HistoryEntry(row.at(), row.actor(), row.eventType(),
                    Changes.between(null, (ObjectNode) readTree(row.created())));
        }
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        readTree(row.changes()).fields().forEachRemaining(f -> changes.put(f.getKey(),
                new FieldChange(f.getValue().path("from"), f.getValue().path("to"))));
        return new HistoryEntry(row.at(), row.actor(), row.eventType(), changes);
    }

    /** The state recorded last of each record, by {@code type/id}; records with no history are absent. */
    private Map<String, ObjectNode> lastStates(Connection c, String[] types, String[] ids) throws SQLException {
        Map<String, ObjectNode> states = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LAST_STATES)) {
            ps.setArray(1, c.createArrayOf("text", types));
            ps.setArray(2, c.createArrayOf("text", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1) + '/' + rs.getString(2), (ObjectNode) readTree(rs.getString(3)));
                }
            }
        }
        return states;
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
