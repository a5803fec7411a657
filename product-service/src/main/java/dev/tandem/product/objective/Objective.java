package dev.tandem.product.objective;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.persistence.AuthoredEntity;

/**
 * An objective of a product for a quarter ({@code 2027-Q1}), with its key results. Adding a key result or recording
 * a measurement changes the objective (its {@code updatedAt} and {@code version}).
 */
@Entity
@Table(name = "objective")
public class Objective extends AuthoredEntity {

    /** A quarter: four-digit year, "-Q", 1..4. */
    public static final String PERIOD_PATTERN = "^\\d{4}-Q[1-4]$";
    public static final Pattern PERIOD = Pattern.compile(PERIOD_PATTERN);
    /** At most this many key results per objective. */
    public static final int MAX_KEY_RESULTS = 20;

    @Id
    UUID id;

    @Column(name = "product_id", nullable = false)
    UUID productId;

    @Column(nullable = false, length = 200)
    String title;

    @Column(length = 4000)
    String description;

    @Column(nullable = false, length = 7)
    String period;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "objective_id", nullable = false)
    @OrderBy("position")
    List<KeyResult> keyResults = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Objective() {
    }

    /** A new objective without key results. The period must look like 2027-Q1 (400 naming {@code period}). */
    public static Objective create(UUID productId, String title, String description, String period, Instant now) {
        checkPeriod(period);
        Objective o = new Objective();
        o.id = UUID.randomUUID();
        o.productId = productId;
        o.title = title.strip();
        o.description = blankToNull(description);
        o.period = period;
        o.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        o.updatedAt = o.createdAt;
        return o;
    }

    /**
     * Partial update: null leaves a field as it is; a blank description clears it.
     *
     * @return whether anything changed
     */
    public boolean update(String title, String description, String period, Instant now) {
        if (period != null) {
            checkPeriod(period);
        }
        boolean changed = false;
        if (title != null && !title.strip().equals(this.title)) {
            this.title = title.strip();
            changed = true;
        }
        if (description != null && !Objects.equals(blankToNull(description), this.description)) {
            this.description = blankToNull(description);
            changed = true;
        }
        if (period != null && !period.equals(this.period)) {
            this.period = period;
            changed = true;
        }
        if (changed) {
            touch(now);
        }
        return changed;
    }

    /**
     * Adds a key result; its current value starts at the baseline.
     *
     * @throws DomainException 400 naming {@code target} when it lies on the wrong side of the baseline for the
     *                          direction; 409 when the objective already has {@link #MAX_KEY_RESULTS}
     */
    public KeyResult addKeyResult(String metric, String unit, BigDecimal baseline, BigDecimal target,
                                  Direction direction, Instant now) {
        if (!Progress.targetFits(direction, baseline, target)) {
            throw DomainException.invalid("with " + direction + " the target must be "
                            + (direction == Direction.INCREASE ? "at least" : "at most") + " the baseline",
                    new FieldIssue("target", "must be " + (direction == Direction.INCREASE ? "≥" : "≤")
                            + " baseline (" + KeyResult.plain(baseline).toPlainString() + ") for " + direction));
        }
        if (keyResults.size() >= MAX_KEY_RESULTS) {
            throw DomainException.conflict("an objective has at most " + MAX_KEY_RESULTS + " key results");
        }
        KeyResult kr = new KeyResult(keyResults.size(), metric, unit, baseline, target, direction);
        keyResults.add(kr);
        touch(now);
        return kr;
    }

    /**
     * Records a measurement of one of its key results. The key result's current value becomes the value unless a
     * measurement with a later {@code measuredAt} was already recorded (the latest measuredAt wins).
     *
     * @throws DomainException 404 when the key result is not one of this objective's
     */
    public Measurement measure(UUID keyResultId, BigDecimal value, Instant measuredAt, String source, Instant now) {
        KeyResult kr = keyResult(keyResultId);
        Instant at = measuredAt.truncatedTo(ChronoUnit.MICROS);
        kr.measured(value, at);
        touch(now);
        return new Measurement(kr.id(), value, at, source, this.updatedAt);
    }

    /** @throws DomainException 404 when the key result is not one of this objective's */
    public KeyResult keyResult(UUID keyResultId) {
        return keyResults.stream().filter(k -> k.id().equals(keyResultId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("key result", keyResultId));
    }

    /** Mean of the key results' progress; null without key results. */
    public BigDecimal progress() {
        return Progress.mean(keyResults.stream().map(KeyResult::progress).toList());
    }

    private void touch(Instant now) {
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    private static void checkPeriod(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw DomainException.invalid("period must be a quarter like 2027-Q1",
                    new FieldIssue("period", "must match " + PERIOD_PATTERN));
        }
    }

    /** One page of objectives, oldest first, optionally of one product and/or one period. */
    public static List<Objective> page(UUID productId, String period, Cursor after, int fetchSize) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (productId != null) {
            where.append(" and o.productId = :productId");
            params.put("productId", productId);
        }
        if (period != null) {
            where.append(" and o.period = :period");
            params.put("period", period);
        }
        if (after != null) {
            if (after.size() != 2) {
                throw Cursor.invalid();
            }
            where.append(" and (o.createdAt > :t or (o.createdAt = :t and o.id > :id))");
            params.put("t", after.instant(0));
            params.put("id", after.uuid(1));
        }
        return find("from Objective o where " + where + " order by o.createdAt, o.id", params)
                .page(0, fetchSize).list();
    }

    public static long countForProduct(UUID productId) {
        return count("productId", productId);
    }

    public Cursor cursor() {
        return Cursor.of(createdAt, id);
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

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String period() {
        return period;
    }

    public List<KeyResult> keyResults() {
        return List.copyOf(keyResults);
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
