package dev.tandem.feedback;

import static dev.tandem.feedback.LoopMails.customer;
import static dev.tandem.feedback.LoopMails.letTheRelayRun;
import static dev.tandem.feedback.LoopMails.linkedItem;
import static dev.tandem.feedback.LoopMails.release;
import static dev.tandem.feedback.LoopMails.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.devstack.infra.EmbeddedMail;
import dev.tandem.devstack.testing.EmbeddedMailTestResource.InjectEmbeddedMail;
import dev.tandem.events.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Mail is off unless configured: with {@code tandem.loop-mail.enabled=false} the loop closes and nobody is mailed. */
@QuarkusTest
@TestProfile(LoopMailDisabledTest.MailOff.class)
class LoopMailDisabledTest {

    /** The default of a deployment: an SMTP server may be configured, mail is still off. */
    public static class MailOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tandem.loop-mail.enabled", "false");
        }
    }

    @InjectEmbeddedMail
    EmbeddedMail smtp;

    @Test
    void theLoopClosesWithItsEventButNoMailIsWrittenOrSent() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Dark mode " + tag);
        String address = "gina-" + tag + "@acme.example";
        UUID gina = customer("Gina " + tag, address, false);
        linkedItem(gina, product, feature, "My eyes " + tag);

        release(feature, product, "Dark mode " + tag, UUID.randomUUID(), "2026.12");
        letTheRelayRun();

        assertEquals(1, TestData.outboxCount(EventType.FEEDBACK_LOOP_CLOSED, gina), "the loop closed");
        assertEquals(List.of(), rows(gina), "no mail queued");
        assertEquals(List.of(), smtp.receivedBy(address), "none sent");
    }
}
