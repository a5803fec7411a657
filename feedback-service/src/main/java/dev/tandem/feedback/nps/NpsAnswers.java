package dev.tandem.feedback.nps;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.feedback.NpsResponseRecorded;
import dev.tandem.feedback.customer.Customer;
import dev.tandem.feedback.feedback.Feedback;
import dev.tandem.feedback.feedback.FeedbackEvents;
import dev.tandem.feedback.feedback.Source;
import dev.tandem.feedback.sentiment.SentimentAnalyzer;
import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.outbox.Outbox;

/**
 * Recording a customer's answer to an NPS survey, the use case behind {@code POST …/surveys/{id}/responses}: one
 * answer per customer and survey, within the survey's window; a comment also becomes a feedback item of source
 * SURVEY (external reference {@code nps:<response id>}); {@code nps.response-recorded} (and {@code feedback.received}
 * for the comment) in the caller's transaction.
 */
@ApplicationScoped
public class NpsAnswers {

    private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

    @Inject
    Outbox outbox;

    @Inject
    FeedbackEvents feedbackEvents;

    /**
     * @throws DomainException NOT_FOUND for an unknown survey; RULE_BROKEN naming {@code customerId} for an unknown
     *                         customer; CONFLICT naming {@code customerId} when the customer answered already, or
     *                         when the survey is not open
     */
    public NpsResponse record(UUID surveyId, UUID customerId, int score, String comment) {
        NpsSurvey survey = NpsSurvey.require(surveyId);
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            throw DomainException.ruleBroken("customer " + customerId + " does not exist",
                    new FieldIssue("customerId", "no such customer"));
        }
        NpsResponse earlier = NpsResponse.of(surveyId, customer.id());
        if (earlier != null) {
            throw DomainException.conflict("customer " + customer.id() + " answered this survey already: "
                    + earlier.id(), new FieldIssue("customerId", "answered already"));
        }
        NpsResponse response = NpsResponse.create(surveyId, customer.id(), score, comment);
        survey.requireOpen(response.respondedAt());
        if (response.comment() != null) {
            String title = "NPS " + response.score() + ": " + survey.question();
            Feedback feedback = Feedback.create(Source.SURVEY, "nps:" + response.id(), customer.id(),
                    survey.productId(), title.length() > 200 ? title.substring(0, 200) : title,
                    response.comment(), response.respondedAt(), List.of("nps"), null, analyzer);
            feedback.persistAndFlush();
            feedbackEvents.received(feedback);
            response.feedbackId = feedback.id();
        }
        response.persistAndFlush();
        EventType type = EventType.NPS_RESPONSE_RECORDED;
        outbox.publish(type.topic(), type.aggregateType(), survey.id(), type.type(), new NpsResponseRecorded(
                response.id(), survey.id(), survey.productId(), customer.id(), response.score(),
                response.category().name(), response.comment(), response.feedbackId(), response.respondedAt()));
        return response;
    }
}
