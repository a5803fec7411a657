package dev.tandem.project.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.platform.money.Money;
import org.junit.jupiter.api.Test;

class MemberRulesTest {

    @Test
    void costIsHoursTimesRateRoundedHalfUpToCents() {
        Member m = Member.create(UUID.randomUUID(), "ana", "Dev", 50, new Money("85.55", "EUR"));
        assertEquals(new Money("21.39", "EUR"), m.costOf(new BigDecimal("0.25")));
        TimeEntry e = TimeEntry.record(m, UUID.randomUUID(), LocalDate.of(2027, 1, 5), new BigDecimal("6.5"), null);
        assertEquals(new Money("556.08", "EUR"), e.cost());
    }

    @Test
    void aNewRateAppliesToTimeRecordedAfterwards() {
        Member m = Member.create(UUID.randomUUID(), "ana", "Dev", 50, new Money("80", "EUR"));
        TimeEntry before = TimeEntry.record(m, UUID.randomUUID(), LocalDate.of(2027, 1, 5), BigDecimal.ONE, null);
        assertTrue(m.update(null, null, new Money("100", "EUR")));
        assertFalse(m.update("Dev", 50, new Money("100.00", "EUR")));
        TimeEntry after = TimeEntry.record(m, UUID.randomUUID(), LocalDate.of(2027, 1, 6), BigDecimal.ONE, null);
        assertEquals(new Money("80.00", "EUR"), before.cost());
        assertEquals(new Money("100.00", "EUR"), after.cost());
    }
}
