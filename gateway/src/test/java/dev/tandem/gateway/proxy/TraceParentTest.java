package dev.tandem.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void parsesAValidHeader() {
        TraceParent parsed = TraceParent.parse(VALID).orElseThrow();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", parsed.traceId());
        assertEquals("00f067aa0ba902b7", parsed.spanId());
        assertEquals("01", parsed.flags());
        assertEquals(VALID, parsed.header());
    }

    @Test
    void refusesInvalidHeaders() {
        for (String invalid : new String[] {
                null, "", "garbage", VALID.toUpperCase(), VALID + "-extra",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
                "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}) {
            assertTrue(TraceParent.parse(invalid).isEmpty(), String.valueOf(invalid));
        }
    }

    @Test
    void acceptsAFutureVersionWithMoreFields() {
        assertTrue(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-abc").isPresent());
        assertFalse(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01abc").isPresent());
    }

    @Test
    void aHopKeepsTraceAndFlagsWithANewSpan() {
        TraceParent incoming = TraceParent.parse(VALID).orElseThrow();
        TraceParent hop = incoming.nextHop();
        assertEquals(incoming.traceId(), hop.traceId());
        assertEquals(incoming.flags(), hop.flags());
        assertNotEquals(incoming.spanId(), hop.spanId());
        assertTrue(TraceParent.parse(hop.header()).isPresent());
    }

    @Test
    void aNewTraceIsValidAndSampled() {
        TraceParent fresh = TraceParent.newTrace();
        assertTrue(TraceParent.parse(fresh.header()).isPresent(), fresh.header());
        assertEquals("01", fresh.flags());
        assertNotEquals(fresh.traceId(), TraceParent.newTrace().traceId());
    }
}
