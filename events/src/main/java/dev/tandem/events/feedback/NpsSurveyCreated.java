package dev.tandem.events.feedback;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.nps.survey-created.v1} on {@code tandem.feedback.events}, subject = survey id. An NPS survey of a
 * product was created; its answers follow as {@code nps.response-recorded} with the same key.
 *
 * @param surveyId  the survey's id
 * @param productId the product it asks about
 * @param question  the question asked
 * @param opensAt   answers are taken from this instant (inclusive)
 * @param closesAt  until this instant (exclusive)
 * @param createdAt when it was created
 * @param version   the survey's version (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NpsSurveyCreated(
        UUID surveyId,
        UUID productId,
        String question,
        Instant opensAt,
        Instant closesAt,
        Instant createdAt,
        long version) {
}
