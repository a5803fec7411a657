package dev.tandem.feedback.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

/** NPS arithmetic and the survey window, without Quarkus. */
class NpsTest {

    @Test
    void scoresFallIntoTheirCategories() {
        assertEquals(Nps.Category.DETRACTOR, Nps.Category.of(0));
        assertEquals(Nps.Category.DETRACTOR, Nps.Category.of(6));
        assertEquals(Nps.Category.PASSIVE, Nps.Category.of(7));
        assertEquals(Nps.Category.PASSIVE, Nps.Category.of(8));
        assertEquals(Nps.Category.PROMOTER, Nps.Category.of(9));
        assertEquals(Nps.Category.PROMOTER, Nps.Category.of(10));
        assertThrows(IllegalArgumentException.class, () -> Nps.Category.of(11));
    }

    @Test
    void npsIsPercentPromotersMinusPercentDetractors() {
        Nps nps = Nps.ofScores(10, 9, 8, 3);
        assertEquals(4, nps.responses());
        assertEquals(2, nps.promoters());
        assertEquals(1, nps.passives());
        assertEquals(1, nps.detractors());
        assertEquals(new BigDecimal("25.0"), nps.nps());
        assertEquals(new BigDecimal("-100.0"), Nps.ofScores(0, 1, 6).nps());
        assertEquals(new BigDecimal("33.3"), Nps.ofScores(10, 7, 7).nps());
        assertEquals(new BigDecimal("0.0"), Nps.ofScores(7, 8).nps());
        assertNull(Nps.ofScores().nps());
    }

    @Test
    void aSurveyTakesAnswersInItsWindowOnly() {
        NpsSurvey s = NpsSurvey.create(UUID.randomUUID(), "Q?", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"));
        s.requireOpen(Instant.parse("2026-11-01T00:00:00Z"));
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                () -> s.requireOpen(Instant.parse("2026-12-01T00:00:00Z"))).kind());
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                () -> s.requireOpen(Instant.parse("2026-10-31T23:59:59Z"))).kind());
        assertEquals(DomainException.Kind.RULE_BROKEN, assertThrows(DomainException.class,
                () -> NpsSurvey.create(UUID.randomUUID(), "Q?", Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"))).kind());
    }
}
