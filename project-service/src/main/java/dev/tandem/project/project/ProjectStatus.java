package dev.tandem.project.project;

import java.util.EnumSet;
import java.util.Set;

/**
 * A project's status: PROPOSED → APPROVED → ACTIVE ⇄ ON_HOLD, ACTIVE → COMPLETED; CANCELLED from any non-final
 * state. COMPLETED and CANCELLED are final. A project on hold is resumed (ACTIVE) before it is completed.
 */
public enum ProjectStatus {
    PROPOSED, APPROVED, ACTIVE, ON_HOLD, COMPLETED, CANCELLED;

    /** The statuses a project in this status may move to, in a stable order. */
    public Set<ProjectStatus> allowedNext() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, CANCELLED);
            case APPROVED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(ON_HOLD, COMPLETED, CANCELLED);
            case ON_HOLD -> EnumSet.of(ACTIVE, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    public boolean canMoveTo(ProjectStatus target) {
        return allowedNext().contains(target);
    }

    public boolean isFinal() {
        return allowedNext().isEmpty();
    }
}
