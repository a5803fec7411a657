package dev.tandem.platform.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The rule for every date and instant a client sends (docs/api-conventions.md, "Dates"): ISO-8601 text with a
 * year from 0001 to 9999, as RFC 3339 writes them. Java parses years up to ±999,999,999; PostgreSQL stores dates to
 * 5874897 AD and timestamps to 294276 AD, and date arithmetic overflows long before that, so a farther year would
 * reach the database or a calculation and fail there as a 500. Applied to JSON bodies ({@code StrictJson}), to
 * query and path parameters ({@code DateParams}) and to pagination cursors.
 */
public final class DateRules {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private DateRules() {
    }

    /** True when the value's year (in UTC for an instant) is within 0001..9999; other types pass. */
    public static boolean inRange(Object value) {
        if (value instanceof LocalDate d) {
            return inRange(d.getYear());
        }
        if (value instanceof LocalDateTime d) {
            return inRange(d.getYear());
        }
        if (value instanceof Instant i) {
            return i.isAfter(Instant.MIN) && inRange(i.atOffset(ZoneOffset.UTC).getYear());
        }
        if (value instanceof OffsetDateTime o) {
            return inRange(o.getYear()) && inRange(o.toInstant());
        }
        if (value instanceof ZonedDateTime z) {
            return inRange(z.getYear()) && inRange(z.toInstant());
        }
        return true;
    }

    private static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    public static LocalDate parseDate(String text) {
        return checked(LocalDate.parse(text), text);
    }

    public static Instant parseInstant(String text) {
        return checked(Instant.parse(text), text);
    }

    public static OffsetDateTime parseOffsetDateTime(String text) {
        return checked(OffsetDateTime.parse(text), text);
    }

    private static <T> T checked(T value, String text) {
        if (!inRange(value)) {
            throw new DateTimeParseException("year outside 0001..9999", text, 0);
        }
        return value;
    }
}
