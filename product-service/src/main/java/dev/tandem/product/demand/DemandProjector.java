package dev.tandem.product.demand;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps {@code feature_demand} in step with the feedback replicas: every change to a link or to a linked customer
 * recomputes the demand of the features concerned, in the same transaction as the replica change. A stored demand
 * that really changed (new, other numbers, gone) fires {@link DemandChanged}; recomputing to the same numbers (a
 * restart, a replayed event) fires nothing.
 *
 * <p>Recomputations are serialised across transactions (a transaction-scoped advisory lock, taken once per
 * transaction before the first read): with two instances consuming different partitions, two transactions that each
 * add a link to the same feature would otherwise each count only their own new link, and the later commit would
 * overwrite the other's count; a customer's new revenue and a new link of that customer would likewise miss each
 * other. Under the lock, PostgreSQL's READ COMMITTED gives each statement a fresh snapshot, so the second transaction
 * reads what the first committed. The fault suite found it (two instances, broker restarted: 52 links counted of 66).
 */
@ApplicationScoped
public class DemandProjector {

    /** The advisory lock's class id ("DEMD"); the two-key lock space does not overlap the platform's one-key locks. */
    private static final int LOCK_CLASS = 0x44454d44;
    private static final String LOCK_HELD = DemandProjector.class.getName() + ".locked";

    @Inject
    EntityManager em;

    @Inject
    DemandSettings settings;

    @Inject
    Event<DemandChanged> demandChanged;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Waits until no other transaction is recomputing demand; held until this transaction ends. */
    private void serialise() {
        if (transaction.getResource(LOCK_HELD) == null) {
            em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, 0)").setParameter(1, LOCK_CLASS)
                    .getSingleResult();
            transaction.putResource(LOCK_HELD, Boolean.TRUE);
        }
    }

    /** At start-up every demand is recomputed, so a change of the configured currency or rates takes effect. */
    @Transactional
    void onStart(@Observes StartupEvent start) {
        @SuppressWarnings("unchecked")
        List<UUID> features = em.createNativeQuery(
                "SELECT feature_id FROM feedback_link UNION SELECT feature_id FROM feature_demand", UUID.class)
                .getResultList();
        features.forEach(this::recompute);
    }

    /** Recomputes the demand of every feature a feedback item of this customer is linked to. */
    public void recomputeForCustomer(UUID customerId) {
        serialise();
        @SuppressWarnings("unchecked")
        List<UUID> features = em.createNativeQuery(
                "SELECT DISTINCT feature_id FROM feedback_link WHERE customer_id = ?1", UUID.class)
                .setParameter(1, customerId).getResultList();
        features.forEach(this::recompute);
    }

    /** Recomputes one feature's demand from its links and the known customers. */
    public void recompute(UUID featureId) {
        serialise();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT l.feedback_id, l.customer_id, l.importance, c.revenue_amount, c.revenue_currency
                FROM feedback_link l LEFT JOIN customer_replica c ON c.customer_id = l.customer_id
                WHERE l.feature_id = ?1""").setParameter(1, featureId).getResultList();
        if (rows.isEmpty()) {
            int deleted = em.createNativeQuery("DELETE FROM feature_demand WHERE feature_id = ?1")
                    .setParameter(1, featureId).executeUpdate();
            if (deleted > 0) {
                demandChanged.fire(new DemandChanged(featureId));
            }
            return;
        }
        List<DemandCalculator.Link> links = new ArrayList<>();
        Map<UUID, DemandCalculator.Revenue> revenues = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (Object[] r : rows) {
            UUID customer = (UUID) r[1];
            links.add(new DemandCalculator.Link((UUID) r[0], customer, Importance.valueOf((String) r[2])));
            if (customer != null && seen.add(customer) && r[3] != null && r[4] != null) {
                revenues.put(customer, new DemandCalculator.Revenue((BigDecimal) r[3], (String) r[4]));
            }
        }
        DemandCalculator.Demand d = DemandCalculator.compute(links, revenues, settings.rates());
        // the WHERE makes an unchanged demand a no-op: 0 rows, no DemandChanged
        int written = em.createNativeQuery("""
                INSERT INTO feature_demand (feature_id, feedback_count, customer_count, weighted_demand, currency,
                    customers_without_revenue, customers_without_rate, nice_to_have, important, critical)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                ON CONFLICT (feature_id) DO UPDATE SET feedback_count = EXCLUDED.feedback_count,
                    customer_count = EXCLUDED.customer_count, weighted_demand = EXCLUDED.weighted_demand,
                    currency = EXCLUDED.currency, customers_without_revenue = EXCLUDED.customers_without_revenue,
                    customers_without_rate = EXCLUDED.customers_without_rate, nice_to_have = EXCLUDED.nice_to_have,
                    important = EXCLUDED.important, critical = EXCLUDED.critical
                WHERE (feature_demand.feedback_count, feature_demand.customer_count, feature_demand.weighted_demand,
                    feature_demand.currency, feature_demand.customers_without_revenue,
                    feature_demand.customers_without_rate, feature_demand.nice_to_have, feature_demand.important,
                    feature_demand.critical)
                IS DISTINCT FROM (EXCLUDED.feedback_count, EXCLUDED.customer_count, EXCLUDED.weighted_demand,
                    EXCLUDED.currency, EXCLUDED.customers_without_revenue, EXCLUDED.customers_without_rate,
                    EXCLUDED.nice_to_have, EXCLUDED.important, EXCLUDED.critical)""")
                .setParameter(1, featureId)
                .setParameter(2, d.feedbackCount())
                .setParameter(3, d.customerCount())
                .setParameter(4, d.weightedDemand())
                .setParameter(5, d.currency())
                .setParameter(6, d.customersWithoutRevenue())
                .setParameter(7, d.customersWithoutRate())
                .setParameter(8, d.mix().get(Importance.NICE_TO_HAVE))
                .setParameter(9, d.mix().get(Importance.IMPORTANT))
                .setParameter(10, d.mix().get(Importance.CRITICAL))
                .executeUpdate();
        if (written > 0) {
            demandChanged.fire(new DemandChanged(featureId));
        }
    }
}
