package dev.tandem.devstack.infra;

import java.time.Instant;

/**
 * One message the embedded mail server accepted for one recipient, as a test or a person would check it.
 *
 * @param receivedAt when the server accepted it
 * @param recipient  the envelope recipient ({@code RCPT TO}): whom it was delivered to
 * @param from       the {@code From} header
 * @param subject    the decoded {@code Subject}
 * @param messageId  the {@code Message-ID} header
 * @param text       the {@code text/plain} part, decoded (null when there is none)
 * @param html       the {@code text/html} part, decoded (null when there is none)
 */
public record ReceivedMail(Instant receivedAt, String recipient, String from, String subject, String messageId,
                           String text, String html) {
}
