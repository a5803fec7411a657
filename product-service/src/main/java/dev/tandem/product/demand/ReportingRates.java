package dev.tandem.product.demand;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fixed exchange rates into the reporting currency: {@code rates.get("USD") = 0.92} means 1 USD counts as 0.92 of the
 * reporting currency. The reporting currency itself always has rate 1.
 */
public record ReportingRates(String currency, Map<String, BigDecimal> rates) {

    public ReportingRates {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("tandem.demand.currency must be an ISO 4217 code, got " + currency);
        }
        Map<String, BigDecimal> copy = new TreeMap<>();
        rates.forEach((code, rate) -> {
            String c = code.strip().toUpperCase(Locale.ROOT);
            if (!c.matches("[A-Z]{3}") || rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("tandem.demand.rates.\"" + code + "\" must be a positive rate for "
                        + "an ISO 4217 code, got " + rate);
            }
            copy.put(c, rate);
        });
        rates = Map.copyOf(copy);
    }

    /** How much one unit of {@code from} is worth in the reporting currency; empty when no rate is configured. */
    public Optional<BigDecimal> rate(String from) {
        if (currency.equals(from)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(rates.get(from));
    }
}
