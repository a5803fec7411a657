package dev.tandem.project.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OverAllocationTest {

    /** Monday of ISO week 2027-W02. */
    private static final LocalDate W02 = LocalDate.of(2027, 1, 11);

    private static OverAllocation.Assignment a(String person, String key, int pct, LocalDate start, LocalDate end) {
        return new OverAllocation.Assignment(person, UUID.randomUUID(), key, key, pct, start, end);
    }

    @Test
    void aPersonAboveOneHundredPercentInAWeekIsListedWithTheProjects() {
        List<OverAllocation.Entry> e = OverAllocation.find(List.of(
                a("ana", "AAA", 60, W02, W02.plusWeeks(4)),
                a("ana", "BBB", 50, W02.plusWeeks(1), W02.plusWeeks(1).plusDays(2)),
                a("ben", "AAA", 100, W02, W02.plusWeeks(4))), W02, W02.plusWeeks(3));
        assertEquals(1, e.size());
        OverAllocation.Entry only = e.get(0);
        assertEquals("ana", only.personId());
        assertEquals("2027-W03", only.week());
        assertEquals(W02.plusWeeks(1), only.weekStart());
        assertEquals(110, only.totalAllocationPercent());
        assertEquals(List.of("AAA", "BBB"), only.projects().stream().map(OverAllocation.ProjectShare::key).toList());
    }

    @Test
    void exactlyOneHundredPercentIsNotOverAllocated() {
        assertTrue(OverAllocation.find(List.of(a("ana", "AAA", 50, W02, W02), a("ana", "BBB", 50, W02, W02)),
                W02, W02).isEmpty());
    }

    @Test
    void projectsTouchingAWeekOnAnyDayCount() {
        // one ends on Monday, the other starts on Sunday of the same week
        List<OverAllocation.Entry> e = OverAllocation.find(List.of(
                a("ana", "AAA", 80, W02.minusWeeks(2), W02),
                a("ana", "BBB", 80, W02.plusDays(6), W02.plusWeeks(2))), W02.plusDays(3), W02.plusDays(3));
        assertEquals(1, e.size());
        assertEquals(160, e.get(0).totalAllocationPercent());
        assertEquals(W02, e.get(0).weekStart(), "the week of from, from its Monday");
    }
}
