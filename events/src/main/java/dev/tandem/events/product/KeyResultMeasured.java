package dev.tandem.events.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.key-result.measured.v1} on {@code tandem.product.events}, subject = objective id (so that all
 * events of an objective stay in order). A measurement of a key result was recorded.
 *
 * @param objectiveId       the objective the key result belongs to
 * @param keyResultId       the key result measured
 * @param productId         the product of the objective
 * @param metric            what is measured
 * @param value             the measured value
 * @param measuredAt        when it was measured
 * @param source            where the value comes from, e.g. "analytics"
 * @param current           the key result's current value after this measurement (the latest measuredAt wins, so
 *                          an older measurement leaves it unchanged)
 * @param progress          the key result's progress after this measurement, percent 0-100, 2 decimals
 * @param objectiveProgress the objective's progress after this measurement, percent 0-100, 2 decimals
 * @param version           the objective's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyResultMeasured(
        UUID objectiveId,
        UUID keyResultId,
        UUID productId,
        String metric,
        BigDecimal value,
        Instant measuredAt,
        String source,
        BigDecimal current,
        BigDecimal progress,
        BigDecimal objectiveProgress,
        long version) {
}
