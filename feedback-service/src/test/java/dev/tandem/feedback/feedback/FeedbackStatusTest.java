package dev.tandem.feedback.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.feedback.sentiment.SentimentAnalyzer;
import dev.tandem.feedback.sentiment.SentimentLabel;
import dev.tandem.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

/** The status flow and the triage rules on the Feedback aggregate, without Quarkus. */
class FeedbackStatusTest {

    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.standard();

    private static Feedback item() {
        return Feedback.create(Source.SUPPORT, " ZD-1 ", UUID.randomUUID(), UUID.randomUUID(), " Slow ",
                "The page is very slow.", Instant.parse("2026-11-21T16:40:00.123456789Z"),
                List.of("Performance", "performance ", "checkout"), "", ANALYZER);
    }

    @Test
    void aNewItemIsNewWithNormalisedFieldsAndItsSentiment() {
        Feedback f = item();
        assertEquals(FeedbackStatus.NEW, f.status());
        assertEquals("ZD-1", f.externalReference());
        assertEquals("Slow", f.title());
        assertEquals(List.of("performance", "checkout"), f.tags());
        assertEquals(null, f.owner());
        assertEquals(Instant.parse("2026-11-21T16:40:00.123456Z"), f.receivedAt());
        assertEquals(SentimentLabel.NEGATIVE, f.sentiment().label());
    }

    @Test
    void theMainFlowRunsToClosed() {
        Feedback f = item();
        for (FeedbackStatus next : List.of(FeedbackStatus.TRIAGED, FeedbackStatus.PLANNED, FeedbackStatus.ADDRESSED,
                FeedbackStatus.CLOSED)) {
            FeedbackStatus from = f.status();
            assertEquals(from, f.moveTo(next));
            assertEquals(next, f.status());
        }
        assertEquals(Set.of(), FeedbackStatus.CLOSED.allowedNext());
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheAllowedOnes() {
        Feedback f = item();
        DomainException e = assertThrows(DomainException.class, () -> f.moveTo(FeedbackStatus.CLOSED));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("allowed: TRIAGED, ARCHIVED, SPAM"), e.getMessage());
        assertEquals(FeedbackStatus.NEW, f.status());
    }

    @Test
    void closedIsFinal() {
        Feedback f = item();
        f.moveTo(FeedbackStatus.TRIAGED);
        f.moveTo(FeedbackStatus.PLANNED);
        f.moveTo(FeedbackStatus.ADDRESSED);
        f.moveTo(FeedbackStatus.CLOSED);
        DomainException e = assertThrows(DomainException.class, () -> f.moveTo(FeedbackStatus.NEW));
        assertTrue(e.getMessage().contains("final"), e.getMessage());
    }

    @Test
    void archivedAndSpamCanBeRestoredToNewOnly() {
        assertEquals(Set.of(FeedbackStatus.NEW), FeedbackStatus.ARCHIVED.allowedNext());
        assertEquals(Set.of(FeedbackStatus.NEW), FeedbackStatus.SPAM.allowedNext());
        assertTrue(FeedbackStatus.PLANNED.canMoveTo(FeedbackStatus.ARCHIVED));
        assertTrue(!FeedbackStatus.PLANNED.canMoveTo(FeedbackStatus.SPAM));
        assertTrue(!FeedbackStatus.ADDRESSED.canMoveTo(FeedbackStatus.ARCHIVED));
        assertTrue(!FeedbackStatus.NEW.canMoveTo(FeedbackStatus.NEW));
    }

    @Test
    void aTextChangeRecomputesTheSentimentAndOnlyRealChangesCount() {
        Feedback f = item();
        assertEquals(List.of(), f.update("Slow", "The page is very slow.", List.of("PERFORMANCE", "checkout"), null,
                null, null, null, ANALYZER));
        List<String> changed = f.update(null, "Now it is fast and reliable, great work!", null, "ana", null, null,
                null, ANALYZER);
        assertEquals(List.of("text", "owner"), changed);
        assertEquals(SentimentLabel.POSITIVE, f.sentiment().label());
        assertEquals(List.of("owner"), f.update(null, null, null, "", null, null, null, ANALYZER));
        assertEquals(null, f.owner());
    }

    @Test
    void linkingPlansNewAndTriagedItemsAndLeavesTheOthers() {
        assertEquals(FeedbackStatus.PLANNED, FeedbackStatus.NEW.afterLink());
        assertEquals(FeedbackStatus.PLANNED, FeedbackStatus.TRIAGED.afterLink());
        for (FeedbackStatus s : Set.of(FeedbackStatus.PLANNED, FeedbackStatus.ADDRESSED, FeedbackStatus.CLOSED,
                FeedbackStatus.ARCHIVED, FeedbackStatus.SPAM)) {
            assertEquals(s, s.afterLink(), s.name());
        }
    }

    @Test
    void aReleaseAddressesOpenItemsButNotClosedArchivedOrSpam() {
        for (FeedbackStatus s : Set.of(FeedbackStatus.NEW, FeedbackStatus.TRIAGED, FeedbackStatus.PLANNED)) {
            assertEquals(FeedbackStatus.ADDRESSED, s.afterRelease(), s.name());
        }
        for (FeedbackStatus s : Set.of(FeedbackStatus.ADDRESSED, FeedbackStatus.CLOSED, FeedbackStatus.ARCHIVED,
                FeedbackStatus.SPAM)) {
            assertEquals(s, s.afterRelease(), s.name());
        }
        Feedback f = item();
        assertEquals(FeedbackStatus.NEW, f.featureReleased());
        assertEquals(FeedbackStatus.ADDRESSED, f.status());
        assertEquals(null, f.featureReleased(), "a second release changes nothing");
    }

    @Test
    void aLinkChangeReportsTheStatusItLeftOnlyWhenItMoved() {
        Feedback f = item();
        assertEquals(FeedbackStatus.NEW, f.linksChanged(f.status().afterLink()));
        assertEquals(FeedbackStatus.PLANNED, f.status());
        assertEquals(null, f.linksChanged(f.status().afterLink()));
    }

    @Test
    void anImportanceChangeReturnsThePreviousImportanceOnlyWhenItChanged() {
        FeedbackLink link = FeedbackLink.create(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Importance.IMPORTANT, "Ana Lima", " ana.pm@example.com ");
        assertEquals("Ana Lima", link.linkedBy());
        assertEquals("ana.pm@example.com", link.onBehalfOf());
        assertEquals(null, link.changeImportance(Importance.IMPORTANT));
        assertEquals(Importance.IMPORTANT, link.changeImportance(Importance.CRITICAL));
        assertEquals(Importance.CRITICAL, link.importance());
    }
}
