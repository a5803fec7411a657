package dev.tandem.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Back-off, giving up and disabling, with the production defaults. */
class DeliveryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private static DeliveryPolicy policy(double random) {
        return new DeliveryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), 0.2, Duration.ofHours(24),
                Duration.ofDays(5), 10, () -> random);
    }

    @Test
    void theWaitDoublesFromTheInitialBackoffUpToTheMaximum() {
        DeliveryPolicy exact = policy(0.5); // jitter factor exactly 1
        assertEquals(Duration.ofSeconds(5), exact.backoff(1));
        assertEquals(Duration.ofSeconds(10), exact.backoff(2));
        assertEquals(Duration.ofSeconds(20), exact.backoff(3));
        assertEquals(Duration.ofSeconds(2560), exact.backoff(10));
        assertEquals(Duration.ofHours(1), exact.backoff(11));
        assertEquals(Duration.ofHours(1), exact.backoff(500));
    }

    @Test
    void jitterMovesEachWaitByUpToAFifthEitherWay() {
        assertEquals(Duration.ofSeconds(8), policy(0.0).backoff(2));
        assertEquals(Duration.ofSeconds(12), policy(1.0).backoff(2));
    }

    @Test
    void aDeliveryIsTriedForADayTheLastAttemptFallingOnItsEndThenGivenUp() {
        DeliveryPolicy p = policy(0.5);
        Instant now = T0;
        int attempts = 0;
        Optional<Instant> next = Optional.of(T0);
        while (next.isPresent()) {
            now = next.get();
            attempts++;
            next = p.nextAttempt(T0, attempts, now);
        }
        assertEquals(T0.plus(Duration.ofHours(24)), now, "the last attempt is at the end of the day");
        assertTrue(attempts > 20 && attempts < 40, "attempts in a day: " + attempts);
    }

    @Test
    void aSubscriptionIsDisabledAfterTenGivenUpInARowOrFiveDaysOfFailure() {
        DeliveryPolicy p = policy(0.5);
        assertEquals(Optional.empty(), p.disable(T0, 9, T0.plus(Duration.ofDays(4))));
        assertEquals("GIVEN_UP", p.disable(T0, 10, T0.plusSeconds(1)).orElseThrow().trigger());
        DeliveryPolicy.Disable failing = p.disable(T0, 0, T0.plus(Duration.ofDays(5))).orElseThrow();
        assertEquals("FAILING_FOR", failing.trigger());
        assertEquals("every attempt failed for 5 days (since 2026-12-03T12:00:00Z)", failing.reason());
        assertEquals(Optional.empty(), p.disable(null, 0, T0));
    }
}
