package dev.tandem.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.tandem.devstack.stack.LogSink;
import dev.tandem.devstack.stack.Stack;
import dev.tandem.devstack.stack.StackConfig;
import dev.tandem.devstack.stack.StackEndpoints;

/**
 * The whole stack, once per test JVM: embedded PostgreSQL and Kafka plus the four services as separate processes,
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
        }
        return stack.endpoints();
    }
}
