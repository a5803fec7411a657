package dev.tandem.events.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.objective.created.v1} on {@code tandem.product.events}, subject = objective id. An objective was created (usually without key results yet).
 * Carries the objective's full state with its key results and their progress.
 *
 * @param objectiveId the objective's id
 * @param productId   the product it belongs to
 * @param title       what the objective wants to achieve
 * @param description more words about it, if written down
 * @param period      the quarter it is set for, e.g. 2027-Q1
 * @param keyResults  its key results, in the order they were added, each with its progress
 * @param progress    mean of the key results' progress, 0-100, 2 decimals; null without key results
 * @param createdAt   when the objective was created
 * @param updatedAt   when the objective (or one of its key results) last changed
 * @param version     the aggregate's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectiveCreated(
        UUID objectiveId,
        UUID productId,
        String title,
        String description,
        String period,
        List<KeyResultState> keyResults,
        BigDecimal progress,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
