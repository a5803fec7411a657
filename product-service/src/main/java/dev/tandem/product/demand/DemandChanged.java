package dev.tandem.product.demand;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the transaction of the change) when the stored demand of a feature really
 * changed: created, different numbers, or gone. Whoever shows demand observes it; the demand package knows no one.
 */
public record DemandChanged(UUID featureId) {
}
