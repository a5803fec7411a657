package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Query;

/**
 * The filters of {@code GET /api/v1/feedback}, run as one SQL query so the full-text condition uses the GIN index
 * on {@code to_tsvector('english', title || ' ' || text)}.
 */
record FeedbackSearch(UUID productId, UUID featureId, UUID customerId, Source source, FeedbackStatus status, String tag,
                      String sentiment, String owner, Instant receivedFrom, Instant receivedTo, String q,
                      boolean descending) {

    /** One page, ordered by (receivedAt, id) in the chosen direction, strictly after the keyset position. */
    @SuppressWarnings("unchecked")
    List<Feedback> page(Instant afterReceivedAt, UUID afterId, int fetchSize) {
        StringBuilder sql = new StringBuilder("SELECT * FROM feedback WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        add(sql, params, "product_id = :productId", "productId", productId);
        add(sql, params, "id IN (SELECT feedback_id FROM feedback_link WHERE feature_id = :featureId)", "featureId",
                featureId);
        add(sql, params, "customer_id = :customerId", "customerId", customerId);
        add(sql, params, "source = :source", "source", source == null ? null : source.name());
        add(sql, params, "status = :status", "status", status == null ? null : status.name());
        add(sql, params, "tags @> ARRAY[CAST(:tag AS text)]", "tag", tag == null ? null : tag.strip().toLowerCase());
        add(sql, params, "sentiment_label = :sentiment", "sentiment", sentiment);
        add(sql, params, "owner = :owner", "owner", owner);
        add(sql, params, "received_at >= :receivedFrom", "receivedFrom", receivedFrom);
        add(sql, params, "received_at < :receivedTo", "receivedTo", receivedTo);
        if (q != null && !q.isBlank()) {
            sql.append(" AND to_tsvector('english', title || ' ' || text) @@ plainto_tsquery('english', :q)");
            params.put("q", q);
        }
        String cmp = descending ? "<" : ">";
        String dir = descending ? "DESC" : "ASC";
        if (afterReceivedAt != null) {
            sql.append(" AND (received_at, id) ").append(cmp).append(" (:afterT, :afterId)");
            params.put("afterT", afterReceivedAt);
            params.put("afterId", afterId);
        }
        sql.append(" ORDER BY received_at ").append(dir).append(", id ").append(dir).append(" LIMIT :limit");
        params.put("limit", fetchSize);
        Query query = Feedback.getEntityManager().createNativeQuery(sql.toString(), Feedback.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String condition, String name,
                            Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.put(name, value);
        }
    }
}
