package dev.tandem.feedback;

import static dev.tandem.feedback.LoopMails.await;
import static dev.tandem.feedback.LoopMails.customer;
import static dev.tandem.feedback.LoopMails.letTheRelayRun;
import static dev.tandem.feedback.LoopMails.linkedItem;
import static dev.tandem.feedback.LoopMails.loopClosedEventId;
import static dev.tandem.feedback.LoopMails.release;
import static dev.tandem.feedback.LoopMails.rows;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.tandem.devstack.infra.EmbeddedMail;
import dev.tandem.devstack.infra.ReceivedMail;
import dev.tandem.devstack.testing.EmbeddedMailTestResource.InjectEmbeddedMail;
import dev.tandem.events.EventType;
import dev.tandem.feedback.catalog.CatalogProduct;
import dev.tandem.feedback.mail.MailRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Customers told by e-mail when a feature they asked for is released: through Quarkus Mailer to a real SMTP server
 * (GreenMail, {@code EmbeddedMailTestResource}), from the {@code feature.released} event on the real broker.
 */
@QuarkusTest
class LoopMailTest {

    @InjectEmbeddedMail
    EmbeddedMail smtp;

    @Inject
    MailRelay relay;

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void eachCustomerToldGetsOneMailNamingTheFeatureTheReleaseAndTheirOwnFeedback() throws Exception {
        String tag = tag();
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Bulk refunds " + tag);
        UUID releaseId = UUID.randomUUID();
        String aliceMail = "alice-" + tag + "@acme.example";
        String bobMail = "bob-" + tag + "@bolt.example";
        UUID alice = customer("Alice " + tag, aliceMail, false);
        UUID bob = customer("Bob " + tag, bobMail, false);
        UUID carol = customer("Carol " + tag, "carol-" + tag + "@corvo.example", true);
        UUID dave = customer("Dave " + tag, null, false);
        linkedItem(alice, product, feature, "Refunds one by one take hours " + tag);
        linkedItem(alice, product, feature, "Need bulk refunds " + tag);
        linkedItem(bob, product, feature, "<b>Bulk</b> & more " + tag);
        linkedItem(carol, product, feature, "Carol wants refunds " + tag);
        linkedItem(dave, product, feature, "Dave wants refunds " + tag);

        release(feature, product, "Bulk refunds " + tag, releaseId, "2026.12");

        await(() -> smtp.receivedBy(aliceMail).size() == 1 && smtp.receivedBy(bobMail).size() == 1,
                "a mail to Alice and one to Bob");
        ReceivedMail toAlice = smtp.receivedBy(aliceMail).get(0);
        assertEquals("Released: Bulk refunds " + tag, toAlice.subject());
        assertEquals("Tandem <no-reply@tandem.localhost>", toAlice.from());
        for (String part : List.of(toAlice.text(), toAlice.html())) {
            assertTrue(part.contains("Hello Alice " + tag), part);
            assertTrue(part.contains("Bulk refunds " + tag), part);
            assertTrue(part.contains("Test product"), "the product, from the catalog: " + part);
            assertTrue(part.contains("2026.12") && part.contains(releaseId.toString()) && part.contains("2026-11-22"),
                    "the release's name, id and day: " + part);
            assertTrue(part.contains("Refunds one by one take hours " + tag) && part.contains("Need bulk refunds " + tag),
                    "Alice's own feedback: " + part);
            assertFalse(part.contains("Bulk</b> & more") || part.contains("Carol") || part.contains("Dave"),
                    "nobody else's: " + part);
        }
        ReceivedMail toBob = smtp.receivedBy(bobMail).get(0);
        assertTrue(toBob.text().contains("  - <b>Bulk</b> & more " + tag), "the text as written: " + toBob.text());
        assertTrue(toBob.html().contains("<li>&lt;b&gt;Bulk&lt;/b&gt; &amp; more " + tag + "</li>"),
                "escaped in the HTML: " + toBob.html());

        Map<String, Object> row = rows(alice).get(0);
        assertEquals(aliceMail, row.get("recipient"));
        assertNotNull(row.get("sent_at"));
        assertEquals(1, ((Number) row.get("attempts")).intValue());
        assertEquals(loopClosedEventId(alice), row.get("loop_closed_event_id"), "the mail names its event");
        assertEquals("<" + row.get("id") + "@tandem>", toAlice.messageId(), "a Message-ID that survives a resend");

        // Carol opted out, Dave has no address: no mail, but the event is published for both
        assertEquals(1, TestData.outboxCount(EventType.FEEDBACK_LOOP_CLOSED, carol));
        assertEquals(1, TestData.outboxCount(EventType.FEEDBACK_LOOP_CLOSED, dave));
        assertEquals(List.of(), rows(carol));
        assertEquals(List.of(), rows(dave));

        // the feature released again under a new ce_id tells nobody twice, by event or by mail
        release(feature, product, "Bulk refunds " + tag, releaseId, "2026.12");
        letTheRelayRun();
        assertEquals(1, smtp.receivedBy(aliceMail).size());
        assertEquals(1, smtp.receivedBy(bobMail).size());
        assertTrue(smtp.receivedBy("carol-" + tag + "@corvo.example").isEmpty());
        assertTrue(given().get("/q/metrics").then().extract().asString().lines()
                .anyMatch(l -> l.startsWith("tandem_loop_mail_sent_total") && !l.endsWith(" 0.0")), "counted");
    }

