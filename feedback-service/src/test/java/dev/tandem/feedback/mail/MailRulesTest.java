package dev.tandem.feedback.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The relay's back-off and what a subject may hold. */
class MailRulesTest {

    @Test
    void theWaitDoublesFromThirtySecondsAndStaysAtAnHour() {
        Duration first = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(30), MailRelay.backoff(1, first, max));
        assertEquals(Duration.ofMinutes(1), MailRelay.backoff(2, first, max));
        assertEquals(Duration.ofMinutes(2), MailRelay.backoff(3, first, max));
        assertEquals(Duration.ofMinutes(32), MailRelay.backoff(7, first, max));
        assertEquals(max, MailRelay.backoff(8, first, max), "30 s x 2^7 is past the hour");
        assertEquals(max, MailRelay.backoff(50, first, max));
        assertEquals(max, MailRelay.backoff(Integer.MAX_VALUE, first, max), "no overflow");
    }

    @Test
    void theSubjectNamesTheFeatureOnOneLine() {
        LoopClosedMail mail = new LoopClosedMail("Acme", "Bulk\r\nrefunds", null, null, null,
                LocalDate.parse("2026-11-22"), List.of());
        assertEquals("Released: Bulk refunds", mail.subject());
    }

    @Test
    void theErrorKeptIsTheInnermostCause() {
        RuntimeException e = new RuntimeException("send failed",
                new IllegalStateException("wrapped", new java.net.ConnectException("Connection refused")));
        assertEquals("ConnectException: Connection refused", MailRelay.describe(e));
        assertEquals(1000, MailRelay.describe(new RuntimeException("x".repeat(5000))).length());
    }
}
