package dev.tandem.project.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class MilestoneRulesTest {

    static final LocalDate DUE = LocalDate.parse("2027-03-31");

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    static Milestone milestone() {
        return Milestone.create(UUID.randomUUID(), "  Beta release ", DUE);
    }

    @Test
    void dueTodayIsNotOverdueDueYesterdayIs() {
        Milestone m = milestone();
        assertEquals("Beta release", m.name());
        assertFalse(m.isOverdue(DUE.minusDays(1)));
        assertFalse(m.isOverdue(DUE), "due today is not overdue");
        assertTrue(m.isOverdue(DUE.plusDays(1)), "due yesterday is overdue");
    }

    @Test
    void overdueUsesTheUtcDateOfTheClock() {
        Milestone m = milestone();
        assertFalse(m.isOverdue(at("2027-03-31T23:59:59Z")));
        assertTrue(m.isOverdue(at("2027-04-01T00:00:00Z")));
    }

    @Test
    void aReachedMilestoneIsNeverOverdue() {
        Milestone m = milestone();
        m.reach(Instant.parse("2027-04-05T10:00:00Z"), at("2027-04-06T00:00:00Z"));
        assertFalse(m.isOverdue(DUE.plusDays(30)));
    }

    @Test
    void lateOnlyWhenReachedOnALaterUtcDate() {
        Milestone onTime = milestone();
        assertFalse(onTime.isLate(), "not reached is not late");
        onTime.reach(Instant.parse("2027-03-31T23:59:59Z"), at("2027-05-01T00:00:00Z"));
        assertFalse(onTime.isLate(), "reached on the due date is not late");

        Milestone late = milestone();
        late.reach(Instant.parse("2027-04-01T00:00:00Z"), at("2027-05-01T00:00:00Z"));
        assertTrue(late.isLate());
    }

    @Test
    void reachDefaultsToNowAndTruncatesToMicros() {
        Milestone m = milestone();
        m.reach(null, at("2027-03-30T16:00:00.123456789Z"));
        assertEquals(Instant.parse("2027-03-30T16:00:00.123456Z"), m.reachedAt());
    }

    @Test
    void reachingTwiceIsAConflict() {
        Milestone m = milestone();
        Clock clock = at("2027-03-30T16:00:00Z");
        m.reach(null, clock);
        DomainException e = assertThrows(DomainException.class, () -> m.reach(null, clock));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
    }

    @Test
    void reachingInTheFutureIsRefused() {
        Milestone m = milestone();
        DomainException e = assertThrows(DomainException.class,
                () -> m.reach(Instant.parse("2027-03-30T16:00:01Z"), at("2027-03-30T16:00:00Z")));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertNull(m.reachedAt());
    }
}
