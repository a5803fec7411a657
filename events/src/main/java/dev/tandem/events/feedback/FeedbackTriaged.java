package dev.tandem.events.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.tandem.events.Money;

/**
 * {@code dev.tandem.feedback.triaged.v1} on {@code tandem.feedback.events}, subject = feedback id. A feedback item was
 * triaged: it moved into TRIAGED (today only from NEW). Published <em>in addition to</em>
 * {@code dev.tandem.feedback.status-changed.v1} for the same move (same version), for consumers that act on triage
 * (routing to the owner, escalation by customer tier or sentiment) without following every status change. Carries the
 * item's triaged state and the customer's weight at the time, so such a consumer needs no call back.
 *
 * @param feedbackId            the feedback item's id
 * @param source                the channel it came through
 * @param externalReference     its id in the source channel (unique per source), if any
 * @param productId             the product it is about
 * @param customerId            the customer who gave it
 * @param customerName          the customer's name at the time
 * @param customerTier          the customer's tier at the time: STARTER, GROWTH or ENTERPRISE
 * @param customerAnnualRevenue the customer's annual revenue at the time, if known
 * @param title                 short title
 * @param text                  the feedback's text
 * @param receivedAt            when the channel received it
 * @param tags                  tags, lower case
 * @param owner                 the team member accountable for it, if assigned
 * @param sentimentScore        sentiment of title and text, -1 (very negative) to 1 (very positive)
 * @param sentimentLabel        negative (score <= -0.1), neutral, or positive (score >= 0.1)
 * @param previousStatus        the status it was triaged from (NEW)
 * @param status                TRIAGED
 * @param triagedAt             when it was triaged
 * @param version               the aggregate's version after this change (its ETag; equals the status-changed event's)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackTriaged(
        UUID feedbackId,
        String source,
        String externalReference,
        UUID productId,
        UUID customerId,
        String customerName,
        String customerTier,
        Money customerAnnualRevenue,
        String title,
        String text,
        Instant receivedAt,
        List<String> tags,
        String owner,
        double sentimentScore,
        String sentimentLabel,
        String previousStatus,
        String status,
        Instant triagedAt,
        long version) {
}
