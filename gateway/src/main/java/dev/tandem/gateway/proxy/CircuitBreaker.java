package dev.tandem.gateway.proxy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A deliberately small circuit breaker, one per upstream.
 *
 * <ul>
 * <li>CLOSED: every request goes through; {@code failureThreshold} consecutive failures (connection refused or
 * reset, timeout) open the circuit.</li>
 * <li>OPEN: requests are answered 503 at once, without touching the upstream, for {@code openFor}.</li>
 * <li>HALF_OPEN: after that, one trial request is let through; its success closes the circuit, its failure opens it
 * again. Other requests keep getting 503 meanwhile.</li>
 * </ul>
 * Every permit handed out must be settled with exactly one of {@link #onSuccess}, {@link #onFailure} or
 * {@link #release}. Thread-safe.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** The answer to "may this request go to the upstream?". */
    public record Permit(boolean allowed, boolean trial, long retryAfterMillis) {
    }

    private static final Permit PASS = new Permit(true, false, 0);

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;
    private long trialStartedAt;

    public CircuitBreaker(int failureThreshold, Duration openFor) {
        this(failureThreshold, openFor, System::nanoTime);
    }

    CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    public synchronized Permit tryAcquire() {
        if (failureThreshold <= 0) {
            return PASS;
        }
        long now = nanoClock.getAsLong();
        switch (state) {
            case CLOSED:
                return PASS;
            case OPEN:
                long waited = now - openedAt;
                if (waited < openForNanos) {
                    return new Permit(false, false, Math.max(1, (openForNanos - waited) / 1_000_000));
                }
                state = State.HALF_OPEN;
                return startTrial(now);
            default: // HALF_OPEN
                // a trial whose outcome never arrived must not keep the circuit shut for ever
                if (trialInFlight && now - trialStartedAt < openForNanos) {
                    return new Permit(false, false, Math.max(1, (openForNanos - (now - trialStartedAt)) / 1_000_000));
                }
                return startTrial(now);
        }
    }

    private Permit startTrial(long now) {
        trialInFlight = true;
        trialStartedAt = now;
        return new Permit(true, true, 0);
    }

    /** The upstream answered (any HTTP status: it is reachable). */
    public synchronized void onSuccess(Permit permit) {
        consecutiveFailures = 0;
        state = State.CLOSED;
        trialInFlight = false;
    }

    /** The upstream could not be reached, reset the connection or did not answer in time. */
    public synchronized void onFailure(Permit permit) {
        if (failureThreshold <= 0) {
            return;
        }
        consecutiveFailures++;
        if (permit.trial() || (state == State.CLOSED && consecutiveFailures >= failureThreshold)) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            trialInFlight = false;
        }
    }

    /** The request ended without telling anything about the upstream (e.g. the client went away). */
    public synchronized void release(Permit permit) {
        if (permit.trial()) {
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }
}
