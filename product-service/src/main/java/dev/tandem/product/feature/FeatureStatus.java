package dev.tandem.product.feature;

import java.util.List;

/**
 * A feature's status: IDEA → CANDIDATE → PLANNED → COMMITTED → IN_DELIVERY → DELIVERED → RELEASED, one step at a time.
 * REJECTED (with a reason) from any state before COMMITTED; a rejected feature may reopen to IDEA.
 */
public enum FeatureStatus {
    IDEA, CANDIDATE, PLANNED, COMMITTED, IN_DELIVERY, DELIVERED, RELEASED, REJECTED;

    /** The statuses a feature in this status may move to. */
    public List<FeatureStatus> allowedNext() {
        return switch (this) {
            case IDEA -> List.of(CANDIDATE, REJECTED);
            case CANDIDATE -> List.of(PLANNED, REJECTED);
            case PLANNED -> List.of(COMMITTED, REJECTED);
            case COMMITTED -> List.of(IN_DELIVERY);
            case IN_DELIVERY -> List.of(DELIVERED);
            case DELIVERED -> List.of(RELEASED);
            case RELEASED -> List.of();
            case REJECTED -> List.of(IDEA);
        };
    }

    public boolean canMoveTo(FeatureStatus to) {
        return allowedNext().contains(to);
    }
}
