package dev.tandem.events.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.feedback.received.v1} on {@code tandem.feedback.events}, subject = feedback id. A feedback item was recorded (status NEW), with its computed sentiment. Carries its full state.
 *
 * @param feedbackId             the feedback item's id
 * @param source                 the channel it came through
 * @param externalReference      its id in the source channel (unique per source), if any
 * @param customerId             the customer who gave it
 * @param productId              the product it is about
 * @param title                  short title
 * @param text                   the feedback's text
 * @param receivedAt             when the channel received it
 * @param tags                   tags, lower case
 * @param owner                  the team member accountable for it, if assigned
 * @param status                 status after this change
 * @param sentimentScore         sentiment of title and text, -1 (very negative) to 1 (very positive)
 * @param sentimentLabel         negative (score <= -0.1), neutral, or positive (score >= 0.1)
 * @param createdAt              when feedback-service recorded it
 * @param version                the aggregate's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackReceived(
        UUID feedbackId,
        String source,
        String externalReference,
        UUID customerId,
        UUID productId,
        String title,
        String text,
        Instant receivedAt,
        List<String> tags,
        String owner,
        String status,
        double sentimentScore,
        String sentimentLabel,
        Instant createdAt,
        long version) {
}
