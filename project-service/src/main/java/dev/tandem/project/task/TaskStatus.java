package dev.tandem.project.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * A task's status: TODO → IN_PROGRESS → DONE; BLOCKED (with a reason) from TODO or IN_PROGRESS, and back to TODO or
 * IN_PROGRESS. DONE is final.
 */
public enum TaskStatus {
    TODO, IN_PROGRESS, BLOCKED, DONE;

    /** The statuses a task in this status may move to, in a stable order. */
    public Set<TaskStatus> allowedNext() {
        return switch (this) {
            case TODO -> EnumSet.of(IN_PROGRESS, BLOCKED);
            case IN_PROGRESS -> EnumSet.of(BLOCKED, DONE);
            case BLOCKED -> EnumSet.of(TODO, IN_PROGRESS);
            case DONE -> EnumSet.noneOf(TaskStatus.class);
        };
    }

    public boolean canMoveTo(TaskStatus target) {
        return allowedNext().contains(target);
    }
}
