package dev.tandem.product.backlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RankingTest {

    static Ranking.Input in(String score, String demand, int minute) {
        return new Ranking.Input(UUID.randomUUID(), score == null ? null : new BigDecimal(score),
                new BigDecimal(demand), Instant.parse("2026-11-22T10:00:00Z").plusSeconds(60L * minute));
    }

    @Test
    void priorityIsScoreTimesOnePlusWeightTimesNormalisedDemand() {
        // 768 × (1 + 1 × 0.6) = 1228.80
        assertEquals(new BigDecimal("1228.80"),
                Ranking.priority(new BigDecimal("768.00"), BigDecimal.ONE, new BigDecimal("0.6000")));
        // w = 0.5: 100 × (1 + 0.5 × 1) = 150
        assertEquals(new BigDecimal("150.00"),
                Ranking.priority(new BigDecimal("100"), new BigDecimal("0.5"), BigDecimal.ONE));
        // w = 0: demand does not matter
        assertEquals(new BigDecimal("100.00"),
                Ranking.priority(new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ONE));
        assertNull(Ranking.priority(null, BigDecimal.ONE, BigDecimal.ONE));
    }

    @Test
    void demandIsNormalisedByTheLargestAndIsZeroWhenThatIsZero() {
        assertEquals(new BigDecimal("0.3333"),
                Ranking.normalisedDemand(new BigDecimal("100"), new BigDecimal("300")));
        assertEquals(new BigDecimal("1.0000"), Ranking.normalisedDemand(new BigDecimal("300"), new BigDecimal("300")));
        assertEquals(new BigDecimal("0.0000"), Ranking.normalisedDemand(BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void demandCanLiftALowerScoreAboveAHigherOne() {
        Ranking.Input popular = in("100", "1000", 1);     // 100 × (1 + 1) = 200
        Ranking.Input unasked = in("150", "0", 0);        // 150 × (1 + 0) = 150
        List<Ranking.Ranked> ranked = Ranking.rank(List.of(unasked, popular), BigDecimal.ONE);
        assertEquals(popular, ranked.get(0).input());
        assertEquals(1, ranked.get(0).rank());
        assertEquals(new BigDecimal("200.00"), ranked.get(0).priority());
        assertEquals(new BigDecimal("1.0000"), ranked.get(0).normalisedDemand());
        assertEquals(2, ranked.get(1).rank());
        assertEquals(new BigDecimal("150.00"), ranked.get(1).priority());
        // without demand weight the score decides
        assertEquals(unasked, Ranking.rank(List.of(unasked, popular), BigDecimal.ZERO).get(0).input());
    }

    @Test
    void unscoredComeLastThenTiesByDemandThenAge() {
        Ranking.Input unscoredPopular = in(null, "900", 0);
        Ranking.Input older = in("10", "100", 1);
        Ranking.Input newer = in("10", "100", 2);
        Ranking.Input moreDemand = in("5", "300", 3);   // 5 × (1 + 1) = 10: ties with older/newer at... 10 × (1 + 0.1111)
        List<Ranking.Ranked> ranked = Ranking.rank(List.of(unscoredPopular, newer, moreDemand, older), BigDecimal.ONE);
        // older and newer: 10 × (1 + 100/900) = 11.11; moreDemand: 5 × (1 + 300/900) = 6.67
        assertEquals(List.of(older, newer, moreDemand, unscoredPopular),
                ranked.stream().map(Ranking.Ranked::input).toList());
        assertNull(ranked.get(3).priority());
        assertEquals(new BigDecimal("11.11"), ranked.get(0).priority());
        assertEquals(new BigDecimal("6.67"), ranked.get(2).priority());
    }
}
