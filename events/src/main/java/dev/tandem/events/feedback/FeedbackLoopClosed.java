package dev.tandem.events.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.feedback.loop-closed.v1} on {@code tandem.feedback.events}, subject = customer id. A feature
 * the customer asked for was released: exactly one per customer and released feature, listing their feedback items
 * (now ADDRESSED), for a notification system to tell them.
 *
 * @param customerId    the customer to tell
 * @param customerName  the customer's name
 * @param contactEmail  whom to write to, if known
 * @param featureId     the released feature
 * @param featureTitle  its title
 * @param productId     its product
 * @param releaseId     the release it shipped in, if any
 * @param feedbackIds   the customer's feedback items linked to the feature
 * @param releasedAt    when the feature was released
 * @param closedAt      when the loop was closed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackLoopClosed(
        UUID customerId,
        String customerName,
        String contactEmail,
        UUID featureId,
        String featureTitle,
        UUID productId,
        UUID releaseId,
        List<UUID> feedbackIds,
        Instant releasedAt,
        Instant closedAt) {
}
