package dev.tandem.gateway.ratelimit;

/**
 * A token bucket of {@code capacity} tokens refilled evenly over a minute ({@code capacity / 60} per second): a client
 * may burst up to its whole per-minute limit, then continues at the refill rate. Thread-safe.
 */
public final class TokenBucket {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    /**
     * One decision.
     *
     * @param allowed      whether the request may go on (a token was taken)
     * @param limit        the bucket's capacity (requests per minute)
     * @param remaining    whole tokens left after this request
     * @param resetSeconds seconds until the bucket is full again ({@code RateLimit-Reset})
     * @param retryAfterSeconds when refused: seconds until one token is there ({@code Retry-After}); else 0
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    public TokenBucket(int capacity, long nowNanos) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) MINUTE_NANOS;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized Decision tryTake(long nowNanos) {
        refill(nowNanos);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long reset = ceilSeconds((capacity - tokens) / tokensPerNano);
        long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds((1 - tokens) / tokensPerNano));
        return new Decision(allowed, capacity, (int) Math.floor(tokens), reset, retryAfter);
    }

    /** Whether a token is there now (nothing taken). */
    public synchronized boolean hasToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1;
    }

    /** Whether the bucket has been idle long enough to be full (and can be forgotten). */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = nowNanos;
        }
    }

    private static long ceilSeconds(double nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000d);
    }
}
