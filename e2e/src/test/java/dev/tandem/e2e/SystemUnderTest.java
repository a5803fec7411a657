package dev.tandem.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.tandem.devstack.infra.ReceivedMail;

import dev.tandem.devstack.stack.LogSink;
import dev.tandem.devstack.stack.Stack;
import dev.tandem.devstack.stack.StackConfig;
import dev.tandem.devstack.stack.StackEndpoints;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The whole stack, once per test JVM: embedded PostgreSQL, Kafka and mail server plus the four services as separate processes,
 * on free ports with throw-away data. Every service's log goes to {@code e2e/target/stack.log}; the stack's progress
 * lines also go to the console.
 */
final class SystemUnderTest {

    private static Stack stack;

    private SystemUnderTest() {
    }

    static synchronized StackEndpoints endpoints() {
        if (stack == null) {
            Path repoRoot = Path.of("..").toAbsolutePath().normalize();
            if (!Files.exists(repoRoot.resolve("e2e"))) {
                throw new IllegalStateException("run the system tests from the e2e module folder");
            }
            LogSink log = LogSink.toFile(Path.of("target", "stack.log"));
            StackConfig config = StackConfig.forTests(repoRoot).toBuilder().output(log).build();
            stack = Stack.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-stack"));
            // every request of the system tests is an integrator's: through the gateway with the admin API key
            io.restassured.RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                    .addHeader("Authorization", "Bearer " + adminApiKey()).build();
        }
        return stack.endpoints();
    }

    /** The running stack itself, for tests that need more than its endpoints (e.g. the services' process ids). */
    static synchronized Stack stack() {
        endpoints();
        return stack;
    }

    /** Every mail the stack's SMTP server received so far (the customers' mails of closed loops), oldest first. */
    static synchronized List<ReceivedMail> receivedMail() {
        endpoints();
        return stack.receivedMail();
    }

    /**
     * The admin API key the gateway created on the stack's first start (waits briefly for the file); send it as
     * {@code Authorization: Bearer <key>}.
     */
    static synchronized String adminApiKey() {
        endpoints();
        try {
            return Awaitility.await("the admin API key").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200)).until(stack::adminApiKey, Optional::isPresent).get();
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the gateway wrote no admin API key for this stack", e);
        }
    }
}
