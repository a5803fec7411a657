package dev.tandem.feedback.catalog;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What feedback-service knows of a product, from product-service's events. Feedback can only be filed against a
 * product in this catalog, so feedback-service never calls product-service synchronously.
 */
@Entity
@Table(name = "catalog_product")
public class CatalogProduct extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "product_key", nullable = false)
    String key;

    @Column(nullable = false)
    String name;

    @Column(name = "lifecycle_stage", nullable = false)
    String lifecycleStage;

    @Column(name = "source_version", nullable = false)
    long sourceVersion;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "deleted_at")
    Instant deletedAt;

    protected CatalogProduct() {
    }

    /**
     * Applies the state an event carries, unless the replica already reflects the same or a later version of the
     * product (events of one product arrive in order, but a replay may bring old ones again).
     */
    static void apply(UUID id, String key, String name, String lifecycleStage, long version, Instant at) {
        apply(id, key, name, lifecycleStage, version, at, null);
    }

    /**
     * As {@link #apply(UUID, String, String, String, long, Instant)}, with {@code deletedAt} set when the event is the
     * product's deletion: the row stays (existing feedback keeps pointing at it) but takes no new feedback.
     */
    static void apply(UUID id, String key, String name, String lifecycleStage, long version, Instant at,
                      Instant deletedAt) {
        CatalogProduct p = findById(id);
        if (p == null) {
            p = new CatalogProduct();
            p.id = id;
            p.sourceVersion = -1;
        }
        if (version <= p.sourceVersion) {
            return;
        }
        p.key = key;
        p.name = name;
        p.lifecycleStage = lifecycleStage;
        p.sourceVersion = version;
        p.updatedAt = at;
        p.deletedAt = deletedAt;
        p.persist();
    }

    /** Products in id order after {@code afterId} (null: from the start), deleted ones excluded. */
    static java.util.List<CatalogProduct> page(UUID afterId, int fetchSize) {
        return afterId == null
                ? find("deletedAt is null order by id").page(0, fetchSize).list()
                : find("deletedAt is null and id > ?1 order by id", afterId).page(0, fetchSize).list();
    }

    /** Whether new feedback may be filed against this product: false once product-service deleted it. */
    public boolean acceptsFeedback() {
        return deletedAt == null;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String lifecycleStage() {
        return lifecycleStage;
    }

    public long sourceVersion() {
        return sourceVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
