package dev.tandem.project.project;

import static dev.tandem.project.project.ProjectStatus.ACTIVE;
import static dev.tandem.project.project.ProjectStatus.APPROVED;
import static dev.tandem.project.project.ProjectStatus.CANCELLED;
import static dev.tandem.project.project.ProjectStatus.COMPLETED;
import static dev.tandem.project.project.ProjectStatus.ON_HOLD;
import static dev.tandem.project.project.ProjectStatus.PROPOSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProjectStatusTest {

    @Test
    void theMachineAllowsExactlyTheDocumentedMoves() {
        assertEquals(EnumSet.of(APPROVED, CANCELLED), PROPOSED.allowedNext());
        assertEquals(EnumSet.of(ACTIVE, CANCELLED), APPROVED.allowedNext());
        assertEquals(EnumSet.of(ON_HOLD, COMPLETED, CANCELLED), ACTIVE.allowedNext());
        assertEquals(EnumSet.of(ACTIVE, CANCELLED), ON_HOLD.allowedNext());
        assertEquals(Set.of(), COMPLETED.allowedNext());
        assertEquals(Set.of(), CANCELLED.allowedNext());
    }

    @Test
    void cancellingIsPossibleFromEveryNonFinalStatus() {
        for (ProjectStatus s : ProjectStatus.values()) {
            assertEquals(!s.isFinal(), s.canMoveTo(CANCELLED), s.name());
        }
    }

    @Test
    void noStatusMovesToItselfAndNothingSkipsApproval() {
        for (ProjectStatus s : ProjectStatus.values()) {
            assertFalse(s.canMoveTo(s), s.name());
        }
        assertFalse(PROPOSED.canMoveTo(ACTIVE));
        assertFalse(PROPOSED.canMoveTo(COMPLETED));
        assertFalse(ON_HOLD.canMoveTo(COMPLETED), "resume before completing");
        assertTrue(ON_HOLD.canMoveTo(ACTIVE));
        assertTrue(COMPLETED.isFinal());
        assertTrue(CANCELLED.isFinal());
    }
}
