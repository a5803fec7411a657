package dev.tandem.product.demand;

import java.math.BigDecimal;

/** How much a customer needs a feature, as they said when their feedback was linked to it, and its demand weight. */
public enum Importance {
    NICE_TO_HAVE(new BigDecimal("0.5")), IMPORTANT(BigDecimal.ONE), CRITICAL(BigDecimal.valueOf(2));

    private final BigDecimal weight;

    Importance(BigDecimal weight) {
        this.weight = weight;
    }

    public BigDecimal weight() {
        return weight;
    }
}
