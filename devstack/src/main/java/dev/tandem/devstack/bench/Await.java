package dev.tandem.devstack.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Polling for asynchronous outcomes (events published, consumed) with a bound. */
final class Await {

    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /** How long it took until {@code done} held, or empty when it still did not after {@code timeout}. */
    static Optional<Duration> until(Duration timeout, BooleanSupplier done) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            if (done.getAsBoolean()) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            pause(POLL);
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }
}
