package dev.tandem.project.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EarnedValueTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 1);
    /** 100 days: 1 Jan to 10 Apr 2027. */
    private static final LocalDate END = LocalDate.of(2027, 4, 10);
    private static final HealthThresholds.Values T = HealthThresholds.Values.DEFAULTS;

    private static EarnedValue.Result ev(String bac, LocalDate today, String estimate, String done, String ac) {
        return ev(bac, today, estimate, done, ac, List.of(), List.of());
    }

    private static EarnedValue.Result ev(String bac, LocalDate today, String estimate, String done, String ac,
                                         List<EarnedValue.OverdueMilestone> overdue,
                                         List<EarnedValue.BlockedTask> blocked) {
        return EarnedValue.compute(new EarnedValue.Input(new BigDecimal(bac), START, END, today,
                new BigDecimal(estimate), new BigDecimal(done), new BigDecimal(ac), overdue, blocked), T);
    }

    private static List<String> codes(EarnedValue.Result r) {
        return r.reasons().stream().map(EarnedValue.Reason::code).toList();
    }

    @Test
    void theFiguresOfAProjectHalfwayThrough() {
        // day 50 of 100: PV = 5000; 40 of 100 hours done: EV = 4000; AC = 5000
        EarnedValue.Result r = ev("10000.00", START.plusDays(50), "100", "40", "5000");
        assertEquals(new BigDecimal("10000.00"), r.bac());
        assertEquals(new BigDecimal("5000.00"), r.pv());
        assertEquals(new BigDecimal("4000.00"), r.ev());
        assertEquals(new BigDecimal("5000.00"), r.ac());
        assertEquals(new BigDecimal("40.00"), r.percentComplete());
        assertEquals(new BigDecimal("0.8000"), r.cpi());
        assertEquals(new BigDecimal("0.8000"), r.spi());
        assertEquals(new BigDecimal("12500.00"), r.eac());
        assertEquals(new BigDecimal("-1000.00"), r.cv());
        assertEquals(new BigDecimal("-1000.00"), r.sv());
        assertEquals(Health.RED, r.health());
        assertEquals(List.of("CPI_BELOW_THRESHOLD", "SPI_BELOW_THRESHOLD"), codes(r));
    }

    @Test
    void nothingSpentAndNothingPlannedYetGiveNullIndicesAndGreen() {
        EarnedValue.Result r = ev("10000", START, "100", "0", "0");
        assertEquals(0, r.pv().signum());
        assertNull(r.cpi());
        assertNull(r.spi());
        assertEquals(new BigDecimal("10000.00"), r.eac(), "EAC is BAC while nothing was spent");
        assertEquals(Health.GREEN, r.health());
        assertTrue(r.reasons().isEmpty());
    }

    @Test
    void anEmptyProjectHasZeroCompleteNotAnError() {
        EarnedValue.Result r = ev("10000", START.plusDays(10), "0", "0", "0");
        assertEquals(new BigDecimal("0.00"), r.percentComplete());
        assertEquals(0, r.ev().signum());
        assertEquals(new BigDecimal("0.0000"), r.spi());
        assertEquals(Health.RED, r.health(), "planned work not done");
    }

    @Test
    void moneySpentWithNothingEarnedHasNoForecast() {
        EarnedValue.Result r = ev("10000", START, "100", "0", "100");
        assertEquals(new BigDecimal("0.0000"), r.cpi());
        assertNull(r.eac());
    }

    @Test
    void plannedValueIsTheShareOfPlannedDaysElapsedClampedToTheBudget() {
        assertEquals(0, ev("10000", START.minusDays(5), "1", "0", "0").pv().signum());
        assertEquals(new BigDecimal("100.00"), ev("10000", START.plusDays(1), "1", "0", "0").pv());
        assertEquals(new BigDecimal("10000.00"), ev("10000", END.plusDays(1), "1", "0", "0").pv());
        assertEquals(new BigDecimal("10000.00"), ev("10000", END.plusDays(30), "1", "0", "0").pv());
        assertEquals(new BigDecimal("9900.00"), ev("10000", END, "1", "0", "0").pv());
    }

    @Test
    void anIndexExactlyAtAThresholdIsNotUnderIt() {
        // CPI = 950 / 1000 = 0.95: GREEN; 949 / 1000: AMBER; 850 / 1000 = 0.85: AMBER; 849: RED
        LocalDate day0 = START; // PV = 0: SPI null, only CPI counts
        assertEquals(Health.GREEN, ev("10000", day0, "100", "9.5", "1000").health());
        assertEquals(Health.AMBER, ev("10000", day0, "100", "9.49", "1000").health());
        assertEquals(Health.AMBER, ev("10000", day0, "100", "8.5", "1000").health());
        assertEquals(Health.RED, ev("10000", day0, "100", "8.49", "1000").health());
    }

    @Test
    void spiThresholdsLikewise() {
        // day 50: PV = 5000; EV = 4750 → SPI 0.95 GREEN; EV 4700 → 0.94 AMBER; EV 4200 → 0.84 RED
        assertEquals(Health.GREEN, ev("10000", START.plusDays(50), "100", "47.5", "0").health());
        EarnedValue.Result amber = ev("10000", START.plusDays(50), "100", "47", "0");
        assertEquals(Health.AMBER, amber.health());
        assertEquals(List.of("SPI_BELOW_THRESHOLD"), codes(amber));
        assertEquals(Health.RED, ev("10000", START.plusDays(50), "100", "42", "0").health());
    }

    @Test
    void thresholdsComeFromConfiguration() {
        HealthThresholds.Values strict = new HealthThresholds.Values(new BigDecimal("1.0"), new BigDecimal("0.99"),
                new BigDecimal("1.0"), new BigDecimal("0.99"));
        EarnedValue.Result r = EarnedValue.compute(new EarnedValue.Input(new BigDecimal("10000"), START, END, START,
                new BigDecimal("100"), new BigDecimal("9.5"), new BigDecimal("1000"), List.of(), List.of()), strict);
        assertEquals(Health.RED, r.health());
    }

    @Test
    void anOverdueMilestoneMakesItAmber() {
        UUID m = UUID.randomUUID();
        EarnedValue.Result r = ev("10000", START, "100", "0", "0",
                List.of(new EarnedValue.OverdueMilestone(m, "Beta", START.minusDays(1))), List.of());
        assertEquals(Health.AMBER, r.health());
        assertEquals(List.of("MILESTONE_OVERDUE"), codes(r));
        assertTrue(r.reasons().get(0).message().contains("Beta"));
    }

    @Test
    void aBlockedCriticalTaskMakesItAmber() {
        EarnedValue.Result r = ev("10000", START, "100", "0", "0", List.of(),
                List.of(new EarnedValue.BlockedTask(UUID.randomUUID(), "API", "sandbox down")));
        assertEquals(Health.AMBER, r.health());
        assertEquals(List.of("CRITICAL_TASK_BLOCKED"), codes(r));
        assertTrue(r.reasons().get(0).message().contains("sandbox down"));
    }

    @Test
    void spendPastTheBudgetIsRedAndExactlyTheBudgetIsNot() {
        // all work done so CPI stays high: only the budget rule speaks
        EarnedValue.Result at = ev("1000", START, "10", "10", "1000");
        assertEquals(Health.GREEN, at.health());
        EarnedValue.Result over = ev("1000", START, "10", "10", "1000.01");
        assertEquals(Health.RED, over.health());
        assertEquals(List.of("OVER_BUDGET"), codes(over));
    }

    @Test
    void everyReasonIsListed() {
        EarnedValue.Result r = ev("1000", START.plusDays(50), "100", "10", "2000",
                List.of(new EarnedValue.OverdueMilestone(UUID.randomUUID(), "Beta", START)),
                List.of(new EarnedValue.BlockedTask(UUID.randomUUID(), "API", "x")));
        assertEquals(List.of("CPI_BELOW_THRESHOLD", "SPI_BELOW_THRESHOLD", "MILESTONE_OVERDUE",
                "CRITICAL_TASK_BLOCKED", "OVER_BUDGET"), codes(r));
        assertEquals(Health.RED, r.health());
    }
}
