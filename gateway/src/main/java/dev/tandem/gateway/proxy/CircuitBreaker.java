package dev.tandem.gateway.proxy;

import java.time.Duration;

import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * The circuit of one upstream instance: Vert.x's circuit breaker ({@code vertx-circuit-breaker}), behind the small
 * permit API the proxy uses.
 *
 * <ul>
 * <li>CLOSED: every request goes through; {@code failureThreshold} failures (connection refused or reset, timeout)
 * without a success in between, within Vert.x's rolling window (10 s), open the circuit.</li>
 * <li>OPEN: requests are refused at once (the proxy answers 503 or tries another instance), for {@code openFor}.</li>
 * <li>HALF_OPEN: after that, one trial request is let through; its success closes the circuit, its failure opens it
 * again. Other requests are refused meanwhile.</li>
 * </ul>
 * Every permit handed out must be settled with exactly one of {@link #onSuccess}, {@link #onFailure} or
 * {@link #release} (the proxy settles each request once, whatever ends it). Only upstream faults are failures: a
 * client that went away or sent its body too slowly is a {@link #release}, which counts neither way — Vert.x's
 * breaker knows only success (which resets the failure count) and failure, so a released permit is simply never
 * reported to it (it sets no operation timeout, so nothing waits for it), except a released trial, which is reported
 * as a failure: the circuit opens again and the next trial goes after the open period. Thread-safe; state changes are
 * applied on the Vert.x context that acquired the permit, so they show a moment after the call that causes them.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** The answer to "may this request go to the upstream?"; settle it once. */
    public static final class Permit {
        private final boolean allowed;
        private final long retryAfterMillis;
        private final Promise<Void> outcome;
        private final boolean trial;

        private Permit(boolean allowed, long retryAfterMillis, Promise<Void> outcome, boolean trial) {
            this.allowed = allowed;
            this.retryAfterMillis = retryAfterMillis;
            this.outcome = outcome;
            this.trial = trial;
        }

        public boolean allowed() {
            return allowed;
        }

        /** When not allowed: how long until the circuit lets a trial through, at most. */
        public long retryAfterMillis() {
            return retryAfterMillis;
        }
    }

    /** The upstream failed; what the circuit is told when it could not be reached or did not answer in time. */
    private static final class UpstreamFailure extends RuntimeException {
        UpstreamFailure() {
            super("upstream failure", null, false, false);
        }
    }

    private static final UpstreamFailure FAILURE = new UpstreamFailure();
    private static final Permit PASS = new Permit(true, 0, null, false);

    private final io.vertx.circuitbreaker.CircuitBreaker breaker;
    private final long openForMillis;

    /**
     * @param failureThreshold failures that open the circuit; 0 or less: never open
     * @param openFor          how long an open circuit refuses before it lets a trial through
     */
    public CircuitBreaker(Vertx vertx, String name, int failureThreshold, Duration openFor) {
        this.openForMillis = openFor.toMillis();
        this.breaker = failureThreshold <= 0 ? null : io.vertx.circuitbreaker.CircuitBreaker.create(name, vertx,
                new CircuitBreakerOptions()
                        .setMaxFailures(failureThreshold)
                        .setResetTimeout(openFor.toMillis())
                        // the upstream's own timeouts (connect, idle, per route) are the proxy's; none here
                        .setTimeout(-1)
                        .setFallbackOnFailure(false)
                        .setMaxRetries(0)
                        // no state updates on the event bus: nothing listens, and it would cost every request
                        .setNotificationAddress(null));
    }

    public Permit tryAcquire() {
        if (breaker == null) {
            return PASS;
        }
        @SuppressWarnings("unchecked")
        Promise<Void>[] handed = new Promise[1];
        // the operation runs at once when the circuit lets it through (CLOSED, or the HALF_OPEN trial); when it
        // refuses, the operation is never called
        breaker.<Void>execute(operation -> handed[0] = operation);
        if (handed[0] == null) {
            return new Permit(false, openForMillis, null, false);
        }
        return new Permit(true, 0, handed[0], breaker.state() == CircuitBreakerState.HALF_OPEN);
    }

    /** The upstream answered (any HTTP status: it is reachable). */
    public void onSuccess(Permit permit) {
        if (permit.outcome != null) {
            permit.outcome.tryComplete();
        }
    }

    /** The upstream could not be reached, reset the connection or did not answer in time. */
    public void onFailure(Permit permit) {
        if (permit.outcome != null) {
            permit.outcome.tryFail(FAILURE);
        }
    }

    /**
     * The request ended without telling anything against the upstream (the client went away, was too slow to send,
     * or a deadline of the gateway's own passed): settled as reachable, never as a failure.
     */
    public void release(Permit permit) {
        if (permit.trial) {
            onFailure(permit);
        }
    }

    public State state() {
        if (breaker == null) {
            return State.CLOSED;
        }
        CircuitBreakerState s = breaker.state();
        return switch (s) {
            case OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            case CLOSED -> State.CLOSED;
        };
    }
}
