package dev.tandem.feedback.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import dev.tandem.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Editing is the author's, without Quarkus. */
class CommentRulesTest {

    private static Comment comment() {
        return Comment.create(UUID.randomUUID(), " bo.eng@example.com ", Discipline.ENGINEERING, " Reproduced. ");
    }

    @Test
    void theAuthorEditsTheText() {
        Comment c = comment();
        assertEquals("bo.eng@example.com", c.author());
        assertEquals("Reproduced.", c.text());
        assertTrue(c.edit("Bo.Eng@example.com", "Reproduced on staging."));
        assertEquals("Reproduced on staging.", c.text());
        assertFalse(c.edit("bo.eng@example.com", " Reproduced on staging. "), "the same text is no change");
    }

    @Test
    void anyoneElseIsForbiddenAndChangesNothing() {
        Comment c = comment();
        ProblemException e = assertThrows(ProblemException.class, () -> c.edit("ana.pm@example.com", "Mine now."));
        assertEquals(403, e.status());
        assertEquals("Reproduced.", c.text());
    }
}
