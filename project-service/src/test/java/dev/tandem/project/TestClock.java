package dev.tandem.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The service's clock in tests: the real time unless a test sets a day (noon UTC). Replaces the default
 * {@code Clock} bean; tests reset it when done.
 */
@Singleton
public class TestClock extends Clock {

    private static volatile Instant fixed;

    public static void setToday(LocalDate day) {
        fixed = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    public static void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
