package dev.tandem.feedback.nps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answers of the NPS endpoints. */
public final class NpsViews {

    @Schema(name = "NpsSurvey")
    record SurveyView(UUID id, UUID productId,
                      @Schema(example = "How likely are you to recommend Checkout to a colleague?") String question,
                      Instant opensAt, Instant closesAt, Instant createdAt,
                      @Schema(description = "NPS of the answers so far.") Nps results,
                      @Schema(description = "Who created it: the caller the gateway authenticated. Absent on surveys older than this field.")
                      Actor createdBy,
                      long version) {
        static SurveyView of(NpsSurvey s, Nps results) {
            return new SurveyView(s.id(), s.productId(), s.question(), s.opensAt(), s.closesAt(), s.createdAt(),
                    results, s.createdBy(), s.version());
        }
    }

    @Schema(name = "NpsSurveyPage")
    record SurveyPage(List<SurveyView> items, String nextCursor) {
    }

    @Schema(name = "NpsResponse")
    record ResponseView(UUID id, UUID surveyId, UUID customerId, @Schema(example = "6") int score,
                        @Schema(example = "DETRACTOR") Nps.Category category,
                        @Schema(example = "Exports are too slow.") String comment,
                        @Schema(description = "The SURVEY feedback item the comment became, if any.") UUID feedbackId,
                        Instant respondedAt,
                        @Schema(description = "Who recorded the answer: the caller the gateway authenticated (the customer is customerId). Absent on answers older than this field.")
                        Actor createdBy) {
        static ResponseView of(NpsResponse r) {
            return new ResponseView(r.id(), r.surveyId(), r.customerId(), r.score(), r.category(), r.comment(),
                    r.feedbackId(), r.respondedAt(), r.createdBy());
        }
    }

    @Schema(name = "NpsMonth")
    public record Month(@Schema(example = "2026-11") String month, Nps nps) {
    }

    @Schema(name = "ProductNps")
    record ProductNps(UUID productId, Nps overall,
                      @Schema(description = "Per calendar month (UTC) of the answers, oldest first; months without answers left out.")
                      List<Month> months) {
    }

    private NpsViews() {
    }
}
