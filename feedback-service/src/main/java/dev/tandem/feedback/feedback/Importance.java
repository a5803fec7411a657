package dev.tandem.feedback.feedback;

/** How much a feature matters to the feedback linked to it. */
public enum Importance {
    NICE_TO_HAVE, IMPORTANT, CRITICAL
}
