package dev.tandem.product.product;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;

/** The evidence rule of a pivot: at least one piece, each complete and known here. */
public final class PivotEvidence {

    private PivotEvidence() {
    }

    /**
     * @param evidence         what the request offers
     * @param knownFeedback    whether a feedback item is known (from feedback-service's events, not deleted)
     * @param knownMeasurement whether a key-result measurement exists
     * @throws ProblemException 422 naming {@code evidence} when there is none, and each incomplete or unknown
     *                          reference ({@code evidence[i].feedbackId} / {@code evidence[i].measurementId})
     */
    public static void check(List<PivotRequest.Evidence> evidence, Predicate<UUID> knownFeedback,
                             Predicate<UUID> knownMeasurement) {
        if (evidence == null || evidence.isEmpty()) {
            throw ProblemException.unprocessable("a pivot needs evidence: at least one feedback item or key-result "
                    + "measurement", new Problem.FieldError("evidence", "at least one piece of evidence is required"));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            PivotRequest.Evidence e = evidence.get(i);
            String at = "evidence[" + i + "].";
            if (e.type() == EvidenceType.FEEDBACK) {
                if (e.feedbackId() == null) {
                    errors.add(new Problem.FieldError(at + "feedbackId", "is required for FEEDBACK"));
                } else if (!knownFeedback.test(e.feedbackId())) {
                    errors.add(new Problem.FieldError(at + "feedbackId", "unknown feedback " + e.feedbackId()));
                }
                if (e.measurementId() != null) {
                    errors.add(new Problem.FieldError(at + "measurementId", "must be absent for FEEDBACK"));
                }
            } else {
                if (e.measurementId() == null) {
                    errors.add(new Problem.FieldError(at + "measurementId", "is required for KEY_RESULT_MEASUREMENT"));
                } else if (!knownMeasurement.test(e.measurementId())) {
                    errors.add(new Problem.FieldError(at + "measurementId",
                            "unknown key-result measurement " + e.measurementId()));
                }
                if (e.feedbackId() != null) {
                    errors.add(new Problem.FieldError(at + "feedbackId", "must be absent for KEY_RESULT_MEASUREMENT"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("evidence missing or unknown: " + String.join("; ",
                    errors.stream().map(e -> e.field() + " " + e.message()).toList()),
                    errors.toArray(Problem.FieldError[]::new));
        }
    }
}
