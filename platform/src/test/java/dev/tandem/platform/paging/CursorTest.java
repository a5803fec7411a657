package dev.tandem.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void roundTripsSortKeyValues() {
        Instant t = Instant.parse("2024-05-31T12:00:00.123456Z");
        UUID id = UUID.randomUUID();
        String encoded = Cursor.of(t, id, 42L, "x").encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), "base64url without padding: " + encoded);

        Cursor decoded = Cursor.decode(encoded);
        assertEquals(t, decoded.instant(0));
        assertEquals(id, decoded.uuid(1));
        assertEquals(42L, decoded.longValue(2));
        assertEquals("x", decoded.string(3));
        assertEquals(4, decoded.size());
    }

    @Test
    void isBase64UrlOfAJsonArray() {
        String encoded = Cursor.of("2024-05-31T12:00:00Z", "abc").encode();
        String json = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        assertEquals("[\"2024-05-31T12:00:00Z\",\"abc\"]", json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "***", "bm90IGpzb24", "e30", "W10", "W1tdXQ", "eyJhIjoxfQ"})
    void garbageIs400NamingCursor(String encoded) {
        // not base64 / "not json" / {} / [] / [[]] / {"a":1}
        ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(encoded));
        assertEquals(400, e.status());
        assertEquals(List.of("cursor"), e.problem().errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void nullValuesAre400() {
        // List.copyOf threw a NullPointerException: a 500 for every list
        String nulls = Base64.getUrlEncoder().withoutPadding().encodeToString("[null,null]".getBytes(
                StandardCharsets.UTF_8));
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decode(nulls)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-12-31T00:00:00Z"})
    void instantsOutsideYears1To9999Are400(String instant) {
        // the database refused the year: a 500
        Cursor cursor = Cursor.decode(Cursor.of(instant, UUID.randomUUID()).encode());
        assertEquals(400, assertThrows(ProblemException.class, () -> cursor.instant(0)).status());
    }

    @Test
    void tooLongIsRefusedBeforeDecoding() {
        assertEquals(400, assertThrows(ProblemException.class,
                () -> Cursor.decode("A".repeat(Cursor.MAX_LENGTH + 1))).status());
    }

    @Test
    void wrongValueTypesAre400() {
        Cursor c = Cursor.decode(Cursor.of("not-a-time", 5).encode());
        assertEquals(400, assertThrows(ProblemException.class, () -> c.instant(0)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> c.uuid(0)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> c.string(1)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> c.longValue(0)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> c.string(2)).status());
    }

    @Test
    void pageOfTakesLimitAndMakesTheCursorFromTheLastKeptRow() {
        PageRequest request = PageRequest.of(2, null);
        Page<Integer> full = Page.of(List.of(1, 2, 3), request, i -> Cursor.of(i.longValue()));
        assertEquals(List.of(1, 2), full.items());
        assertEquals(2L, Cursor.decode(full.nextCursor()).longValue(0));
        assertTrue(full.hasNext());

        Page<String> last = Page.of(List.of(1, 2), request, i -> "#" + i, i -> Cursor.of(i.longValue()));
        assertEquals(List.of("#1", "#2"), last.items());
        assertFalse(last.hasNext());
    }
}
