package dev.tandem.feedback.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.security.Actor;
import org.junit.jupiter.api.Test;

/** Editing is the author's, without Quarkus. */
class CommentRulesTest {

    private static final Actor BO = new Actor("u-bo", Actor.Kind.PERSON, "Bo Eng");

    private static Comment comment() {
        return Comment.create(UUID.randomUUID(), BO, " bo.eng@example.com ", Discipline.ENGINEERING, " Reproduced. ");
    }

    @Test
    void theAuthorIsTheCallerAndTheNameSentIsOnBehalfOf() {
        Comment c = comment();
        assertEquals("Bo Eng", c.author());
        assertEquals(BO, c.createdBy());
        assertEquals("bo.eng@example.com", c.onBehalfOf());
        assertEquals(null, Comment.create(UUID.randomUUID(), BO, " ", Discipline.DESIGN, "x").onBehalfOf());
    }

    @Test
    void theAuthorEditsTheText() {
        Comment c = comment();
        assertEquals("Reproduced.", c.text());
        assertTrue(c.edit(new Actor("u-bo", Actor.Kind.PERSON, "Bo E. (renamed)"), "Reproduced on staging."));
        assertEquals("Reproduced on staging.", c.text());
        assertFalse(c.edit(BO, " Reproduced on staging. "), "the same text is no change");
    }

    @Test
    void anyoneElseIsForbiddenEvenWithTheAuthorsNameAndChangesNothing() {
        Comment c = comment();
        DomainException e = assertThrows(DomainException.class,
                () -> c.edit(new Actor("u-mallory", Actor.Kind.PERSON, "Bo Eng"), "Mine now."));
        assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
        assertEquals("author", e.issues().get(0).field());
        assertEquals("Reproduced.", c.text());
    }
}