    @Test
    void whileTheSmtpServerIsDownTheMailWaitsAndIsDeliveredOnceWhenItIsBack() throws Exception {
        String tag = tag();
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Payout reports " + tag);
        String erinMail = "erin-" + tag + "@acme.example";
        UUID erin = customer("Erin " + tag, erinMail, false);
        linkedItem(erin, product, feature, "Reports please " + tag);
        smtp.stop();
        try {
            release(feature, product, "Payout reports " + tag, null, null);
            await(() -> rows(erin).size() == 1 && ((Number) rows(erin).get(0).get("attempts")).intValue() >= 2,
                    "two failed attempts while the SMTP server is down");
            Map<String, Object> waiting = rows(erin).get(0);
            assertNull(waiting.get("sent_at"));
            assertNull(waiting.get("abandoned_at"));
            assertNotNull(waiting.get("last_error"), "the error is kept: " + waiting);
        } finally {
            smtp.start();
        }
        await(() -> smtp.receivedBy(erinMail).size() == 1, "the mail delivered once the server is back");
        letTheRelayRun();
        assertEquals(1, smtp.receivedBy(erinMail).size(), "delivered once, not again");
        Map<String, Object> sent = rows(erin).get(0);
        assertNotNull(sent.get("sent_at"));
        assertNull(sent.get("last_error"));
        ReceivedMail mail = smtp.receivedBy(erinMail).get(0);
        assertTrue(mail.text().contains("It shipped on 2026-11-22.") && !mail.text().contains("release id"),
                "released without a release: the day only: " + mail.text());
        assertTrue(given().get("/q/metrics").then().extract().asString().lines()
                .anyMatch(l -> l.startsWith("tandem_loop_mail_failed_total") && !l.endsWith(" 0.0")), "counted");
    }

    @Test
    void aCustomerWhoOptsOutBeforeTheirMailIsSentIsNotWrittenTo() throws Exception {
        String tag = tag();
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Refund API " + tag);
        String frankMail = "frank-" + tag + "@acme.example";
        UUID frank = customer("Frank " + tag, frankMail, false);
        linkedItem(frank, product, feature, "An API for refunds " + tag);
        smtp.stop(); // so the mail is still waiting when Frank opts out
        try {
            release(feature, product, "Refund API " + tag, null, null);
            await(() -> rows(frank).size() == 1, "the mail queued");
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"emailOptOut\": true}")
                    .patch("/api/v1/customers/" + frank).then().statusCode(200);
            await(() -> rows(frank).get(0).get("abandoned_at") != null, "the waiting mail abandoned");
        } finally {
            smtp.start();
        }
        letTheRelayRun();
        assertTrue(smtp.receivedBy(frankMail).isEmpty());
        Map<String, Object> row = rows(frank).get(0);
        assertNull(row.get("sent_at"));
        assertEquals("the customer opted out before it was sent", row.get("last_error"));
    }

    @Test
    void sentMailsAreDeletedAfterTheRetentionUnsentOnesNever() {
        UUID customer = customer("Old " + tag(), "old-" + tag() + "@acme.example", false);
        UUID oldSent = UUID.randomUUID();
        UUID oldUnsent = UUID.randomUUID();
        UUID recentSent = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> CatalogProduct.getEntityManager().createNativeQuery("""
                        INSERT INTO mail_outbox (id, customer_id, recipient, subject, text_body, created_at,
                                                 next_attempt_at, sent_at)
                        VALUES (?1, ?4, 'old@acme.example', 's', 't', now() - interval '40 days', now() + interval '1 day',
                                now() - interval '40 days'),
                               (?2, ?4, 'old@acme.example', 's', 't', now() - interval '40 days', now() + interval '1 day',
                                NULL),
                               (?3, ?4, 'old@acme.example', 's', 't', now() - interval '2 days', now() + interval '1 day',
                                now() - interval '2 days')""")
                .setParameter(1, oldSent).setParameter(2, oldUnsent).setParameter(3, recentSent)
                .setParameter(4, customer).executeUpdate());
        assertTrue(relay.purgeNow() >= 1);
        assertEquals(List.of(oldUnsent, recentSent), rows(customer).stream().map(r -> r.get("id")).toList());
    }
}
