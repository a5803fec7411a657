package dev.tandem.product.feature;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Why a feature is at risk: one row per project delivering it whose health is AMBER or RED, with that project's
 * reasons. A project turning GREEN removes its row; the feature is at risk while any row is left.
 */
@Entity
@Table(name = "feature_risk")
@IdClass(FeatureRisk.Key.class)
public class FeatureRisk extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Composite key. */
    public static class Key implements java.io.Serializable {
        public UUID featureId;
        public UUID projectId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.featureId.equals(featureId) && k.projectId.equals(projectId);
        }

        @Override
        public int hashCode() {
            return featureId.hashCode() * 31 + projectId.hashCode();
        }
    }

    /** One reason of a project's health. */
    public record Reason(String code, String severity, String message) {
    }

    @Id
    @Column(name = "feature_id")
    UUID featureId;

    @Id
    @Column(name = "project_id")
    UUID projectId;

    @Column(name = "project_key", length = 50)
    String projectKey;

    @Column(nullable = false, length = 10)
    String health;

    @Column(nullable = false)
    String reasons;

    @Column(name = "changed_at", nullable = false)
    Instant changedAt;

    protected FeatureRisk() {
    }

    static FeatureRisk of(UUID featureId, UUID projectId, String projectKey, String health, List<Reason> reasons,
                          Instant changedAt) {
        FeatureRisk r = new FeatureRisk();
        r.featureId = featureId;
        r.projectId = projectId;
        r.projectKey = projectKey;
        r.health = health;
        r.changedAt = changedAt;
        r.setReasons(reasons);
        return r;
    }

    /** @return whether anything changed */
    boolean update(String projectKey, String health, List<Reason> reasons, Instant changedAt) {
        String before = this.reasons;
        setReasons(reasons);
        boolean changed = !Objects.equals(projectKey, this.projectKey) || !health.equals(this.health)
                || !changedAt.equals(this.changedAt) || !this.reasons.equals(before);
        this.projectKey = projectKey;
        this.health = health;
        this.changedAt = changedAt;
        return changed;
    }

    private void setReasons(List<Reason> reasons) {
        try {
            this.reasons = JSON.writeValueAsString(reasons == null ? List.of() : reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Reason> reasons() {
        try {
            return JSON.readValue(reasons, new TypeReference<List<Reason>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static FeatureRisk find(UUID featureId, UUID projectId) {
        return find("featureId = ?1 and projectId = ?2", featureId, projectId).firstResult();
    }

    static long countFor(UUID featureId) {
        return count("featureId", featureId);
    }

    /** The risks of these features, by feature, each list in project order. */
    static Map<UUID, List<FeatureRisk>> of(Collection<UUID> featureIds) {
        if (featureIds.isEmpty()) {
            return Map.of();
        }
        List<FeatureRisk> rows = list("featureId in ?1 order by changedAt, projectId", featureIds);
        return rows.stream().collect(Collectors.groupingBy(r -> r.featureId));
    }

    public UUID projectId() {
        return projectId;
    }

    public String projectKey() {
        return projectKey;
    }

    public String health() {
        return health;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
