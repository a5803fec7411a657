package dev.tandem.product.objective;

import static dev.tandem.product.objective.Direction.DECREASE;
import static dev.tandem.product.objective.Direction.INCREASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

/** Key-result progress at its edges and the objective's rules, without Quarkus. */
class ObjectiveRulesTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static BigDecimal p(Direction dir, String baseline, String target, String current) {
        return Progress.of(dir, d(baseline), d(target), d(current));
    }

    @Test
    void increaseIsTheShareOfTheWayFromBaselineToTarget() {
        assertEquals(d("0.00"), p(INCREASE, "120", "200", "120"));
        assertEquals(d("37.50"), p(INCREASE, "120", "200", "150"));
        assertEquals(d("100.00"), p(INCREASE, "120", "200", "200"));
        assertEquals(d("33.33"), p(INCREASE, "0", "3", "1"));
        assertEquals(d("66.67"), p(INCREASE, "0", "3", "2"));
    }

    @Test
    void decreaseIsTheShareOfTheWayDown() {
        assertEquals(d("0.00"), p(DECREASE, "4.5", "3", "4.5"));
        assertEquals(d("50.00"), p(DECREASE, "4.5", "3", "3.75"));
        assertEquals(d("100.00"), p(DECREASE, "4.5", "3", "3"));
        assertEquals(d("50.00"), p(DECREASE, "-10", "-20", "-15"));
    }

    @Test
    void overshootIsClampedTo100() {
        assertEquals(d("100.00"), p(INCREASE, "120", "200", "260"));
        assertEquals(d("100.00"), p(DECREASE, "4.5", "3", "0"));
    }

    @Test
    void movingTheWrongWayIsClampedTo0() {
        assertEquals(d("0.00"), p(INCREASE, "120", "200", "90"));
        assertEquals(d("0.00"), p(DECREASE, "4.5", "3", "6"));
    }

    @Test
    void baselineEqualToTargetIs100OnlyWhenTheTargetIsReachedInTheRightDirection() {
        assertEquals(d("100.00"), p(INCREASE, "50", "50", "50"));
        assertEquals(d("100.00"), p(INCREASE, "50", "50", "51"));
        assertEquals(d("0.00"), p(INCREASE, "50", "50", "49.99"));
        assertEquals(d("100.00"), p(DECREASE, "50", "50", "50"));
        assertEquals(d("100.00"), p(DECREASE, "50", "50", "10"));
        assertEquals(d("0.00"), p(DECREASE, "50", "50", "50.01"));
    }

    @Test
    void aTargetOnTheWrongSideOfTheBaselineIsNotAProgressQuestion() {
        assertThrows(IllegalArgumentException.class, () -> p(INCREASE, "200", "120", "150"));
        assertThrows(IllegalArgumentException.class, () -> p(DECREASE, "3", "4.5", "4"));
    }

    @Test
    void objectiveProgressIsTheMeanOfItsKeyResultsAndNullWithoutAny() {
        assertNull(Progress.mean(List.of()));
        assertEquals(d("37.50"), Progress.mean(List.of(d("37.50"))));
        assertEquals(d("50.00"), Progress.mean(List.of(d("0.00"), d("100.00"))));
        assertEquals(d("33.33"), Progress.mean(List.of(d("0.00"), d("0.00"), d("100.00"))));
        assertEquals(d("66.67"), Progress.mean(List.of(d("100.00"), d("100.00"), d("0.00"))));
    }

    @Test
    void anObjectiveStartsWithoutKeyResultsAndNullProgress() {
        Objective o = Objective.create(UUID.randomUUID(), " Adoption ", "", "2027-Q1", Instant.now());
        assertEquals("Adoption", o.title());
        assertNull(o.description());
        assertNull(o.progress());
        assertEquals(List.of(), o.keyResults());
    }

    @Test
    void thePeriodMustBeAQuarter() {
        for (String bad : List.of("2027-Q5", "2027-Q0", "27-Q1", "2027Q1", "2027-q1", "2027-Q1 ", "2027-01")) {
            DomainException e = assertThrows(DomainException.class,
                    () -> Objective.create(UUID.randomUUID(), "T", null, bad, Instant.now()), bad);
            assertEquals(DomainException.Kind.INVALID, e.kind());
            assertEquals("period", e.issues().get(0).field());
        }
        Objective o = Objective.create(UUID.randomUUID(), "T", null, "2027-Q4", Instant.now());
        assertThrows(DomainException.class, () -> o.update(null, null, "2027-Q9", Instant.now()));
        assertEquals("2027-Q4", o.period());
    }

    @Test
    void aKeyResultStartsAtItsBaselineAndItsTargetMustFitTheDirection() {
        Objective o = Objective.create(UUID.randomUUID(), "T", null, "2027-Q1", Instant.now());
        KeyResult kr = o.addKeyResult("Active teams", "teams", d("120"), d("200"), INCREASE, Instant.now());
        assertEquals(d("120"), kr.current());
        assertEquals(d("0.00"), kr.progress());
        assertEquals(d("0.00"), o.progress());
        DomainException e = assertThrows(DomainException.class,
                () -> o.addKeyResult("Churn", "%", d("3"), d("4.5"), DECREASE, Instant.now()));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("target", e.issues().get(0).field());
        assertEquals(1, o.keyResults().size());
    }

    @Test
    void theLatestMeasuredAtWinsAndAnUnknownKeyResultIs404() {
        Objective o = Objective.create(UUID.randomUUID(), "T", null, "2027-Q1", Instant.now());
        KeyResult kr = o.addKeyResult("Active teams", "teams", d("100"), d("200"), INCREASE, Instant.now());
        o.addKeyResult("Churn", "%", d("4"), d("2"), DECREASE, Instant.now());
        Instant feb = Instant.parse("2027-02-28T00:00:00Z");
        o.measure(kr.id(), d("150"), feb, "analytics", Instant.now());
        assertEquals(d("150"), kr.current());
        o.measure(kr.id(), d("120"), Instant.parse("2027-01-31T00:00:00Z"), "backfill", Instant.now());
        assertEquals(d("150"), kr.current(), "an older measurement does not replace the current value");
        assertEquals(feb, kr.currentMeasuredAt());
        assertEquals(d("50.00"), kr.progress());
        assertEquals(d("25.00"), o.progress());
        o.measure(kr.id(), d("210"), Instant.parse("2027-03-31T00:00:00Z"), "analytics", Instant.now());
        assertEquals(d("100.00"), kr.progress());
        assertEquals(d("50.00"), o.progress());
        DomainException e = assertThrows(DomainException.class,
                () -> o.measure(UUID.randomUUID(), d("1"), feb, "x", Instant.now()));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void anObjectiveHasAtMost20KeyResults() {
        Objective o = Objective.create(UUID.randomUUID(), "T", null, "2027-Q1", Instant.now());
        for (int i = 0; i < Objective.MAX_KEY_RESULTS; i++) {
            o.addKeyResult("M" + i, "u", d("0"), d("1"), INCREASE, Instant.now());
        }
        DomainException e = assertThrows(DomainException.class,
                () -> o.addKeyResult("one too many", "u", d("0"), d("1"), INCREASE, Instant.now()));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(Objective.MAX_KEY_RESULTS, o.keyResults().size());
    }
}
