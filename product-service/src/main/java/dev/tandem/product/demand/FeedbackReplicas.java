package dev.tandem.product.demand;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.tandem.events.Money;
import dev.tandem.events.feedback.FeedbackLinked;
import dev.tandem.events.feedback.FeedbackUnlinked;
import org.hibernate.Session;

/**
 * Applies feedback-service's events to the local replicas (customers, feedback items, links) and recomputes the
 * demand of the features concerned. Each write is guarded by the source aggregate's version, so an older event that
 * arrives late (or again, under another id) changes nothing; the inbox drops exact redeliveries before they get here.
 */
@ApplicationScoped
public class FeedbackReplicas {

    @Inject
    EntityManager em;

    @Inject
    DemandProjector demand;

    /** customer.created / customer.updated: the customer's revenue as of {@code version}. */
    public void customer(UUID customerId, Money annualRevenue, long version) {
        BigDecimal amount = annualRevenue == null || annualRevenue.amount() == null ? null
                : new BigDecimal(annualRevenue.amount());
        String currency = amount == null ? null : annualRevenue.currency();
        int changed = em.createNativeQuery("""
                INSERT INTO customer_replica (customer_id, revenue_amount, revenue_currency, version)
                VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (customer_id) DO UPDATE SET revenue_amount = EXCLUDED.revenue_amount,
                    revenue_currency = EXCLUDED.revenue_currency, version = EXCLUDED.version
                WHERE customer_replica.version < EXCLUDED.version""")
                .setParameter(1, customerId).setParameter(2, amount).setParameter(3, currency)
                .setParameter(4, version).executeUpdate();
        if (changed > 0) {
            demand.recomputeForCustomer(customerId);
        }
    }

    /** feedback.received / feedback.updated: the item exists (pivot evidence). */
    public void feedback(UUID feedbackId, UUID productId, UUID customerId, long version) {
        em.createNativeQuery("""
                INSERT INTO feedback_replica (feedback_id, product_id, customer_id, version) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (feedback_id) DO UPDATE SET product_id = EXCLUDED.product_id,
                    customer_id = EXCLUDED.customer_id, version = EXCLUDED.version
                WHERE feedback_replica.version < EXCLUDED.version""")
                .setParameter(1, feedbackId).setParameter(2, productId).setParameter(3, customerId)
                .setParameter(4, version).executeUpdate();
    }

    /** One feedback item as of a version, for {@link #feedbackAll}. */
    public record FeedbackItem(UUID feedbackId, UUID productId, UUID customerId, long version) {
    }

    /**
     * {@link #feedback} for many items in one statement (a run of feedback.received events, such as an import
     * upstream produces): the same version guard per item; of several versions of one item, the newest counts.
     */
    public void feedbackAll(List<FeedbackItem> items) {
        Map<UUID, FeedbackItem> newest = new LinkedHashMap<>();
        items.forEach(i -> newest.merge(i.feedbackId(), i, (a, b) -> b.version() > a.version() ? b : a));
        int n = newest.size();
        UUID[] ids = new UUID[n];
        UUID[] products = new UUID[n];
        UUID[] customers = new UUID[n];
        Long[] versions = new Long[n];
        int k = 0;
        for (FeedbackItem item : newest.values()) {
            ids[k] = item.feedbackId();
            products[k] = item.productId();
            customers[k] = item.customerId();
            versions[k] = item.version();
            k++;
        }
        em.flush(); // as a native query would: what the handlers before this run changed goes first
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO feedback_replica (feedback_id, product_id, customer_id, version)
                    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[])
                    ON CONFLICT (feedback_id) DO UPDATE SET product_id = EXCLUDED.product_id,
                        customer_id = EXCLUDED.customer_id, version = EXCLUDED.version
                    WHERE feedback_replica.version < EXCLUDED.version""")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("uuid", products));
                ps.setArray(3, c.createArrayOf("uuid", customers));
                ps.setArray(4, c.createArrayOf("bigint", versions));
                ps.executeUpdate();
            }
        });
    }

    /** feedback.deleted: the item and whatever links of it are left are gone. */
    public void feedbackDeleted(UUID feedbackId) {
        em.createNativeQuery("DELETE FROM feedback_replica WHERE feedback_id = ?1").setParameter(1, feedbackId)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<UUID> features = em.createNativeQuery(
                "SELECT feature_id FROM feedback_link WHERE feedback_id = ?1", UUID.class)
                .setParameter(1, feedbackId).getResultList();
        em.createNativeQuery("DELETE FROM feedback_link WHERE feedback_id = ?1").setParameter(1, feedbackId)
                .executeUpdate();
        features.forEach(demand::recompute);
    }

    /** feedback.linked: upsert of the link (feedbackId, featureId). */
    public void linked(FeedbackLinked e) {
        Importance importance = Importance.valueOf(e.importance());
        int changed = em.createNativeQuery("""
                INSERT INTO feedback_link (feedback_id, feature_id, customer_id, importance, version)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (feedback_id, feature_id) DO UPDATE SET customer_id = EXCLUDED.customer_id,
                    importance = EXCLUDED.importance, version = EXCLUDED.version
                WHERE feedback_link.version <= EXCLUDED.version""")
                .setParameter(1, e.feedbackId()).setParameter(2, e.featureId()).setParameter(3, e.customerId())
                .setParameter(4, importance.name()).setParameter(5, e.version()).executeUpdate();
        if (changed > 0) {
            demand.recompute(e.featureId());
        }
    }

    /** feedback.unlinked: the link is removed. */
    public void unlinked(FeedbackUnlinked e) {
        int changed = em.createNativeQuery(
                "DELETE FROM feedback_link WHERE feedback_id = ?1 AND feature_id = ?2 AND version <= ?3")
                .setParameter(1, e.feedbackId()).setParameter(2, e.featureId()).setParameter(3, e.version())
                .executeUpdate();
        if (changed > 0) {
            demand.recompute(e.featureId());
        }
    }

    /** Whether a feedback item with this id is known (received and not deleted). */
    public boolean knowsFeedback(UUID feedbackId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM feedback_replica WHERE feedback_id = ?1")
                .setParameter(1, feedbackId).getSingleResult()).longValue() > 0;
    }

    /** How many known feedback items are filed against {@code productId}. */
    public long countForProduct(UUID productId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM feedback_replica WHERE product_id = ?1")
                .setParameter(1, productId).getSingleResult()).longValue();
    }

    /** The product of a known feedback item; empty when the item or its product is not known here. */
    public java.util.Optional<UUID> productOfFeedback(UUID feedbackId) {
        List<?> rows = em.createNativeQuery("SELECT product_id FROM feedback_replica WHERE feedback_id = ?1")
                .setParameter(1, feedbackId).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? java.util.Optional.empty()
                : java.util.Optional.of((UUID) rows.get(0));
    }
}
