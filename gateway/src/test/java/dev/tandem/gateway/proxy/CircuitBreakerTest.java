package dev.tandem.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        fail();
        fail();
        breaker.onSuccess(breaker.tryAcquire()); // a success in between resets the count
        fail();
        fail();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        fail();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        CircuitBreaker.Permit refused = breaker.tryAcquire();
        assertFalse(refused.allowed());
        assertEquals(10_000, refused.retryAfterMillis());
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriod() {
        openIt();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        CircuitBreaker.Permit trial = breaker.tryAcquire();
        assertTrue(trial.allowed());
        assertTrue(trial.trial());
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire().allowed(), "only one trial at a time");
        breaker.onSuccess(trial);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire().allowed());
    }

    @Test
    void aFailedTrialOpensItAgain() {
        openIt();
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        CircuitBreaker.Permit trial = breaker.tryAcquire();
        breaker.onFailure(trial);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire().allowed());
    }

    @Test
    void aReleasedOrLostTrialDoesNotKeepItShut() {
        openIt();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        breaker.release(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire().allowed(), "released trial: another may go");
        // that one is never settled: after another open period a new trial is allowed
        assertFalse(breaker.tryAcquire().allowed());
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire().allowed());
    }

    @Test
    void thresholdZeroDisablesIt() {
        CircuitBreaker off = new CircuitBreaker(0, Duration.ofSeconds(10), now::get);
        for (int i = 0; i < 100; i++) {
            off.onFailure(off.tryAcquire());
        }
        assertTrue(off.tryAcquire().allowed());
        assertEquals(CircuitBreaker.State.CLOSED, off.state());
    }

    private void openIt() {
        for (int i = 0; i < 3; i++) {
            fail();
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    }

    private void fail() {
        CircuitBreaker.Permit permit = breaker.tryAcquire();
        assertTrue(permit.allowed());
        breaker.onFailure(permit);
    }
}
