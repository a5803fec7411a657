package dev.tandem.product.product;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.tandem.platform.persistence.AuthoredEntity;

/**
 * One recorded move of a product's lifecycle stage: who (the verified caller, and on whose behalf if the caller says
 * so), when, why, from, to. Never changed once written.
 */
@Entity
@Table(name = "product_lifecycle_change")
public class LifecycleChange extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "product_id", nullable = false)
    UUID productId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", nullable = false, length = 20)
    LifecycleStage from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false, length = 20)
    LifecycleStage to;

    @Column(nullable = false, length = 2000)
    String reason;

    /** The verified caller's name (rows older than actors: what the client wrote). */
    @Column(name = "changed_by", nullable = false, length = 200)
    String changedBy;

    /** Whose decision the caller recorded, as the caller says; never the identity of who made the change. */
    @Column(name = "on_behalf_of", length = 200)
    String onBehalfOf;

    @Column(name = "changed_at", nullable = false)
    Instant changedAt;

    protected LifecycleChange() {
    }

    LifecycleChange(UUID productId, LifecycleStage from, LifecycleStage to, String reason, String changedBy,
                    String onBehalfOf, Instant changedAt) {
        this.id = UUID.randomUUID();
        this.productId = productId;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.changedBy = changedBy;
        this.onBehalfOf = onBehalfOf == null || onBehalfOf.isBlank() ? null : onBehalfOf.strip();
        this.changedAt = changedAt;
    }

    /** A product's changes, newest first, strictly after the (changedAt, id) keyset position. */
    public static List<LifecycleChange> page(UUID productId, Instant afterChangedAt, UUID afterId, int fetchSize) {
        Map<String, Object> params = new HashMap<>();
        params.put("p", productId);
        String where = "productId = :p";
        if (afterChangedAt != null) {
            where += " and (changedAt < :t or (changedAt = :t and id < :id))";
            params.put("t", afterChangedAt);
            params.put("id", afterId);
        }
        return find(where + " order by changedAt desc, id desc", params).page(0, fetchSize).list();
    }

    public UUID id() {
        return id;
    }

    public UUID productId() {
        return productId;
    }

    public LifecycleStage from() {
        return from;
    }

    public LifecycleStage to() {
        return to;
    }

    public String reason() {
        return reason;
    }

    public String changedBy() {
        return changedBy;
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
