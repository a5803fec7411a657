package dev.tandem.devstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LogPrefixerTest {

    @Test
    void plainPrefixesAreFixedWidthWithTheServiceLabel() {
        assertEquals("product    | started", LogPrefixer.forService(Service.PRODUCT, false).apply("started"));
        assertEquals("project    | x", LogPrefixer.forService(Service.PROJECT, false).apply("x"));
        assertEquals("feedback   | x", LogPrefixer.forService(Service.FEEDBACK, false).apply("x"));
        assertEquals("gateway    | x", LogPrefixer.forService(Service.GATEWAY, false).apply("x"));
        assertEquals("devstack   | x", LogPrefixer.forLabel("devstack", false).apply("x"));
        assertEquals("a-very-lon | x", LogPrefixer.forLabel("a-very-long-label", false).apply("x"));
        Set<Integer> widths = new HashSet<>();
        for (Service s : Service.values()) {
            widths.add(LogPrefixer.forService(s, false).prefix().length());
        }
        widths.add(LogPrefixer.forLabel("infra", false).prefix().length());
        assertEquals(Set.of(LogPrefixer.WIDTH + 3), widths);
    }

    @Test
    void colouredPrefixesWrapOnlyThePrefixInAnsiCodesAndDifferPerService() {
        String coloured = LogPrefixer.forService(Service.PRODUCT, true).apply("hello \u001B[1mworld");
        assertTrue(coloured.startsWith("\u001B["), coloured);
        assertTrue(coloured.contains("product    | \u001B[0mhello"), coloured);
        assertEquals("product    | hello world", LogPrefixer.stripAnsi(coloured));
        Set<String> prefixes = new HashSet<>();
        for (Service s : Service.values()) {
            prefixes.add(LogPrefixer.forService(s, true).prefix().substring(0, 5));
        }
        assertEquals(4, prefixes.size(), "each service has its own colour");
        assertNotEquals(LogPrefixer.forService(Service.GATEWAY, true).prefix(),
                LogPrefixer.forService(Service.GATEWAY, false).prefix());
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        assertTrue(LogPrefixer.colourWanted(Map.of(), true));
        assertFalse(LogPrefixer.colourWanted(Map.of(), false));
        assertFalse(LogPrefixer.colourWanted(Map.of("NO_COLOR", "1"), true));
        assertTrue(LogPrefixer.colourWanted(Map.of("NO_COLOR", ""), true), "an empty NO_COLOR does not count");
        assertFalse(LogPrefixer.colourWanted(Map.of("TERM", "dumb"), true));
    }

    @Test
    void aTrailingCarriageReturnIsDropped() {
        assertEquals("gateway    | line", LogPrefixer.forService(Service.GATEWAY, false).apply("line\r"));
    }

    @Test
    void thePumpForwardsEveryLinePrefixedAndKeepsTheLastLines() {
        StringBuilder input = new StringBuilder("first\r\n\nsecond\n");
        for (int i = 0; i < 45; i++) {
            input.append("line ").append(i).append('\n');
        }
        input.append("unterminated last line");
        List<String> sink = Collections.synchronizedList(new ArrayList<>());
        LogPump pump = new LogPump(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
                LogPrefixer.forService(Service.FEEDBACK, false), sink::add, 40).start("test-pump");
        pump.awaitEnd(Duration.ofSeconds(5));

        assertEquals(49, sink.size());
        assertEquals(List.of("feedback   | first", "feedback   | ", "feedback   | second", "feedback   | line 0"), sink.subList(0, 4));
        assertEquals("feedback   | unterminated last line", sink.get(48));
        List<String> tail = pump.tail();
        assertEquals(40, tail.size());
        assertEquals("line 6", tail.get(0));
        assertEquals("unterminated last line", tail.get(39));
    }

    @Test
    void aFailingSinkDoesNotStopThePump() {
        List<String> seen = new ArrayList<>();
        LogSink flaky = line -> {
            seen.add(line);
            throw new IllegalStateException("sink broken");
        };
        LogPump pump = new LogPump(new ByteArrayInputStream("a\nb\nc\n".getBytes(StandardCharsets.UTF_8)),
                LogPrefixer.forService(Service.PRODUCT, false), flaky, 10).start("test-pump");
        pump.awaitEnd(Duration.ofSeconds(5));
        assertEquals(3, seen.size());
        assertEquals(List.of("a", "b", "c"), pump.tail());
    }
}
