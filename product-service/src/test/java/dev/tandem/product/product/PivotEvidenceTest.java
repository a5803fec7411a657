package dev.tandem.product.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class PivotEvidenceTest {

    final UUID knownFeedback = UUID.randomUUID();
    final UUID knownMeasurement = UUID.randomUUID();
    final UUID otherProductsFeedback = UUID.randomUUID();
    final UUID otherProductsMeasurement = UUID.randomUUID();

    void check(List<PivotRequest.Evidence> evidence) {
        PivotEvidence.check(evidence, id -> standing(id, knownFeedback, otherProductsFeedback),
                id -> standing(id, knownMeasurement, otherProductsMeasurement));
    }

    static PivotEvidence.Standing standing(UUID id, UUID ours, UUID others) {
        return id.equals(ours) ? PivotEvidence.Standing.THIS_PRODUCT
                : id.equals(others) ? PivotEvidence.Standing.OTHER_PRODUCT : PivotEvidence.Standing.UNKNOWN;
    }

    @Test
    void standingOfAReferencedItem() {
        UUID pivoted = UUID.randomUUID();
        assertEquals(PivotEvidence.Standing.UNKNOWN, PivotEvidence.standing(false, java.util.Optional.of(pivoted), pivoted));
        assertEquals(PivotEvidence.Standing.THIS_PRODUCT, PivotEvidence.standing(true, java.util.Optional.of(pivoted), pivoted));
        assertEquals(PivotEvidence.Standing.OTHER_PRODUCT,
                PivotEvidence.standing(true, java.util.Optional.of(UUID.randomUUID()), pivoted));
        assertEquals(PivotEvidence.Standing.THIS_PRODUCT, PivotEvidence.standing(true, java.util.Optional.empty(), pivoted),
                "an item whose product is not known yet counts");
    }

    @Test
    void evidenceAboutAnotherProductIsNamed() {
        DomainException e = assertThrows(DomainException.class, () -> check(List.of(
                new PivotRequest.Evidence(EvidenceType.FEEDBACK, otherProductsFeedback, null),
                new PivotRequest.Evidence(EvidenceType.KEY_RESULT_MEASUREMENT, null, otherProductsMeasurement),
                new PivotRequest.Evidence(EvidenceType.FEEDBACK, knownFeedback, null))));
        assertEquals(DomainException.Kind.RULE_BROKEN, e.kind());
        assertEquals(List.of("evidence[0].feedbackId", "evidence[1].measurementId"),
                e.issues().stream().map(DomainException.FieldIssue::field).toList());
        assertEquals(true, e.issues().get(0).message().contains("another product"));
        assertEquals(true, e.issues().get(1).message().contains("another product"));
    }

    @Test
    void knownEvidencePasses() {
        check(List.of(new PivotRequest.Evidence(EvidenceType.FEEDBACK, knownFeedback, null),
                new PivotRequest.Evidence(EvidenceType.KEY_RESULT_MEASUREMENT, null, knownMeasurement)));
    }

    @Test
    void noEvidenceIsNamed() {
        for (List<PivotRequest.Evidence> none : java.util.Arrays.asList(null, List.<PivotRequest.Evidence>of())) {
            DomainException e = assertThrows(DomainException.class, () -> check(none));
            assertEquals(DomainException.Kind.RULE_BROKEN, e.kind());
            assertEquals("evidence", e.issues().get(0).field());
        }
    }

    @Test
    void eachUnknownOrIncompleteReferenceIsNamed() {
        UUID unknownFeedback = UUID.randomUUID();
        UUID unknownMeasurement = UUID.randomUUID();
        DomainException e = assertThrows(DomainException.class, () -> check(List.of(
                new PivotRequest.Evidence(EvidenceType.FEEDBACK, knownFeedback, null),
                new PivotRequest.Evidence(EvidenceType.FEEDBACK, unknownFeedback, null),
                new PivotRequest.Evidence(EvidenceType.KEY_RESULT_MEASUREMENT, null, unknownMeasurement),
                new PivotRequest.Evidence(EvidenceType.FEEDBACK, null, null))));
        assertEquals(DomainException.Kind.RULE_BROKEN, e.kind());
        assertEquals(List.of("evidence[1].feedbackId", "evidence[2].measurementId", "evidence[3].feedbackId"),
                e.issues().stream().map(DomainException.FieldIssue::field).toList());
        assertEquals(true, e.issues().get(0).message().contains(unknownFeedback.toString()));
        assertEquals(true, e.issues().get(1).message().contains(unknownMeasurement.toString()));
    }
}
