package dev.tandem.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void parsesTheW3cExample() {
        TraceParent tp = TraceParent.parse(VALID).orElseThrow();
        assertEquals("00", tp.version());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", tp.traceId());
        assertEquals("00f067aa0ba902b7", tp.parentId());
        assertEquals("01", tp.flags());
        assertTrue(tp.sampled());
        assertEquals(VALID, tp.toString());
    }

    @Test
    void toleratesSurroundingWhitespaceAndUnsampledFlags() {
        TraceParent tp = TraceParent.parse("  00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00 ").orElseThrow();
        assertFalse(tp.sampled());
    }

    @Test
    void acceptsAFutureVersionByItsFirstFourFields() {
        TraceParent tp = TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future")
                .orElseThrow();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", tp.traceId());
        assertEquals("00", tp.child().version());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "garbage",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",  // version 00 must be exactly 55 chars
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",        // version ff is invalid
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",        // all-zero trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",        // all-zero parent id
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",        // uppercase hex
            "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01",        // misplaced dash
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
            "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",       // future version, no dash after
    })
    void rejectsInvalidValues(String value) {
        assertTrue(TraceParent.parse(value).isEmpty(), value);
    }

    @Test
    void randomIsAValidSampledVersion00TraceparentAndDiffersEachTime() {
        Set<String> traceIds = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            TraceParent tp = TraceParent.random();
            assertEquals(tp, TraceParent.parse(tp.toString()).orElseThrow());
            assertEquals("00", tp.version());
            assertEquals("01", tp.flags());
            assertTrue(tp.traceId().matches("[0-9a-f]{32}"));
            assertTrue(tp.parentId().matches("[0-9a-f]{16}"));
            traceIds.add(tp.traceId());
        }
        assertEquals(200, traceIds.size());
    }

    @Test
    void childKeepsTraceAndFlagsAndTakesANewSpan() {
        TraceParent parent = TraceParent.parse(VALID.replace("-01", "-00")).orElseThrow();
        TraceParent child = parent.child();
        assertEquals(parent.traceId(), child.traceId());
        assertEquals("00", child.flags());
        assertNotEquals(parent.parentId(), child.parentId());
        assertTrue(TraceParent.parse(child.toString()).isPresent());
    }
}
