package dev.tandem.product.product;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;

/** The evidence rule of a pivot: at least one piece, each complete, known here and about the product pivoted. */
public final class PivotEvidence {

    /** Where a referenced piece of evidence stands for the product being pivoted. */
    public enum Standing {
        /** not known here (never seen, or deleted) */
        UNKNOWN,
        /** known, but about another product: no evidence for this one */
        OTHER_PRODUCT,
        /** known and about this product (or its product is not known here yet) */
        THIS_PRODUCT
    }

    private PivotEvidence() {
    }

    /**
     * @param evidence         what the request offers
     * @param feedback         where a feedback item stands (from feedback-service's events)
     * @param measurement      where a key-result measurement stands (through its objective's product)
     * @throws ProblemException 422 naming {@code evidence} when there is none, and each incomplete, unknown or
     *                          other product's reference ({@code evidence[i].feedbackId} /
     *                          {@code evidence[i].measurementId})
     */
    public static void check(List<PivotRequest.Evidence> evidence, Function<UUID, Standing> feedback,
                             Function<UUID, Standing> measurement) {
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
                } else {
                    switch (feedback.apply(e.feedbackId())) {
                        case UNKNOWN -> errors.add(new Problem.FieldError(at + "feedbackId",
                                "unknown feedback " + e.feedbackId()));
                        case OTHER_PRODUCT -> errors.add(new Problem.FieldError(at + "feedbackId",
                                "feedback " + e.feedbackId() + " is about another product"));
                        case THIS_PRODUCT -> { }
                    }
                }
                if (e.measurementId() != null) {
                    errors.add(new Problem.FieldError(at + "measurementId", "must be absent for FEEDBACK"));
                }
            } else {
                if (e.measurementId() == null) {
                    errors.add(new Problem.FieldError(at + "measurementId", "is required for KEY_RESULT_MEASUREMENT"));
                } else {
                    switch (measurement.apply(e.measurementId())) {
                        case UNKNOWN -> errors.add(new Problem.FieldError(at + "measurementId",
                                "unknown key-result measurement " + e.measurementId()));
                        case OTHER_PRODUCT -> errors.add(new Problem.FieldError(at + "measurementId",
                                "measurement " + e.measurementId() + " is of another product's key result"));
                        case THIS_PRODUCT -> { }
                    }
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
