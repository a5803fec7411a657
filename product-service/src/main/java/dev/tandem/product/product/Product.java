package dev.tandem.product.product;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A product: what the company builds and sells, with its vision, target segments and lifecycle stage. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "product_key", nullable = false, length = 10)
    String key;

    @Column(nullable = false, length = 200)
    String name;

    @Column(length = 4000)
    String vision;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_segments", nullable = false)
    List<String> targetSegments = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage", nullable = false, length = 20)
    LifecycleStage lifecycleStage;

    @Column(length = 200)
    String owner;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Product() {
    }

    /** A new product in the CONCEPT stage. The key is normalised to upper case. */
    public static Product create(String key, String name, String vision, List<String> targetSegments, String owner) {
        Product p = new Product();
        p.id = UUID.randomUUID();
        p.key = normaliseKey(key);
        p.name = name.strip();
        p.vision = vision;
        p.targetSegments = targetSegments == null ? new ArrayList<>() : new ArrayList<>(targetSegments);
        p.lifecycleStage = LifecycleStage.CONCEPT;
        p.owner = owner;
        p.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        p.updatedAt = p.createdAt;
        return p;
    }

    public static String normaliseKey(String key) {
        return key.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean keyTaken(String key) {
        return count("key", normaliseKey(key)) > 0;
    }

    /** Products oldest first, optionally in one stage, strictly after the (createdAt, id) keyset position. */
    public static List<Product> page(LifecycleStage stage, Instant afterCreatedAt, UUID afterId, int fetchSize) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (stage != null) {
            where.append(" and lifecycleStage = :stage");
            params.put("stage", stage);
        }
        if (afterCreatedAt != null) {
            where.append(" and (createdAt > :t or (createdAt = :t and id > :id))");
            params.put("t", afterCreatedAt);
            params.put("id", afterId);
        }
        return find(where + " order by createdAt, id", params).page(0, fetchSize).list();
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

    public String vision() {
        return vision;
    }

    public List<String> targetSegments() {
        return List.copyOf(targetSegments);
    }

    public LifecycleStage lifecycleStage() {
        return lifecycleStage;
    }

    public String owner() {
        return owner;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
