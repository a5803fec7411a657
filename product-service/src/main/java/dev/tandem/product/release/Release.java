package dev.tandem.product.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.persistence.AuthoredEntity;

/** A release of a product: a name and a target date; its features ship together when it is released. */
@Entity
@Table(name = "product_release")
public class Release extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "product_id", nullable = false)
    UUID productId;

    @Column(nullable = false, length = 200)
    String name;

    @Column(length = 4000)
    String description;

    @Column(name = "target_date", nullable = false)
    LocalDate targetDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    ReleaseStatus status;

    @Column(name = "released_at")
    Instant releasedAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Release() {
    }

    public static Release create(UUID productId, String name, String description, LocalDate targetDate,
                                 Instant now) {
        Release r = new Release();
        r.id = UUID.randomUUID();
        r.productId = productId;
        r.name = name.strip();
        r.description = blankToNull(description);
        r.targetDate = targetDate;
        r.status = ReleaseStatus.PLANNED;
        r.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        r.updatedAt = r.createdAt;
        return r;
    }

    /**
     * A partial update of a PLANNED release: null leaves a field as it is; a blank description clears it.
     *
     * @return whether anything changed
     * @throws DomainException 409 once RELEASED
     */
    public boolean update(String name, String description, LocalDate targetDate, Instant now) {
        requirePlanned();
        boolean changed = false;
        if (name != null && !name.strip().equals(this.name)) {
            this.name = name.strip();
            changed = true;
        }
        if (description != null && !Objects.equals(blankToNull(description), this.description)) {
            this.description = blankToNull(description);
            changed = true;
        }
        if (targetDate != null && !targetDate.equals(this.targetDate)) {
            this.targetDate = targetDate;
            changed = true;
        }
        if (changed) {
            this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        }
        return changed;
    }

    /** @throws DomainException 409 once RELEASED: a released release changes no more */
    public void requirePlanned() {
        if (status != ReleaseStatus.PLANNED) {
            throw DomainException.conflict("release " + name + " is already RELEASED",
                    new FieldIssue("status", "must be PLANNED"));
        }
    }

    /** Marks the release RELEASED (the features are handled by {@link ReleasePlan}). */
    public void markReleased(Instant now) {
        requirePlanned();
        this.status = ReleaseStatus.RELEASED;
        this.releasedAt = now.truncatedTo(ChronoUnit.MICROS);
        this.updatedAt = this.releasedAt;
    }

    /** One page of releases, oldest first, optionally of one product and/or in one status. */
    public static List<Release> page(UUID productId, ReleaseStatus status, Cursor after, int fetchSize) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (productId != null) {
            where.append(" and productId = :productId");
            params.put("productId", productId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (after != null) {
            where.append(" and (createdAt > :t or (createdAt = :t and id > :id))");
            params.put("t", after.instant(0));
            params.put("id", after.uuid(1));
        }
        return find("from Release where " + where + " order by createdAt, id", params).page(0, fetchSize).list();
    }

    /** The product's releases in target-date order (then name). */
    public static List<Release> ofProduct(UUID productId) {
        return list("productId = ?1 order by targetDate, name, id", productId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public UUID id() {
        return id;
    }

    public UUID productId() {
        return productId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public LocalDate targetDate() {
        return targetDate;
    }

    public ReleaseStatus status() {
        return status;
    }

    public Instant releasedAt() {
        return releasedAt;
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
