package dev.tandem.feedback.feedback;

/** The channel a feedback item came through. */
public enum Source {
    SUPPORT, SURVEY, INTERVIEW, SALES, IN_APP, SOCIAL, OTHER
}
