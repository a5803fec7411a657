package dev.tandem.product.feature;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.tandem.product.demand.DemandChanged;

/**
 * The version of what a feature read shows but other services' events change, not the product manager: its demand
 * (from feedback-service) and its risks (from project-service). It is bumped in the transaction of such a change,
 * only when that state really changed, and is the second part of the feature's ETag ({@link FeatureETag}). It is
 * kept apart from the feature's own {@code @Version} so that these changes neither produce feature events nor
 * collide with a product manager's concurrent update (optimistic lock).
 */
@ApplicationScoped
public class DerivedVersions {

    @Inject
    EntityManager em;

    void onDemandChanged(@Observes DemandChanged change) {
        bump(change.featureId());
    }

    /** One more change of the feature's demand or risks. */
    void bump(UUID featureId) {
        em.createNativeQuery("""
                INSERT INTO feature_derived_version (feature_id, version) VALUES (?1, 1)
                ON CONFLICT (feature_id) DO UPDATE SET version = feature_derived_version.version + 1""")
                .setParameter(1, featureId)
                .executeUpdate();
    }

    /** The feature's derived version; 0 while its demand and risks never changed. */
    long of(UUID featureId) {
        List<?> rows = em.createNativeQuery("SELECT version FROM feature_derived_version WHERE feature_id = ?1")
                .setParameter(1, featureId)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
