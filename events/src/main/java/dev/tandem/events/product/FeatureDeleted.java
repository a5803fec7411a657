package dev.tandem.events.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.feature.deleted.v1} on {@code tandem.product.events}, subject = feature id. A feature was deleted (only possible as IDEA). Carries its last state.
 *
 * @param featureId       the feature's id
 * @param productId       the product it belongs to
 * @param title           short title
 * @param problem         the customer problem it solves, if written down
 * @param status          the feature's status after this change
 * @param reach           RICE reach: people or events per quarter, if estimated
 * @param impact          RICE impact: 0.25, 0.5, 1, 2 or 3, if estimated
 * @param confidence      RICE confidence in percent (0-100), if estimated
 * @param effort          RICE effort in person-months, if estimated
 * @param score           RICE score = reach x impact x confidence/100 / effort, 2 decimals; null while an input is missing
 * @param rejectionReason why it was rejected, while REJECTED
 * @param releaseId       the release it is planned for, if any
 * @param objectiveId     the objective of its product it serves, if any
 * @param atRisk          true while a project delivering it is AMBER or RED
 * @param createdAt       when the feature was created
 * @param updatedAt       when the feature last changed
 * @param deletedAt       when it was deleted
 * @param version         the feature's own version after this change (the number before the dot in its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeatureDeleted(
        UUID featureId,
        UUID productId,
        String title,
        String problem,
        String status,
        Long reach,
        BigDecimal impact,
        Integer confidence,
        BigDecimal effort,
        BigDecimal score,
        String rejectionReason,
        UUID releaseId,
        UUID objectiveId,
        boolean atRisk,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long version) {
}
