package dev.tandem.devstack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded mail server as feedback-service and a person use it: SMTP in; a list, .eml files and IMAP out. */
class EmbeddedMailTest {

    @TempDir
    Path folder;

    @Test
    void aMessageSentOverSmtpIsListedWrittenAsAnEmlFileAndReadableOverImap() throws Exception {
        try (EmbeddedMail mail = EmbeddedMail.on(Ports.free(), Ports.free(), folder.resolve("mail")).start()) {
            send(mail.smtpPort(), "Buyer@Acme.example", "Released: Bulk refunds", "Hello Acme,\nit shipped.",
                    "<p>Hello Acme, it <b>shipped</b>.</p>");

            List<ReceivedMail> received = mail.receivedBy("buyer@acme.example");
            assertEquals(1, received.size(), mail.received().toString());
            ReceivedMail m = received.get(0);
            assertEquals("Buyer@Acme.example", m.recipient());
            assertEquals("Tandem <no-reply@tandem.localhost>", m.from());
            assertEquals("Released: Bulk refunds", m.subject());
            assertTrue(m.text().contains("it shipped."), m.text());
            assertTrue(m.html().contains("<b>shipped</b>"), m.html());
            assertTrue(m.messageId() != null && m.messageId().startsWith("<"), m.messageId());

            List<Path> files;
            try (Stream<Path> list = Files.list(folder.resolve("mail"))) {
                files = list.toList();
            }
            assertEquals(1, files.size(), files.toString());
            assertTrue(files.get(0).getFileName().toString().endsWith("-Buyer@Acme.example.eml"), files.toString());
            String eml = Files.readString(files.get(0));
            assertTrue(eml.contains("Subject: Released: Bulk refunds"), eml);

            // GreenMail made a mailbox for the recipient: login and password are the address
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect(EmbeddedMail.HOST, mail.imapPort(), "buyer@acme.example", "buyer@acme.example");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertEquals(1, inbox.getMessageCount());
                assertEquals("Released: Bulk refunds", inbox.getMessage(1).getSubject());
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void stoppedItRefusesConnectionsAndStartedAgainItAcceptsOnTheSamePortKeepingWhatItHad() throws Exception {
        try (EmbeddedMail mail = EmbeddedMail.temporary().start()) {
            send(mail.smtpPort(), "a@example.com", "first", "1", null);
            mail.stop();
            assertFalse(mail.isRunning());
            assertThrows(MessagingException.class, () -> send(mail.smtpPort(), "a@example.com", "lost", "2", null));
            mail.start();
            send(mail.smtpPort(), "a@example.com", "second", "3", null);
            assertEquals(List.of("first", "second"),
                    mail.receivedBy("a@example.com").stream().map(ReceivedMail::subject).toList());
            assertEquals(null, mail.folder(), "a temporary server writes no files");
        }
    }

    /** What feedback-service sends: text, and HTML as its alternative when given. */
    static void send(int port, String to, String subject, String text, String html) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", EmbeddedMail.HOST);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom("Tandem <no-reply@tandem.localhost>");
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html, "text/html; charset=UTF-8");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(rich);
            message.setContent(alternative);
        }
        Transport.send(message);
    }
}
