package dev.tandem.events.feedback;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.nps.response-recorded.v1} on {@code tandem.feedback.events}, subject = survey id. A customer
 * answered an NPS survey.
 *
 * @param responseId  the response
 * @param surveyId    the survey
 * @param productId   the survey's product
 * @param customerId  the customer who answered
 * @param score       0 to 10
 * @param category    PROMOTER (9–10), PASSIVE (7–8) or DETRACTOR (0–6)
 * @param comment     the customer's comment, if any
 * @param feedbackId  the SURVEY feedback item the comment became, if there was a comment
 * @param respondedAt when the customer answered
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NpsResponseRecorded(
        UUID responseId,
        UUID surveyId,
        UUID productId,
        UUID customerId,
        int score,
        String category,
        String comment,
        UUID feedbackId,
        Instant respondedAt) {
}
