package dev.tandem.product.demand;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The demand of one feature as last computed from the feedback replicas (written only by {@link DemandProjector}). */
@Entity
@Table(name = "feature_demand")
public class FeatureDemand extends PanacheEntityBase {

    @Id
    @Column(name = "feature_id")
    public UUID featureId;

    @Column(name = "feedback_count", nullable = false)
    public int feedbackCount;

    @Column(name = "customer_count", nullable = false)
    public int customerCount;

    @Column(name = "weighted_demand", nullable = false, precision = 24, scale = 2)
    public BigDecimal weightedDemand;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "customers_without_revenue", nullable = false)
    public int customersWithoutRevenue;

    @Column(name = "customers_without_rate", nullable = false)
    public int customersWithoutRate;

    @Column(name = "nice_to_have", nullable = false)
    public int niceToHave;

    @Column(nullable = false)
    public int important;

    @Column(nullable = false)
    public int critical;

    /** The demands of these features; features without any link are absent. */
    public static Map<UUID, FeatureDemand> of(Collection<UUID> featureIds) {
        if (featureIds.isEmpty()) {
            return Map.of();
        }
        List<FeatureDemand> rows = list("featureId in ?1", featureIds);
        return rows.stream().collect(Collectors.toMap(d -> d.featureId, Function.identity()));
    }
}
