package dev.tandem.product.release;

/** PLANNED until released; RELEASED is final. */
public enum ReleaseStatus {
    PLANNED, RELEASED
}
