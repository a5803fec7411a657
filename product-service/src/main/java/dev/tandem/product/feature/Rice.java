package dev.tandem.product.feature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;

/**
 * RICE prioritisation: score = reach × impact × confidence/100 / effort, rounded half-up to 2 decimals, or null while
 * any input is missing.
 *
 * <ul>
 *   <li>reach: people (or events) per quarter, a whole number 0..10^12;</li>
 *   <li>impact: one of 0.25 (minimal), 0.5 (low), 1 (medium), 2 (high), 3 (massive);</li>
 *   <li>confidence: percent, a whole number 0..100;</li>
 *   <li>effort: person-months, &gt; 0, at most 1,000,000, at most 2 decimals.</li>
 * </ul>
 */
public final class Rice {

    public static final long MAX_REACH = 1_000_000_000_000L;
    public static final BigDecimal MAX_EFFORT = BigDecimal.valueOf(1_000_000);
    public static final List<BigDecimal> IMPACTS = List.of(new BigDecimal("0.25"), new BigDecimal("0.5"),
            BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(3));
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rice() {
    }

    /** The score, or null when an input is missing. Inputs are assumed valid (see {@link #check}). */
    public static BigDecimal score(Long reach, BigDecimal impact, Integer confidence, BigDecimal effort) {
        if (reach == null || impact == null || confidence == null || effort == null) {
            return null;
        }
        return BigDecimal.valueOf(reach).multiply(impact).multiply(BigDecimal.valueOf(confidence))
                .divide(HUNDRED.multiply(effort), 2, RoundingMode.HALF_UP);
    }

    /** The problems with the inputs that are present, one per field (field name = the API's). */
    public static List<FieldIssue> errors(Long reach, BigDecimal impact, Integer confidence, BigDecimal effort) {
        List<FieldIssue> errors = new ArrayList<>();
        if (reach != null && (reach < 0 || reach > MAX_REACH)) {
            errors.add(new FieldIssue("reach", "must be a whole number from 0 to " + MAX_REACH));
        }
        if (impact != null && IMPACTS.stream().noneMatch(i -> i.compareTo(impact) == 0)) {
            errors.add(new FieldIssue("impact", "must be one of [0.25, 0.5, 1, 2, 3]"));
        }
        if (confidence != null && (confidence < 0 || confidence > 100)) {
            errors.add(new FieldIssue("confidence", "must be a percentage from 0 to 100"));
        }
        if (effort != null && (effort.signum() <= 0 || effort.compareTo(MAX_EFFORT) > 0
                || effort.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldIssue("effort",
                    "must be more than 0 and at most " + MAX_EFFORT + " person-months, with at most 2 decimals"));
        }
        return errors;
    }

    /** @throws DomainException INVALID naming every invalid input */
    public static void check(Long reach, BigDecimal impact, Integer confidence, BigDecimal effort) {
        List<FieldIssue> errors = errors(reach, impact, confidence, effort);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors.stream().map(e -> e.field() + ": " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow(), errors.toArray(FieldIssue[]::new));
        }
    }

    /** A decimal without trailing zeros and never in exponent notation (2.00 → 2, 0.50 → 0.5); null stays null. */
    public static BigDecimal plain(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
