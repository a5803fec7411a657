package dev.tandem.feedback.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What feedback-service knows of a feature, from product-service's events. A deleted feature stays in the replica
 * with {@code deletedAt} set, so links from existing feedback stay resolvable.
 */
@Entity
@Table(name = "catalog_feature")
public class CatalogFeature extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "product_id", nullable = false)
    UUID productId;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String status;

    @Column(name = "source_version", nullable = false)
    long sourceVersion;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "deleted_at")
    Instant deletedAt;

    protected CatalogFeature() {
    }

    /**
     * Applies the state an event carries, unless the replica already reflects the same or a later version of the
     * feature. {@code deletedAt} is non-null only for the deletion event.
     */
    static void apply(UUID id, UUID productId, String title, String status, long version, Instant at,
                      Instant deletedAt) {
        CatalogFeature f = findById(id);
        if (f == null) {
            f = new CatalogFeature();
            f.id = id;
            f.sourceVersion = -1;
        }
        if (version <= f.sourceVersion) {
            return;
        }
        f.productId = productId;
        f.title = title;
        f.status = status;
        f.sourceVersion = version;
        f.updatedAt = at;
        f.deletedAt = deletedAt;
        f.persist();
    }

    /** A product's features in id order after {@code afterId} (null: from the start), deleted ones excluded. */
    static List<CatalogFeature> page(UUID productId, UUID afterId, int fetchSize) {
        return afterId == null
                ? find("productId = ?1 and deletedAt is null order by id", productId).page(0, fetchSize).list()
                : find("productId = ?1 and deletedAt is null and id > ?2 order by id", productId, afterId)
                        .page(0, fetchSize).list();
    }

    public UUID id() {
        return id;
    }

    public UUID productId() {
        return productId;
    }

    public String title() {
        return title;
    }

    public String status() {
        return status;
    }

    public long sourceVersion() {
        return sourceVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }
}
