package dev.tandem.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import dev.tandem.devstack.infra.EmbeddedMail;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server ({@link EmbeddedMail}, GreenMail) on a free port for a service's {@code @QuarkusTest}s, and
 * Quarkus Mailer pointed at it for real ({@code quarkus.mailer.mock=false}). A test field of type
 * {@link EmbeddedMail} annotated {@link InjectEmbeddedMail} gets the server: to read what it received, or to stop and
 * start it again as an outage would.
 */
public class EmbeddedMailTestResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running {@link EmbeddedMail}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectEmbeddedMail {
    }

    private EmbeddedMail mail;

    @Override
    public Map<String, String> start() {
        try {
            mail = EmbeddedMail.temporary().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded SMTP server for the tests", e);
        }
        System.out.printf("[tandem-test] SMTP %s:%d%n", EmbeddedMail.HOST, mail.smtpPort());
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", EmbeddedMail.HOST,
                "quarkus.mailer.port", String.valueOf(mail.smtpPort()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(mail,
                new TestInjector.AnnotatedAndMatchesType(InjectEmbeddedMail.class, EmbeddedMail.class));
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.close();
            mail = null;
        }
    }
}
