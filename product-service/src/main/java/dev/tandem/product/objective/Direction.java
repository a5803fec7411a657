package dev.tandem.product.objective;

/** Which way a key result's metric should move: up (INCREASE) or down (DECREASE) from its baseline. */
public enum Direction {
    INCREASE,
    DECREASE
}
