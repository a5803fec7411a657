package dev.tandem.feedback.mail;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.tandem.feedback.customer.Customer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the mail that tells a customer their loop closed into {@code mail_outbox}, in the transaction that publishes
 * {@code feedback.loop-closed}: both happen, or neither. The mail is rendered now, from the templates
 * {@code templates/LoopMail/}, so it says what was true when the loop closed; {@link MailRelay} sends it.
 *
 * <p>Nothing is written while {@code tandem.loop-mail.enabled} is false (the default), for a customer without a
 * contact e-mail, or for one who opted out.
 */
@ApplicationScoped
public class LoopMail {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance loopClosedText(LoopClosedMail mail);

        static native TemplateInstance loopClosedHtml(LoopClosedMail mail);
    }

    @Inject
    LoopMailConfig config;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.mailer.from")
    Optional<String> from;

    /** Turned on without a sender, every mail would fail at the SMTP server: refuse to start instead. */
    void checkConfiguration(@Observes StartupEvent started) {
        if (config.enabled() && from.filter(f -> !f.isBlank()).isEmpty()) {
            throw new IllegalStateException("tandem.loop-mail.enabled is true but quarkus.mailer.from is not set: "
                    + "set QUARKUS_MAILER_FROM (and QUARKUS_MAILER_HOST/PORT), or TANDEM_LOOP_MAIL_ENABLED=false");
        }
    }

    /**
     * Queues the mail to {@code customer} if mail is on and they may be written to.
     *
     * @param loopClosedEventId the ce_id of the {@code feedback.loop-closed} event published with it
     * @return whether a mail was queued
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean loopClosed(Customer customer, LoopClosedMail mail, UUID loopClosedEventId) {
        if (!config.enabled() || !customer.reachableByEmail()) {
            return false;
        }
        em.createNativeQuery("""
                        INSERT INTO mail_outbox (id, customer_id, loop_closed_event_id, recipient, subject, text_body,
                                                 html_body, created_at, next_attempt_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now(), now())""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, customer.id())
                .setParameter(3, loopClosedEventId)
                .setParameter(4, customer.contactEmail())
                .setParameter(5, mail.subject())
                .setParameter(6, Templates.loopClosedText(mail).render())
                .setParameter(7, Templates.loopClosedHtml(mail).render())
                .executeUpdate();
        return true;
    }
}
