package dev.tandem.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * "Is there a row where …?" without counting: {@code select 1 from <Entity> where <condition>}, at most one row.
 *
 * <p>Panache's {@code count(...)} goes through Hibernate's {@code getResultCount()}, which derives a new count query
 * and translates it to SQL on every call (its plan is not cached): the uniqueness check of a create was ~28 % of
 * product-service's CPU on a create (docs/performance.md). This query's HQL string is constant per call site, so
 * Hibernate translates it once and reuses the plan.
 */
public final class Exists {

    private Exists() {
    }

    /**
     * @param entity    the entity name, e.g. {@code Product}
     * @param condition an HQL condition with positional parameters {@code ?1, ?2, …}, e.g. {@code key = ?1}
     */
    public static boolean any(EntityManager em, String entity, String condition, Object... params) {
        TypedQuery<Integer> query = em.createQuery("select 1 from " + entity + " where " + condition, Integer.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return !query.setMaxResults(1).getResultList().isEmpty();
    }
}
