package dev.tandem.product.product;

/** What backs a pivot: a feedback item known from feedback-service's events, or a key-result measurement. */
public enum EvidenceType {
    FEEDBACK, KEY_RESULT_MEASUREMENT
}
