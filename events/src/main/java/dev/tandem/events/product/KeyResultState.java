package dev.tandem.events.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A key result of an objective as carried inside objective events.
 *
 * @param keyResultId       the key result's id
 * @param metric            what is measured, e.g. "weekly active teams"
 * @param unit              the unit of the values, e.g. "teams" or "%"
 * @param baseline          the value when the key result was set
 * @param target            the value to reach
 * @param direction         INCREASE (target ≥ baseline) or DECREASE (target ≤ baseline)
 * @param current           the latest measured value (the baseline until measured)
 * @param currentMeasuredAt when the current value was measured; null while it is still the baseline
 * @param progress          percent of the way from baseline to target, 0-100, 2 decimals
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyResultState(
        UUID keyResultId,
        String metric,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        String direction,
        BigDecimal current,
        Instant currentMeasuredAt,
        BigDecimal progress) {
}
