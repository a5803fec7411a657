package dev.tandem.product.objective;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key result of an objective: a metric moving from a baseline towards a target. Part of the Objective aggregate. */
@Entity
@Table(name = "key_result")
public class KeyResult {

    @Id
    UUID id;

    @Column(nullable = false)
    int position;

    @Column(nullable = false, length = 200)
    String metric;

    @Column(nullable = false, length = 50)
    String unit;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal baseline;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    Direction direction;

    @Column(name = "current_value", nullable = false, precision = 19, scale = 4)
    BigDecimal current;

    @Column(name = "current_measured_at")
    Instant currentMeasuredAt;

    protected KeyResult() {
    }

    KeyResult(int position, String metric, String unit, BigDecimal baseline, BigDecimal target, Direction direction) {
        this.id = UUID.randomUUID();
        this.position = position;
        this.metric = metric.strip();
        this.unit = unit.strip();
        this.baseline = baseline;
        this.target = target;
        this.direction = direction;
        this.current = baseline;
    }

    /** Takes the value when it is at least as recent as the current one (the latest measuredAt wins). */
    boolean measured(BigDecimal value, Instant measuredAt) {
        if (currentMeasuredAt != null && measuredAt.isBefore(currentMeasuredAt)) {
            return false;
        }
        this.current = value;
        this.currentMeasuredAt = measuredAt;
        return true;
    }

    public BigDecimal progress() {
        return Progress.of(direction, baseline, target, current);
    }

    public UUID id() {
        return id;
    }

    public String metric() {
        return metric;
    }

    public String unit() {
        return unit;
    }

    public BigDecimal baseline() {
        return plain(baseline);
    }

    public BigDecimal target() {
        return plain(target);
    }

    public Direction direction() {
        return direction;
    }

    public BigDecimal current() {
        return plain(current);
    }

    public Instant currentMeasuredAt() {
        return currentMeasuredAt;
    }

    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
