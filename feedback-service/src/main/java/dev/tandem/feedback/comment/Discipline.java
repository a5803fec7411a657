package dev.tandem.feedback.comment;

/** The discipline of a team member taking part in the discussion of a feedback item. */
public enum Discipline {
    PRODUCT, PROJECT, ENGINEERING, DESIGN, SUPPORT, SALES, MARKETING
}
