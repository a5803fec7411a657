package dev.tandem.feedback.mail;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import dev.tandem.platform.time.Now;

/**
 * Sends what {@link LoopMail} queued in {@code mail_outbox}, through Quarkus Mailer (SMTP), at least once.
 *
 * <p>Every {@code tandem.loop-mail.send-every} (5 s) it takes the due mails one at a time: in one transaction it
 * claims the oldest due row with {@code FOR UPDATE SKIP LOCKED} (so several instances never send the same mail at
 * once), sends it while holding that lock, and marks it sent — or, when sending failed, counts the attempt and makes
 * it due again after a back-off that doubles from {@code tandem.loop-mail.backoff} (30 s) up to
 * {@code tandem.loop-mail.max-backoff} (1 h); after {@code tandem.loop-mail.max-attempts} it is abandoned. A mail
 * whose customer opted out after it was queued is abandoned unsent. Nothing is lost when the service stops: an
 * unsent row stays due. A crash (or a lost database) between the SMTP server's acceptance and the commit sends that
 * one mail again, with the same {@code Message-ID}.
 *
 * <p>Counters: {@code tandem.loop-mail.sent}, {@code tandem.loop-mail.failed} (failed attempts) and
 * {@code tandem.loop-mail.abandoned} (tag {@code reason}: {@code opted-out}, {@code gave-up}).
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);

    /** The oldest due mail no other instance holds, with whether its customer opted out since it was queued. */
    private static final String CLAIM = """
            SELECT m.id, m.recipient, m.subject, m.text_body, m.html_body, m.attempts, m.loop_closed_event_id,
                   c.email_opt_out
              FROM mail_outbox m JOIN customer c ON c.id = m.customer_id
             WHERE m.sent_at IS NULL AND m.abandoned_at IS NULL AND m.next_attempt_at <= now()
             ORDER BY m.next_attempt_at
             LIMIT 1
               FOR UPDATE OF m SKIP LOCKED""";

    @Inject
    LoopMailConfig config;

    @Inject
    Mailer mailer;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry meters;

    /** How long Quarkus Mailer waits for the SMTP server; the claiming transaction must outlast it. */
    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s")
    Duration mailerTimeout;

    private enum Outcome { NONE_DUE, SENT, FAILED, ABANDONED }

    @Scheduled(identity = "tandem-loop-mail", every = "${tandem.loop-mail.send-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        if (!config.enabled()) {
            return;
        }
        try {
            sendDueNow();
        } catch (RuntimeException e) {
            // the database is away, say: the rows wait, the next run tries again
            LOG.warnf("loop mail: sending stopped for this run, tried again in the next: %s", describe(e));
        }
    }

    /** Takes up to {@code tandem.loop-mail.batch-size} due mails now; returns how many were sent. */
    public int sendDueNow() {
        int sent = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            Outcome outcome = QuarkusTransaction.requiringNew()
                    .timeout((int) mailerTimeout.plusSeconds(30).toSeconds())
                    .call(this::sendOne);
            if (outcome == Outcome.NONE_DUE) {
                break;
            }
            if (outcome == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    private Outcome sendOne() {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery(CLAIM).getResultList();
        if (rows.isEmpty()) {
            return Outcome.NONE_DUE;
        }
        Object[] row = rows.get(0);
        UUID id = (UUID) row[0];
        String recipient = (String) row[1];
        int attempts = ((Number) row[5]).intValue() + 1;
        if ((Boolean) row[7]) {
            abandon(id, attempts - 1, "the customer opted out before it was sent", "opted-out");
            return Outcome.ABANDONED;
        }
        Mail mail = Mail.withText(recipient, (String) row[2], (String) row[3])
                .setHtml((String) row[4])
                // the same on every attempt, so a mail sent twice (at least once) can be recognised as one
                .addHeader("Message-ID", "<" + id + "@tandem>");
        if (row[6] != null) {
            mail.addHeader("X-Tandem-Event-Id", row[6].toString());
        }
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            String error = describe(e);
            meters.counter("tandem.loop-mail.failed").increment();
            if (attempts >= config.maxAttempts()) {
                LOG.errorf("loop mail %s: attempt %d failed, giving up: %s", id, attempts, error);
                abandon(id, attempts, "gave up after " + attempts + " attempts: " + error, "gave-up");
                return Outcome.ABANDONED;
            }
            Duration wait = backoff(attempts, config.backoff(), config.maxBackoff());
            LOG.warnf("loop mail %s: attempt %d failed, next in %s: %s", id, attempts, wait, error);
            em.createNativeQuery("""
                            UPDATE mail_outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4 WHERE id = ?1""")
                    .setParameter(1, id).setParameter(2, attempts)
                    .setParameter(3, Now.instant().plus(wait).truncatedTo(ChronoUnit.MICROS))
                    .setParameter(4, error).executeUpdate();
            return Outcome.FAILED;
        }
        em.createNativeQuery("UPDATE mail_outbox SET attempts = ?2, sent_at = now(), last_error = NULL WHERE id = ?1")
                .setParameter(1, id).setParameter(2, attempts).executeUpdate();
        meters.counter("tandem.loop-mail.sent").increment();
        return Outcome.SENT;
    }

    private void abandon(UUID id, int attempts, String reason, String tag) {
        em.createNativeQuery("""
                        UPDATE mail_outbox SET attempts = ?2, abandoned_at = now(), last_error = ?3 WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, attempts).setParameter(3, truncate(reason)).executeUpdate();
        meters.counter("tandem.loop-mail.abandoned", "reason", tag).increment();
    }

    /** The wait after {@code failures} failed attempts: {@code first}, doubled for each further one, at most {@code max}. */
    static Duration backoff(int failures, Duration first, Duration max) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Deletes sent and abandoned mails older than {@code tandem.loop-mail.retention}; unsent ones are kept. */
    @Scheduled(identity = "tandem-loop-mail-retention", every = "${tandem.retention.purge-every:1h}",
            delayed = "${tandem.retention.purge-delay:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            LOG.warnf("loop mail: purge failed, tried again in the next period: %s", describe(e));
        }
    }

    /** Returns how many rows were deleted. */
    public int purgeNow() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        DELETE FROM mail_outbox
                         WHERE coalesce(sent_at, abandoned_at) < now() - make_interval(secs => ?1)""")
                .setParameter(1, config.retention().toMillis() / 1000.0).executeUpdate());
    }

    /** The innermost cause that says something, for last_error and the log: {@code SMTPException: 550 …}. */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? "" : ": " + t.getMessage();
        return truncate(t.getClass().getSimpleName() + message);
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
