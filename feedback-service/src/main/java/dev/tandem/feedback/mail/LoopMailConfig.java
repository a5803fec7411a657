package dev.tandem.feedback.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tandem.loop-mail.*}: customers told by e-mail when a loop closes. Off unless configured. */
@ConfigMapping(prefix = "tandem.loop-mail")
public interface LoopMailConfig {

    /**
     * Whether a mail is written (and sent) for each {@code feedback.loop-closed} to a customer with a contact e-mail
     * who did not opt out. Needs {@code quarkus.mailer.from} and an SMTP server ({@code quarkus.mailer.host},
     * {@code .port}, and credentials and TLS as the server wants them).
     */
    @WithDefault("false")
    boolean enabled();

    /** How often the relay looks for due mails (read by the scheduler; listed here so it is documented in one place). */
    @WithDefault("5s")
    String sendEvery();

    /** At most this many mails per run of the relay; the rest wait for the next run. */
    @WithDefault("50")
    int batchSize();

    /** The wait after the first failed attempt; it doubles with every further failure, up to {@link #maxBackoff()}. */
    @WithDefault("PT30S")
    Duration backoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /**
     * After this many failed attempts a mail is abandoned (kept, with its last error; set {@code attempts} back to 0
     * to try again). With the defaults: retried for about two days.
     */
    @WithDefault("50")
    int maxAttempts();

    /** Sent and abandoned mails are deleted this long after (they hold personal data); unsent ones never are. */
    @WithDefault("P30D")
    Duration retention();
}
