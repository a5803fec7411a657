package dev.tandem.events.feedback;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.tandem.events.Money;

/**
 * {@code dev.tandem.feedback.linked.v1} on {@code tandem.feedback.events}, subject = feedback id. A feedback item was
 * linked to a feature, or the importance of an existing link changed ({@code previousImportance} set), or a linked
 * item's customer changed (sent again for each of its links). Consumers treat it as an upsert of the link
 * (feedbackId, featureId). Carries the customer's revenue so product-service can weigh demand without calling back.
 *
 * @param feedbackId            the feedback item
 * @param featureId             the feature it is linked to
 * @param productId             the feature's product
 * @param customerId            the customer who gave the feedback, if known
 * @param importance            NICE_TO_HAVE, IMPORTANT or CRITICAL
 * @param previousImportance    the importance before, when this changes an existing link (null for a new link)
 * @param customerAnnualRevenue the customer's annual revenue at the time, if known
 * @param linkedBy              who linked it: the name of the authenticated caller who made the link (older
 *                              links: what the client wrote, if anything)
 * @param onBehalfOf            on whose behalf the caller linked it, as the caller said; null when it acted for
 *                              itself
 * @param linkedAt              when the link was made or changed
 * @param version               the feedback item's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackLinked(
        UUID feedbackId,
        UUID featureId,
        UUID productId,
        UUID customerId,
        String importance,
        String previousImportance,
        Money customerAnnualRevenue,
        String linkedBy,
        String onBehalfOf,
        Instant linkedAt,
        long version) {
}
