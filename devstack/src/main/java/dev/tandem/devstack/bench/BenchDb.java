package dev.tandem.devstack.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.devstack.stack.Service;
import dev.tandem.devstack.stack.StackEndpoints;

/**
 * Read-only looks into the services' databases, to check that asynchronous work happened (events published by the
 * outbox relay, consumed into another service's replica) and to time it. One connection per database, kept open.
 */
final class BenchDb implements AutoCloseable {

    private final StackEndpoints endpoints;
    private final Map<Service, Connection> connections = new EnumMap<>(Service.class);

    BenchDb(StackEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Events in {@code service}'s outbox the relay has not published yet. */
    long unsentEvents(Service service) {
        return count(service, "SELECT count(*) FROM outbox_unsent");
    }

    /** Products in product-service whose key starts with one of {@code keyPrefixes}. */
    long products(Collection<String> keyPrefixes) {
        return countByKey(Service.PRODUCT, "SELECT count(*) FROM product WHERE product_key LIKE ANY (?)", keyPrefixes);
    }

    /** The same products in feedback-service's catalog (its replica, kept from the product.created events). */
    long catalogProducts(Collection<String> keyPrefixes) {
        return countByKey(Service.FEEDBACK, "SELECT count(*) FROM catalog_product WHERE product_key LIKE ANY (?)",
                keyPrefixes);
    }

    /** Links of feedback items to {@code featureId} in feedback-service. */
    long links(UUID featureId) {
        long[] n = {0};
        query(Service.FEEDBACK, "SELECT count(*) FROM feedback_link WHERE feature_id = ?",
                st -> st.setObject(1, featureId), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /** Feedback items of {@code productId} in feedback-service. */
    long feedbackItems(UUID productId) {
        long[] n = {0};
        query(Service.FEEDBACK, "SELECT count(*) FROM feedback WHERE product_id = ?",
                st -> st.setObject(1, productId), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /** Feedback items of {@code productId} that product-service knows (from the feedback.received events). */
    long feedbackReplicas(UUID productId) {
        long[] n = {0};
        query(Service.PRODUCT, "SELECT count(*) FROM feedback_replica WHERE product_id = ?",
                st -> st.setObject(1, productId), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /** The product.created events of the products whose key starts with {@code keyPrefix}: event id → occurred_at. */
    Map<String, Instant> productCreatedEvents(String keyPrefix) {
        Map<String, Instant> events = new LinkedHashMap<>();
        query(Service.PRODUCT, """
                SELECT o.event_id::text, o.occurred_at FROM outbox_event o JOIN product p ON o.aggregate_id = p.id::text
                WHERE p.product_key LIKE ? AND o.event_type = 'dev.tandem.product.created.v1'""",
                st -> st.setString(1, keyPrefix + "%"),
                rs -> events.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
        return events;
    }

    /** When feedback-service's inbox processed each of {@code eventIds} (those it has): event id → processed_at. */
    Map<String, Instant> processedByFeedback(Collection<String> eventIds) {
        Map<String, Instant> processed = new LinkedHashMap<>();
        query(Service.FEEDBACK, "SELECT event_id, processed_at FROM inbox_event WHERE event_id = ANY (?)",
                st -> st.setArray(1, array(st.getConnection(), "text", eventIds)),
                rs -> processed.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
        return processed;
    }

    @Override
    public void close() {
        for (Connection c : connections.values()) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // read-only connections: nothing to lose
            }
        }
        connections.clear();
    }

    // ---------------------------------------------------------------- plumbing

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private long count(Service service, String sql) {
        long[] n = {0};
        query(service, sql, st -> { }, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    private long countByKey(Service service, String sql, Collection<String> keyPrefixes) {
        List<String> patterns = keyPrefixes.stream().map(p -> p + "%").toList();
        long[] n = {0};
        query(service, sql, st -> st.setArray(1, array(st.getConnection(), "text", patterns)), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    private void query(Service service, String sql, Binder binder, RowReader reader) {
        try (PreparedStatement st = connection(service).prepareStatement(sql)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new BenchException("query on the " + service.database() + " database failed: " + e.getMessage(), e);
        }
    }

    private static Array array(Connection c, String type, Collection<?> values) throws SQLException {
        return c.createArrayOf(type, values.toArray());
    }

    private Connection connection(Service service) throws SQLException {
        Connection c = connections.get(service);
        if (c == null) {
            c = DriverManager.getConnection(endpoints.jdbcUrl(service), endpoints.postgresUser(),
                    endpoints.postgresPassword());
            connections.put(service, c);
        }
        return c;
    }
}
