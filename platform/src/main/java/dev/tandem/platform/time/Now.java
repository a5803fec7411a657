package dev.tandem.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * "Now" of a service: the one clock its code reads, entities and rule classes included. It is the service's
 * {@link Clock} bean ({@link ServiceClock}: the system's UTC clock unless a test replaces the bean), handed over when
 * the service starts, so an entity (made with {@code new}, not by CDI) and a bean that injects the {@code Clock} read
 * the same time, and a test that sets the day sets it for both. The build allows no other {@code Instant.now()}
 * (devstack's {@code ArchitectureRules.oneClock}).
 *
 * <p>A static door rather than a {@code Clock} parameter on every factory and change method: the time of a change is
 * not a decision of the caller, and threading it through every call would add an argument to a hundred signatures
 * without making any of them clearer.
 */
public final class Now {

    private static volatile Clock clock = Clock.systemUTC();

    private Now() {
    }

    /**
     * This instant, to the microsecond: PostgreSQL's precision, so what is stored reads back equal (an ETag or a
     * version computed before the write matches the one computed after).
     */
    public static Instant instant() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The system's own UTC clock, never replaced by a test: for times another process must agree on, such as the
     * expiry of an internal token the gateway signed. Everything the service decides by date (health, overdue
     * milestones, a change's time) reads {@link #instant()} or the service's {@code Clock} bean.
     */
    public static Clock wall() {
        return Clock.systemUTC();
    }

    static void use(Clock serviceClock) {
        clock = Objects.requireNonNull(serviceClock, "clock");
    }
}
