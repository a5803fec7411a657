package dev.tandem.product.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Feature status machine and RICE, without Quarkus. */
class FeatureRulesTest {

    private static Feature idea() {
        return Feature.create(UUID.randomUUID(), "One-click reorder", "Re-entering baskets", null, null, null, null,
                null, Instant.now());
    }

    @Test
    void riceScoreIsReachTimesImpactTimesConfidenceOverEffort() {
        assertEquals(new BigDecimal("768.00"),
                Rice.score(1200L, new BigDecimal("2"), 80, new BigDecimal("2.5")));
        assertEquals(new BigDecimal("0.00"), Rice.score(0L, BigDecimal.ONE, 100, BigDecimal.ONE), "no reach, no score");
        assertEquals(new BigDecimal("0.08"), Rice.score(1L, new BigDecimal("0.25"), 100, new BigDecimal("3")),
                "0.0833… rounds half-up to 2 decimals");
        assertEquals(new BigDecimal("300000000000000.00"),
                Rice.score(Rice.MAX_REACH, new BigDecimal("3"), 100, new BigDecimal("0.01")), "the largest score fits");
    }

    @Test
    void riceScoreIsNullWhileAnyInputIsMissing() {
        assertNull(Rice.score(null, BigDecimal.ONE, 50, BigDecimal.ONE));
        assertNull(Rice.score(10L, null, 50, BigDecimal.ONE));
        assertNull(Rice.score(10L, BigDecimal.ONE, null, BigDecimal.ONE));
        assertNull(Rice.score(10L, BigDecimal.ONE, 50, null));
    }

    @Test
    void riceInputsAreValidatedAtTheirEdges() {
        assertEquals(List.of(), Rice.errors(0L, new BigDecimal("0.50"), 0, new BigDecimal("0.01")));
        assertEquals(List.of(), Rice.errors(Rice.MAX_REACH, new BigDecimal("3"), 100, Rice.MAX_EFFORT));
        assertEquals(List.of(), Rice.errors(null, null, null, null), "absent inputs are fine");
        List<String> fields = Rice.errors(-1L, new BigDecimal("1.5"), 101, BigDecimal.ZERO).stream()
                .map(DomainException.FieldIssue::field).toList();
        assertEquals(List.of("reach", "impact", "confidence", "effort"), fields);
        assertEquals(1, Rice.errors(null, null, -1, null).size());
        assertEquals(1, Rice.errors(null, null, null, new BigDecimal("0.001")).size(), "at most 2 decimals");
        assertEquals(1, Rice.errors(null, null, null, new BigDecimal("-2")).size());
        assertEquals(1, Rice.errors(null, new BigDecimal("4"), null, null).size());
        DomainException e = assertThrows(DomainException.class, () -> Feature.create(UUID.randomUUID(), "t", null,
                5L, new BigDecimal("0.3"), 50, BigDecimal.ONE, null, Instant.now()));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("impact", e.issues().get(0).field());
    }

    @Test
    void theHappyPathGoesOneStepAtATime() {
        Feature f = idea();
        for (FeatureStatus s : List.of(FeatureStatus.CANDIDATE, FeatureStatus.PLANNED, FeatureStatus.COMMITTED,
                FeatureStatus.IN_DELIVERY, FeatureStatus.DELIVERED, FeatureStatus.RELEASED)) {
            FeatureStatus before = f.status();
            Feature.StatusChange c = f.moveTo(s, null, Instant.now());
            assertEquals(before, c.from());
            assertEquals(s, f.status());
        }
        assertEquals(List.of(), FeatureStatus.RELEASED.allowedNext());
        DomainException e = assertThrows(DomainException.class,
                () -> f.moveTo(FeatureStatus.IDEA, null, Instant.now()));
        assertTrue(e.getMessage().contains("none (RELEASED is final)"));
    }

    @Test
    void skippingIsRefusedNamingTheAllowedMoves() {
        Feature f = idea();
        DomainException e = assertThrows(DomainException.class,
                () -> f.moveTo(FeatureStatus.COMMITTED, null, Instant.now()));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().endsWith("allowed: CANDIDATE, REJECTED"), e.getMessage());
        assertEquals(FeatureStatus.IDEA, f.status());
    }

    @Test
    void rejectionNeedsAReasonAndIsOnlyPossibleBeforeCommitted() {
        for (FeatureStatus s : FeatureStatus.values()) {
            boolean beforeCommitted = s == FeatureStatus.IDEA || s == FeatureStatus.CANDIDATE
                    || s == FeatureStatus.PLANNED;
            assertEquals(beforeCommitted, s.canMoveTo(FeatureStatus.REJECTED), s.name());
        }
        Feature f = idea();
        DomainException missing = assertThrows(DomainException.class,
                () -> f.moveTo(FeatureStatus.REJECTED, "  ", Instant.now()));
        assertEquals(DomainException.Kind.INVALID, missing.kind());
        assertEquals("reason", missing.issues().get(0).field());
        assertEquals(FeatureStatus.IDEA, f.status());

        Feature.StatusChange c = f.moveTo(FeatureStatus.REJECTED, " wallet solves it ", Instant.now());
        assertEquals("wallet solves it", c.reason());
        assertEquals("wallet solves it", f.rejectionReason());
        assertEquals(List.of(FeatureStatus.IDEA), FeatureStatus.REJECTED.allowedNext());
        f.moveTo(FeatureStatus.IDEA, null, Instant.now());
        assertNull(f.rejectionReason(), "reopening clears the rejection");
    }

    @Test
    void onlyAnIdeaCanBeDeleted() {
        Feature f = idea();
        f.requireDeletable();
        f.moveTo(FeatureStatus.CANDIDATE, null, Instant.now());
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class, f::requireDeletable).kind());
    }

    @Test
    void updateRecomputesTheScoreAndReportsChanges() {
        Feature f = idea();
        assertNull(f.score());
        assertTrue(f.update(null, null, 100L, new BigDecimal("1"), 50, new BigDecimal("2"), Instant.now()));
        assertEquals(new BigDecimal("25.00"), f.score());
        assertFalse(f.update(null, null, 100L, new BigDecimal("1.00"), 50, new BigDecimal("2.0"), Instant.now()),
                "equal values are no change");
        assertTrue(f.update(null, "", null, new BigDecimal("3"), null, null, Instant.now()));
        assertEquals(new BigDecimal("75.00"), f.score());
        assertNull(f.problem(), "an empty problem clears it");
        assertEquals(new BigDecimal("2"), f.effort());
    }

    @Test
    void sortsParse() {
        assertEquals(FeatureSort.CREATED_AT, FeatureSort.parse(""));
        assertEquals(FeatureSort.SCORE_DESC, FeatureSort.parse("-score"));
        assertEquals(FeatureSort.DEMAND_DESC, FeatureSort.parse("-demand"));
        // a query parameter, refused by the web layer (not a domain rule)
        assertEquals("sort", assertThrows(ProblemException.class, () -> FeatureSort.parse("popularity"))
                .problem().errors().get(0).field());
    }
}
