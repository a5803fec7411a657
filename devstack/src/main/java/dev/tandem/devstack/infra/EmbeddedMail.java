package dev.tandem.devstack.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (and optionally IMAP) in this JVM — GreenMail from Maven Central — that accepts every message
 * for every address, for the mails feedback-service sends when a loop closes. Used by {@code ./run}, the system
 * tests and the services' tests.
 *
 * <p>What it received stays readable three ways: {@link #received()} (for tests; kept across {@link #stop()} and
 * {@link #start()}), one {@code .eml} file per message and recipient in {@link #folder()} when one is given (for
 * people: any mail program opens them), and over IMAP when an IMAP port is given (a mailbox is made for each
 * recipient on receipt; login and password are the address in lower case).
 */
public final class EmbeddedMail implements AutoCloseable {

    /** The loopback address, as for everything else of the stack. */
    public static final String HOST = "127.0.0.1";

    private static final Logger LOG = Logger.getLogger(EmbeddedMail.class.getName());
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final int smtpPort;
    private final int imapPort;
    private final Path folder;
    private final List<ReceivedMail> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger files = new AtomicInteger();
    private GreenMail server;

    private EmbeddedMail(int smtpPort, int imapPort, Path folder) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.folder = folder;
    }

    /** SMTP on a free port of 127.0.0.1, no IMAP, no files: for tests. */
    public static EmbeddedMail temporary() {
        return new EmbeddedMail(Ports.free(), 0, null);
    }

    /**
     * SMTP on {@code smtpPort}, IMAP on {@code imapPort} (0: none), each message written to {@code folder} as an
     * {@code .eml} file (null: none); all on 127.0.0.1.
     */
    public static EmbeddedMail on(int smtpPort, int imapPort, Path folder) {
        return new EmbeddedMail(smtpPort, imapPort, folder);
    }

    /** Starts the servers (again, after {@link #stop()}: same ports; what was received before is kept). */
    public synchronized EmbeddedMail start() throws IOException {
        if (server != null) {
            return this;
        }
        if (folder != null) {
            Files.createDirectories(folder);
        }
        ServerSetup smtp = new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = imapPort > 0
                ? new GreenMail(new ServerSetup[] {smtp,
                        new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)})
                : new GreenMail(smtp);
        greenMail.start();
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler mailboxes = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            // one mailbox per address whatever its case, login and password the address in lower case
            String mailbox = address.getEmail().toLowerCase(Locale.ROOT);
            if (!users.hasUser(mailbox)) {
                users.createUser(mailbox, mailbox, mailbox);
            }
            GreenMailUser user = mailboxes.handle(message, address);
            record(message.getMessage(), address.getEmail());
            return user;
        });
        server = greenMail;
        return this;
    }

    /** Stops the servers, as an outage would; {@link #start()} brings them back on the same ports. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The IMAP port, 0 when there is no IMAP server. */
    public int imapPort() {
        return imapPort;
    }

    /** Where each received message is written as an {@code .eml} file; null when none are written. */
    public Path folder() {
        return folder;
    }

    /** Every message received since this server was made, oldest first, one per recipient. */
    public List<ReceivedMail> received() {
        return List.copyOf(received);
    }

    /** The messages delivered to {@code recipient} (case-insensitive), oldest first. */
    public List<ReceivedMail> receivedBy(String recipient) {
        return received.stream().filter(m -> m.recipient().equalsIgnoreCase(recipient)).toList();
    }

    private void record(MimeMessage message, String recipient) {
        Instant now = Instant.now();
        try {
            Parts parts = new Parts();
            parts.collect(message);
            Address[] from = message.getFrom();
            received.add(new ReceivedMail(now, recipient, from == null || from.length == 0 ? null : from[0].toString(),
                    message.getSubject(), message.getMessageID(), parts.text, parts.html));
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not read a message to " + recipient + ": " + e, e);
        }
        if (folder != null) {
            Path file = folder.resolve(FILE_TIME.format(now) + "-" + String.format(Locale.ROOT, "%04d",
                    files.incrementAndGet()) + "-" + recipient.replaceAll("[^A-Za-z0-9@._+-]", "_") + ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            } catch (MessagingException | IOException e) {
                LOG.log(Level.WARNING, "could not write " + file + ": " + e, e);
            }
        }
    }

    /** The first text/plain and text/html parts of a message, through nested multiparts. */
    private static final class Parts {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = content(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = content(part);
            }
        }

        private static String content(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
