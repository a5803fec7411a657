package dev.tandem.product.product;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;

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
     * Where a referenced item stands: unknown when not known here, another product's when its product is known and
     * differs from {@code pivoted}, else this product's (an item whose product is not known yet counts).
     */
    public static Standing standing(boolean known, java.util.Optional<UUID> productOfItem, UUID pivoted) {
        if (!known) {
            return Standing.UNKNOWN;
        }
        return productOfItem.filter(p -> !p.equals(pivoted)).isPresent() ? Standing.OTHER_PRODUCT
                : Standing.THIS_PRODUCT;
    }

    /**
     * @param evidence         what the request offers
     * @param feedback         where a feedback item stands (from feedback-service's events)
     * @param measurement      where a key-result measurement stands (through its objective's product)
     * @throws DomainException RULE_BROKEN naming {@code evidence} when there is none, and each incomplete, unknown
     *                          or other product's reference ({@code evidence[i].feedbackId} /
     *                          {@code evidence[i].measurementId})
     */
    public static void check(List<PivotRequest.Evidence> evidence, Function<UUID, Standing> feedback,
                             Function<UUID, Standing> measurement) {
        if (evidence == null || evidence.isEmpty()) {
            throw DomainException.ruleBroken("a pivot needs evidence: at least one feedback item or key-result "
                    + "measurement", new FieldIssue("evidence", "at least one piece of evidence is required"));
        }
        List<FieldIssue> errors = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            PivotRequest.Evidence e = evidence.get(i);
            String at = "evidence[" + i + "].";
            boolean isFeedback = e.type() == EvidenceType.FEEDBACK;
            String field = isFeedback ? "feedbackId" : "measurementId";
            UUID reference = isFeedback ? e.feedbackId() : e.measurementId();
            String what = isFeedback ? "feedback" : "key-result measurement";
            if (reference == null) {
                errors.add(new FieldIssue(at + field, "is required for " + e.type()));
            } else {
                switch ((isFeedback ? feedback : measurement).apply(reference)) {
                    case UNKNOWN -> errors.add(new FieldIssue(at + field, "unknown " + what + " " + reference));
                    case OTHER_PRODUCT -> errors.add(new FieldIssue(at + field,
                            what + " " + reference + " is about another product"));
                    case THIS_PRODUCT -> { }
                }
            }
            if ((isFeedback ? e.measurementId() : e.feedbackId()) != null) {
                errors.add(new FieldIssue(at + (isFeedback ? "measurementId" : "feedbackId"),
                        "must be absent for " + e.type()));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.ruleBroken("evidence missing or unknown: " + String.join("; ",
                    errors.stream().map(e -> e.field() + " " + e.message()).toList()),
                    errors.toArray(FieldIssue[]::new));
        }
    }
}
