package dev.tandem.events.feedback;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.tandem.events.Money;

/**
 * {@code dev.tandem.feedback.unlinked.v1} on {@code tandem.feedback.events}, subject = feedback id. A link between a
 * feedback item and a feature was removed. Deleting a linked feedback item sends one of these per link before
 * {@code feedback.deleted}. Carries the customer's revenue, as {@code feedback.linked} does, so a consumer can take the
 * removed link's weight off without calling back.
 *
 * @param feedbackId the feedback item
 * @param featureId  the feature it was linked to
 * @param productId  the feature's product
 * @param customerId the customer who gave the feedback, if known
 * @param importance the importance the removed link had
 * @param customerAnnualRevenue the customer's annual revenue at the time, if known
 * @param unlinkedAt when the link was removed
 * @param version    the feedback item's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackUnlinked(
        UUID feedbackId,
        UUID featureId,
        UUID productId,
        UUID customerId,
        String importance,
        Money customerAnnualRevenue,
        Instant unlinkedAt,
        long version) {
}
