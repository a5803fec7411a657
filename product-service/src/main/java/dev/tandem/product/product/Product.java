package dev.tandem.product.product;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import dev.tandem.platform.persistence.Exists;
import dev.tandem.platform.time.Now;

/** A product: what the company builds and sells, with its vision, target segments and lifecycle stage. */
@Entity
@Table(name = "product")
public class Product extends AuthoredEntity {

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
        p.createdAt = Now.instant();
        p.updatedAt = p.createdAt;
        return p;
    }

    public static String normaliseKey(String key) {
        return key.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean keyTaken(String key) {
        return Exists.any(getEntityManager(), "Product", "key = ?1", normaliseKey(key));
    }

    /**
     * One page of products in {@code sort} order, filtered by stage, owner (exact) and text {@code q}
     * (case-insensitive substring of key, name or vision), strictly after the cursor's keyset position.
     */
    public static List<Product> page(LifecycleStage stage, String owner, String q, ProductSort sort, Cursor after,
                                     int fetchSize) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (stage != null) {
            where.append(" and p.lifecycleStage = :stage");
            params.put("stage", stage);
        }
        if (owner != null && !owner.isBlank()) {
            where.append(" and p.owner = :owner");
            params.put("owner", owner.strip());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(p.key) like :q escape '!' or lower(p.name) like :q escape '!'"
                    + " or lower(coalesce(p.vision, '')) like :q escape '!')");
            params.put("q", "%" + likeEscape(q.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String cmp = sort.descending ? "<" : ">";
        if (after != null) {
            where.append(" and (p.").append(sort.property).append(' ').append(cmp).append(" :k or (p.")
                    .append(sort.property).append(" = :k and p.id ").append(cmp).append(" :id))");
            params.put("k", sort.keyOf(after));
            params.put("id", after.uuid(2));
        }
        String dir = sort.descending ? " desc" : "";
        return find("from Product p where " + where + " order by p." + sort.property + dir + ", p.id" + dir, params).page(0, fetchSize).list();
    }

    static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * Once a product has left CONCEPT, its vision and target segments are its strategy: they change only through a
     * pivot with evidence ({@code POST /api/v1/products/{id}/pivots}), never by an edit.
     *
     * @throws DomainException 409 naming each field the edit would change, and the pivot endpoint
     */
    public void requireNoStrategyEdit(String vision, List<String> targetSegments) {
        if (lifecycleStage == LifecycleStage.CONCEPT) {
            return;
        }
        List<FieldIssue> errors = new ArrayList<>();
        String pivot = "POST /api/v1/products/" + id + "/pivots";
        if (vision != null && !Objects.equals(blankToNull(vision), this.vision)) {
            errors.add(new FieldIssue("vision", "changes only through a pivot with evidence (" + pivot
                    + ") once the product has left CONCEPT (it is " + lifecycleStage + ")"));
        }
        if (targetSegments != null && !targetSegments.equals(this.targetSegments)) {
            errors.add(new FieldIssue("targetSegments", "change only through a pivot with evidence (" + pivot
                    + ") once the product has left CONCEPT (it is " + lifecycleStage + ")"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.conflict("a " + lifecycleStage + " product's vision and target segments change "
                    + "only through " + pivot + " with evidence", errors.toArray(FieldIssue[]::new));
        }
    }

    /**
     * Applies a partial update: null leaves a field as it is; a blank vision or owner clears it.
     *
     * @return whether anything changed
     */
    public boolean update(String name, String vision, List<String> targetSegments, String owner, Instant now) {
        boolean changed = false;
        if (name != null && !name.strip().equals(this.name)) {
            this.name = name.strip();
            changed = true;
        }
        if (vision != null && !Objects.equals(blankToNull(vision), this.vision)) {
            this.vision = blankToNull(vision);
            changed = true;
        }
        if (targetSegments != null && !targetSegments.equals(this.targetSegments)) {
            this.targetSegments = new ArrayList<>(targetSegments);
            changed = true;
        }
        if (owner != null && !Objects.equals(blankToNull(owner), this.owner)) {
            this.owner = blankToNull(owner);
            changed = true;
        }
        if (changed) {
            this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        }
        return changed;
    }

    /**
     * Applies a pivot: a new vision and/or new target segments (null leaves one as it is; a blank vision clears it).
     *
     * @return whether anything changed (a pivot that changes nothing is refused by the caller)
     */
    public boolean pivot(String vision, List<String> targetSegments, Instant now) {
        return update(null, vision, targetSegments, null, now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Moves the product to another lifecycle stage: forward only, skips allowed, RETIRED from anywhere, nothing after
     * RETIRED.
     *
     * @param changedBy  the name of who moves it: the verified caller
     * @param onBehalfOf whose decision the caller records, as the caller says (null: its own)
     * @return the change to record
     * @throws DomainException 409 naming the allowed next stages when the move is not allowed
     */
    public LifecycleChange moveTo(LifecycleStage to, String reason, String changedBy, String onBehalfOf,
                                  Instant now) {
        LifecycleStage from = this.lifecycleStage;
        if (!from.canMoveTo(to)) {
            List<LifecycleStage> allowed = from.allowedNext();
            String names = allowed.isEmpty() ? "none (RETIRED is final)"
                    : allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
            throw DomainException.conflict("a product in " + from + " cannot move to " + to + "; allowed: " + names,
                    new FieldIssue("stage", "allowed: " + names));
        }
        this.lifecycleStage = to;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        return new LifecycleChange(id, from, to, reason, changedBy, onBehalfOf, this.updatedAt);
    }

    /**
     * Only a product in CONCEPT with nothing linked to it can be deleted: no features, objectives or releases here,
     * and no feedback filed against it in feedback-service (known here from its events) — customers' words about a
     * product are not deleted with it. Retire the product instead.
     *
     * @throws DomainException 409 naming {@code lifecycleStage}, or each kind of thing still linked
     */
    public void requireDeletable(long features, long objectives, long releases, long feedbackItems) {
        if (lifecycleStage != LifecycleStage.CONCEPT) {
            throw DomainException.conflict("product " + key + " is " + lifecycleStage
                    + "; only a product in CONCEPT can be deleted (retire it instead)",
                    new FieldIssue("lifecycleStage", "must be CONCEPT to delete"));
        }
        java.util.List<FieldIssue> linked = new java.util.ArrayList<>();
        java.util.List<String> what = new java.util.ArrayList<>();
        if (features > 0) {
            linked.add(new FieldIssue("features", features + " linked"));
            what.add(features + " feature(s) linked (delete or move them first)");
        }
        if (objectives > 0) {
            linked.add(new FieldIssue("objectives", objectives + " linked"));
            what.add(objectives + " objective(s) linked");
        }
        if (releases > 0) {
            linked.add(new FieldIssue("releases", releases + " linked"));
            what.add(releases + " release(s)");
        }
        if (feedbackItems > 0) {
            linked.add(new FieldIssue("feedback", feedbackItems + " item(s) filed against it"));
            what.add(feedbackItems + " feedback item(s) filed against it");
        }
        if (!linked.isEmpty()) {
            throw DomainException.conflict("product " + key + " has " + String.join(", ", what)
                    + "; it cannot be deleted", linked.toArray(FieldIssue[]::new));
        }
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
