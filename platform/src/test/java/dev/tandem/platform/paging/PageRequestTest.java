package dev.tandem.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void defaultsTo50WithoutCursor() {
        PageRequest r = PageRequest.of((String) null, null);
        assertEquals(50, r.limit());
        assertEquals(51, r.fetchSize());
        assertNull(r.after());
        assertTrue(r.isFirstPage());
    }

    @Test
    void acceptsTheBounds() {
        assertEquals(1, PageRequest.of("1", null).limit());
        assertEquals(200, PageRequest.of(" 200 ", "").limit());
        assertEquals("k", PageRequest.of("10", Cursor.of("k").encode()).after().string(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "201", "1e3", "ten", "2147483648"})
    void outOfRangeOrNonNumericLimitIs400NamingLimit(String limit) {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(limit, null));
        assertEquals(400, e.status());
        assertEquals(List.of("limit"), e.problem().errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void badCursorIs400NamingCursor() {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of("5", "%%%"));
        assertEquals(List.of("cursor"), e.problem().errors().stream().map(Problem.FieldError::field).toList());
    }
}
