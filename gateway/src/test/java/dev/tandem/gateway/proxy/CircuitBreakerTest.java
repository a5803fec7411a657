package dev.tandem.gateway.proxy;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The permit API over Vert.x's circuit breaker, on a real Vert.x with a short open period. */
class CircuitBreakerTest {

    private static final Duration OPEN_FOR = Duration.ofMillis(400);

    private final Vertx vertx = Vertx.vertx();
    private final CircuitBreaker breaker = new CircuitBreaker(vertx, "test", 3, OPEN_FOR);

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void opensAfterFailuresWithoutASuccessInBetween() {
        fail();
        fail();
        breaker.onSuccess(breaker.tryAcquire()); // a success in between resets the count
        awaitFailuresCounted();
        fail();
        fail();
        awaitFailuresCounted();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        fail();
        awaitState(CircuitBreaker.State.OPEN);
        CircuitBreaker.Permit refused = breaker.tryAcquire();
        assertFalse(refused.allowed());
        assertEquals(OPEN_FOR.toMillis(), refused.retryAfterMillis());
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriodAndItsSuccessClosesIt() {
        openIt();
        awaitState(CircuitBreaker.State.HALF_OPEN);
        CircuitBreaker.Permit trial = breaker.tryAcquire();
        assertTrue(trial.allowed());
        assertFalse(breaker.tryAcquire().allowed(), "only one trial at a time");
        breaker.onSuccess(trial);
        awaitState(CircuitBreaker.State.CLOSED);
        assertTrue(breaker.tryAcquire().allowed());
    }

    @Test
    void aFailedTrialOpensItAgain() {
        openIt();
        awaitState(CircuitBreaker.State.HALF_OPEN);
        breaker.onFailure(breaker.tryAcquire());
        awaitState(CircuitBreaker.State.OPEN);
        assertFalse(breaker.tryAcquire().allowed());
    }

    @Test
    void aReleasedPermitCountsNeitherWay() {
        fail();
        fail();
        for (int i = 0; i < 10; i++) {
            breaker.release(breaker.tryAcquire()); // e.g. clients that went away or uploaded too slowly
        }
        awaitFailuresCounted();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "releases are no failures");
        fail();
        awaitState(CircuitBreaker.State.OPEN); // and no successes either: the two failures before still count
    }

    @Test
    void aReleasedTrialOpensItAgainAndTheNextTrialGoesAfterTheOpenPeriod() {
        openIt();
        awaitState(CircuitBreaker.State.HALF_OPEN);
        breaker.release(breaker.tryAcquire());
        awaitState(CircuitBreaker.State.OPEN);
        awaitState(CircuitBreaker.State.HALF_OPEN);
        assertTrue(breaker.tryAcquire().allowed(), "a new trial");
    }

    @Test
    void thresholdZeroDisablesIt() {
        CircuitBreaker off = new CircuitBreaker(vertx, "off", 0, OPEN_FOR);
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
        awaitState(CircuitBreaker.State.OPEN);
    }

    private void fail() {
        CircuitBreaker.Permit permit = breaker.tryAcquire();
        assertTrue(permit.allowed());
        breaker.onFailure(permit);
    }

    /** Outcomes are applied on the breaker's Vert.x context: give it a moment. */
    private static void awaitFailuresCounted() {
        sleep(100);
    }

    private void awaitState(CircuitBreaker.State state) {
        await("the circuit " + state).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(breaker::state, equalTo(state));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
