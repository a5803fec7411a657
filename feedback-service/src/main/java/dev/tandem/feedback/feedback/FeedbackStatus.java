package dev.tandem.feedback.feedback;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a feedback item is in its life. The main flow is NEW → TRIAGED → PLANNED → ADDRESSED → CLOSED; an item not
 * worth acting on is ARCHIVED (from NEW, TRIAGED or PLANNED) or marked SPAM (from NEW or TRIAGED). An archived or
 * spam item can be restored to NEW. CLOSED is final.
 */
public enum FeedbackStatus {
    NEW, TRIAGED, PLANNED, ADDRESSED, CLOSED, ARCHIVED, SPAM;

    /** The statuses this one may move to. */
    public Set<FeedbackStatus> allowedNext() {
        return switch (this) {
            case NEW -> EnumSet.of(TRIAGED, ARCHIVED, SPAM);
            case TRIAGED -> EnumSet.of(PLANNED, ARCHIVED, SPAM);
            case PLANNED -> EnumSet.of(ADDRESSED, ARCHIVED);
            case ADDRESSED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(FeedbackStatus.class);
            case ARCHIVED, SPAM -> EnumSet.of(NEW);
        };
    }

    public boolean canMoveTo(FeedbackStatus target) {
        return allowedNext().contains(target);
    }

    /** The status after the item is linked to a feature: NEW and TRIAGED become PLANNED, the others stay. */
    public FeedbackStatus afterLink() {
        return this == NEW || this == TRIAGED ? PLANNED : this;
    }

    /**
     * The status after a linked feature is released: NEW, TRIAGED and PLANNED become ADDRESSED; ADDRESSED, CLOSED,
     * ARCHIVED and SPAM stay (an archived or spam item was judged not worth an answer).
     */
    public FeedbackStatus afterRelease() {
        return this == NEW || this == TRIAGED || this == PLANNED ? ADDRESSED : this;
    }
}
