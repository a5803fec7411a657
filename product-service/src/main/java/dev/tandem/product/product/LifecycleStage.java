package dev.tandem.product.product;

/** Where a product is in its life. Moves forward only; RETIRED is reachable from any stage and is final. */
public enum LifecycleStage {
    CONCEPT, DEVELOPMENT, LAUNCHED, GROWTH, MATURITY, DECLINE, RETIRED
}
