package dev.tandem.project.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CriticalPathTest {

    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);
    private static final BigDecimal EIGHT = new BigDecimal("8");

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();

    private static CriticalPath.Node node(UUID id, String hours, UUID... deps) {
        return new CriticalPath.Node(id, id.toString().substring(0, 4), new BigDecimal(hours).setScale(2),
                List.of(deps));
    }

    private static Map<UUID, CriticalPath.Timing> byId(CriticalPath.Result r) {
        return r.tasks().stream().collect(Collectors.toMap(CriticalPath.Timing::id, Function.identity()));
    }

    private static BigDecimal h(String hours) {
        return new BigDecimal(hours).setScale(2);
    }

    @Test
    void noTasksHaveNoDurationPathOrFinish() {
        CriticalPath.Result r = CriticalPath.schedule(List.of(), MONDAY, EIGHT);
        assertEquals(0, r.durationHours().signum());
        assertTrue(r.criticalPath().isEmpty());
        assertTrue(r.tasks().isEmpty());
        assertNull(r.finishDate());
    }

    @Test
    void aSingleTaskIsTheCriticalPath() {
        CriticalPath.Result r = CriticalPath.schedule(List.of(node(a, "12")), MONDAY, EIGHT);
        assertEquals(h("12"), r.durationHours());
        assertEquals(List.of(a), r.criticalPath());
        CriticalPath.Timing t = r.tasks().get(0);
        assertEquals(0, t.slack().signum());
        assertTrue(t.critical());
        assertEquals(MONDAY, t.earliestStartDate());
        assertEquals(MONDAY.plusDays(1), t.earliestFinishDate(), "12 h at 8 h/day end on the second day");
        assertEquals(MONDAY.plusDays(1), r.finishDate());
    }

    @Test
    void parallelBranchesTheLongerIsCriticalTheShorterHasSlack() {
        // a (16) → b (8), and c (40) alone
        CriticalPath.Result r = CriticalPath.schedule(List.of(node(a, "16"), node(b, "8", a), node(c, "40")),
                MONDAY, EIGHT);
        Map<UUID, CriticalPath.Timing> t = byId(r);
        assertEquals(h("40"), r.durationHours());
        assertEquals(List.of(c), r.criticalPath());
        assertEquals(h("16"), t.get(a).slack());
        assertEquals(h("16"), t.get(b).slack());
        assertEquals(h("16"), t.get(b).earliestStart());
        assertEquals(h("40"), t.get(b).latestFinish());
        assertEquals(h("32"), t.get(b).latestStart());
        assertEquals(new BigDecimal("2.00"), t.get(a).slackDays());
        assertFalse(t.get(a).critical());
        assertTrue(t.get(c).critical());
        // 40 h = five working days: Monday to Friday
        assertEquals(LocalDate.of(2027, 1, 8), r.finishDate());
    }

    @Test
    void aDiamondFollowsItsLongerSide() {
        // a (8) → b (24) → d (8); a → c (8) → d
        CriticalPath.Result r = CriticalPath.schedule(List.of(node(a, "8"), node(b, "24", a), node(c, "8", a),
                node(d, "8", b, c)), MONDAY, EIGHT);
        Map<UUID, CriticalPath.Timing> t = byId(r);
        assertEquals(h("40"), r.durationHours());
        assertEquals(List.of(a, b, d), r.criticalPath());
        assertEquals(h("32"), t.get(d).earliestStart());
        assertEquals(h("16"), t.get(c).slack());
        assertEquals(h("8"), t.get(c).earliestStart());
        assertEquals(h("24"), t.get(c).latestStart());
        assertEquals(0, t.get(b).slack().signum());
        assertEquals(LocalDate.of(2027, 1, 8), t.get(d).earliestStartDate());
        assertEquals(LocalDate.of(2027, 1, 8), t.get(d).earliestFinishDate());
    }

    @Test
    void aBalancedDiamondHasTwoCriticalSidesAndOnePathListed() {
        CriticalPath.Result r = CriticalPath.schedule(List.of(node(a, "8"), node(b, "8", a), node(c, "8", a),
                node(d, "8", b, c)), MONDAY, EIGHT);
        Map<UUID, CriticalPath.Timing> t = byId(r);
        assertTrue(t.get(b).critical());
        assertTrue(t.get(c).critical());
        assertEquals(List.of(a, b, d), r.criticalPath());
        assertEquals(h("24"), r.durationHours());
    }

    @Test
    void datesSkipWeekendsAndAWeekendStartMovesToMonday() {
        // 48 h from a Saturday: starts Monday 4 Jan, six working days → ends Monday 11 Jan
        CriticalPath.Result r = CriticalPath.schedule(List.of(node(a, "48")), LocalDate.of(2027, 1, 2), EIGHT);
        assertEquals(MONDAY, r.anchor());
        assertEquals(LocalDate.of(2027, 1, 11), r.finishDate());
    }

    @Test
    void hoursPerDayIsConfigurable() {
        CriticalPath.Result r = CriticalPath.schedule(List.of(node(a, "12")), MONDAY, new BigDecimal("6"));
        assertEquals(MONDAY.plusDays(1), r.finishDate());
        CriticalPath.Result full = CriticalPath.schedule(List.of(node(a, "12")), MONDAY, new BigDecimal("12"));
        assertEquals(MONDAY, full.finishDate());
    }

    @Test
    void doneTasksOfZeroHoursTakeNoTime() {
        CriticalPath.Result r = CriticalPath.schedule(List.of(node(a, "0"), node(b, "8", a)), MONDAY, EIGHT);
        assertEquals(h("8"), r.durationHours());
        assertEquals(MONDAY, r.finishDate());
        assertEquals(List.of(a, b), r.criticalPath());
    }
}
