package dev.tandem.product.feature;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

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

/**
 * A feature of a product: the problem it solves, its status, its RICE inputs and score, and the release and objective
 * of its product it is planned for and serves.
 */
@Entity
@Table(name = "feature")
public class Feature extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "product_id", nullable = false)
    UUID productId;

    @Column(nullable = false, length = 200)
    String title;

    @Column(length = 4000)
    String problem;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    FeatureStatus status;

    @Column(name = "rejection_reason", length = 2000)
    String rejectionReason;

    Long reach;

    @Column(precision = 4, scale = 2)
    BigDecimal impact;

    Integer confidence;

    @Column(precision = 9, scale = 2)
    BigDecimal effort;

    @Column(precision = 30, scale = 2)
    BigDecimal score;

    @Column(name = "at_risk", nullable = false)
    boolean atRisk;

    @Column(name = "release_id")
    UUID releaseId;

    @Column(name = "objective_id")
    UUID objectiveId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Feature() {
    }

    /**
     * A new feature in IDEA. RICE inputs and the objective are optional; RICE inputs present must be valid (400 naming
     * each). The objective must be one of the product's (the caller checks it: it takes a lookup).
     */
    public static Feature create(UUID productId, String title, String problem, Long reach, BigDecimal impact,
                                 Integer confidence, BigDecimal effort, UUID objectiveId, Instant now) {
        Rice.check(reach, impact, confidence, effort);
        Feature f = new Feature();
        f.id = UUID.randomUUID();
        f.productId = productId;
        f.title = title.strip();
        f.problem = blankToNull(problem);
        f.status = FeatureStatus.IDEA;
        f.reach = reach;
        f.impact = impact;
        f.confidence = confidence;
        f.effort = effort;
        f.score = Rice.score(reach, impact, confidence, effort);
        f.objectiveId = objectiveId;
        f.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        f.updatedAt = f.createdAt;
        return f;
    }

    /**
     * Applies a partial update: null leaves a field as it is; a blank problem clears it. RICE inputs present must be
     * valid (400 naming each); the score is recomputed.
     *
     * @return whether anything changed
     */
    public boolean update(String title, String problem, Long reach, BigDecimal impact, Integer confidence,
                          BigDecimal effort, Instant now) {
        Rice.check(reach, impact, confidence, effort);
        boolean changed = false;
        if (title != null && !title.strip().equals(this.title)) {
            this.title = title.strip();
            changed = true;
        }
        if (problem != null && !Objects.equals(blankToNull(problem), this.problem)) {
            this.problem = blankToNull(problem);
            changed = true;
        }
        if (reach != null && !reach.equals(this.reach)) {
            this.reach = reach;
            changed = true;
        }
        if (impact != null && (this.impact == null || impact.compareTo(this.impact) != 0)) {
            this.impact = impact;
            changed = true;
        }
        if (confidence != null && !confidence.equals(this.confidence)) {
            this.confidence = confidence;
            changed = true;
        }
        if (effort != null && (this.effort == null || effort.compareTo(this.effort) != 0)) {
            this.effort = effort;
            changed = true;
        }
        if (changed) {
            this.score = Rice.score(this.reach, this.impact, this.confidence, this.effort);
            this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        }
        return changed;
    }

    /** What a status change did. */
    public record StatusChange(FeatureStatus from, FeatureStatus to, String reason, Instant at) {
    }

    /**
     * Moves the feature to another status along its state machine.
     *
     * @throws DomainException 409 naming the allowed next statuses when the move is not allowed; 400 naming
     *                          {@code reason} when rejecting without one
     */
    public StatusChange moveTo(FeatureStatus to, String reason, Instant now) {
        FeatureStatus from = this.status;
        if (!from.canMoveTo(to)) {
            List<FeatureStatus> allowed = from.allowedNext();
            String names = allowed.isEmpty() ? "none (" + from + " is final)"
                    : allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
            throw DomainException.conflict("a feature in " + from + " cannot move to " + to + "; allowed: " + names,
                    new FieldIssue("status", "allowed: " + names));
        }
        String why = blankToNull(reason);
        if (to == FeatureStatus.REJECTED && why == null) {
            throw DomainException.invalid("reason is required to reject a feature",
                    new FieldIssue("reason", "is required when status is REJECTED"));
        }
        this.status = to;
        this.rejectionReason = to == FeatureStatus.REJECTED ? why.strip() : null;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        return new StatusChange(from, to, why == null ? null : why.strip(), this.updatedAt);
    }

    /**
     * A status move asked for through the API: RELEASED is reached only by releasing the feature's release.
     *
     * @throws DomainException 409 for RELEASED, else as {@link #moveTo}
     */
    public StatusChange requestMove(FeatureStatus to, String reason, Instant now) {
        if (to == FeatureStatus.RELEASED) {
            throw DomainException.conflict("a feature is RELEASED only by releasing its release "
                    + "(POST /api/v1/releases/{id}/release)",
                    new FieldIssue("status", "RELEASED only through a release"));
        }
        return moveTo(to, reason, now);
    }

    /**
     * Assigns the feature to a release of its product, or takes it out of its release (null).
     *
     * @return whether anything changed
     * @throws DomainException 409 when the feature is already RELEASED
     */
    public boolean assignRelease(UUID releaseId, Instant now) {
        if (Objects.equals(releaseId, this.releaseId)) {
            return false;
        }
        if (status == FeatureStatus.RELEASED) {
            throw DomainException.conflict("a RELEASED feature stays in the release it shipped in",
                    new FieldIssue("releaseId", "cannot change once RELEASED"));
        }
        this.releaseId = releaseId;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /**
     * Links the feature to an objective of its product, or unlinks it (null). Allowed in every status: which
     * objective a feature serves is part of the product's strategy, also after it shipped.
     *
     * @return whether anything changed
     */
    public boolean assignObjective(UUID objectiveId, Instant now) {
        if (Objects.equals(objectiveId, this.objectiveId)) {
            return false;
        }
        this.objectiveId = objectiveId;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /**
     * Sets the risk flag (from the health of the projects delivering the feature).
     *
     * @return whether it changed
     */
    public boolean flagRisk(boolean atRisk, Instant now) {
        if (this.atRisk == atRisk) {
            return false;
        }
        this.atRisk = atRisk;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /** @throws DomainException 409 unless the feature is an IDEA */
    public void requireDeletable() {
        if (status != FeatureStatus.IDEA) {
            throw DomainException.conflict("a feature in " + status + " cannot be deleted; only an IDEA can"
                    + (status == FeatureStatus.REJECTED ? " (it stays as REJECTED, or reopen it to IDEA first)" : ""),
                    new FieldIssue("status", "must be IDEA to delete"));
        }
    }

    /** The features planned for a release, oldest first. */
    public static List<Feature> ofRelease(UUID releaseId) {
        return list("releaseId = ?1 order by createdAt, id", releaseId);
    }

    /** The features of a product, oldest first. */
    public static List<Feature> ofProduct(UUID productId) {
        return list("productId = ?1 order by createdAt, id", productId);
    }

    public static long countForProduct(UUID productId) {
        return count("productId", productId);
    }

    /** One page of features in {@code sort} order, optionally of one product, status, release, objective and/or risk. */
    public static List<Feature> page(UUID productId, FeatureStatus status, UUID releaseId, UUID objectiveId,
                                     Boolean atRisk, FeatureSort sort, Cursor after, int fetchSize) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (productId != null) {
            where.append(" and f.productId = :productId");
            params.put("productId", productId);
        }
        if (status != null) {
            where.append(" and f.status = :status");
            params.put("status", status);
        }
        if (releaseId != null) {
            where.append(" and f.releaseId = :releaseId");
            params.put("releaseId", releaseId);
        }
        if (objectiveId != null) {
            where.append(" and f.objectiveId = :objectiveId");
            params.put("objectiveId", objectiveId);
        }
        if (atRisk != null) {
            where.append(" and f.atRisk = :atRisk");
            params.put("atRisk", atRisk);
        }
        String cmp = sort.descending ? "<" : ">";
        if (after != null) {
            where.append(" and (").append(sort.expression).append(' ').append(cmp).append(" :k or (")
                    .append(sort.expression).append(" = :k and f.id ").append(cmp).append(" :id))");
            params.put("k", sort.keyOf(after));
            params.put("id", after.uuid(2));
        }
        String dir = sort.descending ? " desc" : "";
        return find("select f from Feature f left join FeatureDemand d on d.featureId = f.id where " + where + " order by " + sort.expression + dir + ", f.id" + dir, params)
                .page(0, fetchSize).list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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

    public String problem() {
        return problem;
    }

    public FeatureStatus status() {
        return status;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Long reach() {
        return reach;
    }

    public BigDecimal impact() {
        return Rice.plain(impact);
    }

    public Integer confidence() {
        return confidence;
    }

    public BigDecimal effort() {
        return Rice.plain(effort);
    }

    public BigDecimal score() {
        return score;
    }

    public boolean atRisk() {
        return atRisk;
    }

    public UUID releaseId() {
        return releaseId;
    }

    public UUID objectiveId() {
        return objectiveId;
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
