package dev.tandem.product.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.product.demand.DemandCalculator.Demand;
import dev.tandem.product.demand.DemandCalculator.Link;
import dev.tandem.product.demand.DemandCalculator.Revenue;
import org.junit.jupiter.api.Test;

class DemandCalculatorTest {

    static final ReportingRates EUR = new ReportingRates("EUR", Map.of("USD", new BigDecimal("0.92")));
    static final UUID ANNA = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();
    static final UUID CARLA = UUID.randomUUID();

    static Revenue eur(String amount) {
        return new Revenue(new BigDecimal(amount), "EUR");
    }

    @Test
    void eachCustomerCountsOnceWithTheStrongestImportanceTheyGave() {
        Demand d = DemandCalculator.compute(List.of(
                        new Link(UUID.randomUUID(), ANNA, Importance.NICE_TO_HAVE),
                        new Link(UUID.randomUUID(), ANNA, Importance.CRITICAL),
                        new Link(UUID.randomUUID(), BOB, Importance.IMPORTANT)),
                Map.of(ANNA, eur("100000.00"), BOB, eur("50000.00")), EUR);
        // Anna 100 000 × 2 (CRITICAL beats NICE_TO_HAVE) + Bob 50 000 × 1
        assertEquals(new BigDecimal("250000.00"), d.weightedDemand());
        assertEquals(3, d.feedbackCount());
        assertEquals(2, d.customerCount());
        assertEquals(Map.of(Importance.NICE_TO_HAVE, 1, Importance.IMPORTANT, 1, Importance.CRITICAL, 1), d.mix());
    }

    @Test
    void niceToHaveWeighsHalf() {
        Demand d = DemandCalculator.compute(List.of(new Link(UUID.randomUUID(), ANNA, Importance.NICE_TO_HAVE)),
                Map.of(ANNA, eur("80000.00")), EUR);
        assertEquals(new BigDecimal("40000.00"), d.weightedDemand());
    }

    @Test
    void otherCurrenciesAreConvertedAtTheConfiguredRate() {
        Demand d = DemandCalculator.compute(List.of(new Link(UUID.randomUUID(), ANNA, Importance.IMPORTANT),
                        new Link(UUID.randomUUID(), BOB, Importance.CRITICAL)),
                Map.of(ANNA, new Revenue(new BigDecimal("100000.00"), "USD"), BOB, eur("10.00")), EUR);
        // 100 000 USD × 0.92 × 1 + 10 EUR × 2
        assertEquals(new BigDecimal("92020.00"), d.weightedDemand());
        assertEquals("EUR", d.currency());
    }

    @Test
    void aCurrencyWithoutRateIsLeftOutAndCounted() {
        Demand d = DemandCalculator.compute(List.of(new Link(UUID.randomUUID(), ANNA, Importance.IMPORTANT),
                        new Link(UUID.randomUUID(), BOB, Importance.IMPORTANT)),
                Map.of(ANNA, new Revenue(new BigDecimal("5000000.00"), "JPY"), BOB, eur("1000.00")), EUR);
        assertEquals(new BigDecimal("1000.00"), d.weightedDemand());
        assertEquals(1, d.customersWithoutRate());
        assertEquals(0, d.customersWithoutRevenue());
        assertEquals(2, d.customerCount());
    }

    @Test
    void aCustomerNotYetKnownCountsWithUnknownRevenue() {
        Demand d = DemandCalculator.compute(List.of(new Link(UUID.randomUUID(), CARLA, Importance.CRITICAL)),
                Map.of(), EUR);
        assertEquals(new BigDecimal("0.00"), d.weightedDemand());
        assertEquals(1, d.customerCount());
        assertEquals(1, d.customersWithoutRevenue());
    }

    @Test
    void feedbackWithoutCustomerCountsAsFeedbackOnly() {
        Demand d = DemandCalculator.compute(List.of(new Link(UUID.randomUUID(), null, Importance.CRITICAL)),
                Map.of(), EUR);
        assertEquals(1, d.feedbackCount());
        assertEquals(0, d.customerCount());
        assertEquals(0, d.customersWithoutRevenue());
    }

    @Test
    void roundsHalfUpOnceAtTheEnd() {
        ReportingRates rates = new ReportingRates("EUR", Map.of("USD", new BigDecimal("0.925")));
        Demand d = DemandCalculator.compute(List.of(new Link(UUID.randomUUID(), ANNA, Importance.NICE_TO_HAVE),
                        new Link(UUID.randomUUID(), BOB, Importance.NICE_TO_HAVE)),
                Map.of(ANNA, new Revenue(new BigDecimal("0.01"), "USD"), BOB, new Revenue(new BigDecimal("0.01"), "USD")),
                rates);
        // 2 × 0.01 × 0.925 × 0.5 = 0.00925 → 0.01
        assertEquals(new BigDecimal("0.01"), d.weightedDemand());
    }

    @Test
    void noLinksNoDemand() {
        Demand d = DemandCalculator.compute(List.of(), Map.of(), EUR);
        assertEquals(0, d.feedbackCount());
        assertEquals(new BigDecimal("0.00"), d.weightedDemand());
    }

    @Test
    void theReportingCurrencyHasRateOneAndBadRatesAreRefused() {
        assertEquals(BigDecimal.ONE, EUR.rate("EUR").orElseThrow());
        assertEquals(true, EUR.rate("GBP").isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> new ReportingRates("EUR", Map.of("USD", BigDecimal.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> new ReportingRates("euro", Map.of()));
    }
}
