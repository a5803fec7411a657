package dev.tandem.product.objective;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Key-result and objective progress, in percent with 2 decimals (half-up). Pure.
 *
 * <ul>
 *   <li>Key result: {@code (current − baseline) / (target − baseline) × 100}, clamped to 0..100. With INCREASE the
 *       target is above the baseline, with DECREASE below, so the same share is direction-aware: moving the wrong
 *       way gives a negative share → 0; overshooting gives more than 100 → 100.</li>
 *   <li>baseline = target: 100 when current has reached the target in the right direction (≥ target for INCREASE,
 *       ≤ target for DECREASE), else 0.</li>
 *   <li>Objective: the mean of its key results' progress; null without key results.</li>
 * </ul>
 */
public final class Progress {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    public static final BigDecimal HUNDRED = new BigDecimal("100.00");

    private Progress() {
    }

    /**
     * @throws IllegalArgumentException when the target lies on the wrong side of the baseline for the direction
     *                                  (the aggregate refuses such key results with a 400 first)
     */
    public static BigDecimal of(Direction direction, BigDecimal baseline, BigDecimal target, BigDecimal current) {
        Objects.requireNonNull(direction);
        if (!targetFits(direction, baseline, target)) {
            throw new IllegalArgumentException("target " + target + " is on the wrong side of baseline " + baseline
                    + " for " + direction);
        }
        int cmp = baseline.compareTo(target);
        if (cmp == 0) {
            int reached = current.compareTo(target);
            boolean done = direction == Direction.INCREASE ? reached >= 0 : reached <= 0;
            return done ? HUNDRED : ZERO;
        }
        BigDecimal share = current.subtract(baseline).multiply(BigDecimal.valueOf(100))
                .divide(target.subtract(baseline), MathContext.DECIMAL64);
        if (share.signum() <= 0) {
            return ZERO;
        }
        if (share.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return HUNDRED;
        }
        return share.setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether the target is reachable in the direction: ≥ baseline for INCREASE, ≤ baseline for DECREASE. */
    public static boolean targetFits(Direction direction, BigDecimal baseline, BigDecimal target) {
        int cmp = target.compareTo(baseline);
        return direction == Direction.INCREASE ? cmp >= 0 : cmp <= 0;
    }

    /** The mean of the given progress values, 2 decimals half-up; null for none. */
    public static BigDecimal mean(List<BigDecimal> progresses) {
        if (progresses.isEmpty()) {
            return null;
        }
        BigDecimal sum = progresses.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(progresses.size()), 2, RoundingMode.HALF_UP);
    }
}
