package dev.tandem.project.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TaskGraphTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();

    @Test
    void aTaskDependingOnItselfIsACycle() {
        assertEquals(List.of(a, a), TaskGraph.cycleIfDependsOn(Map.of(), a, List.of(a)));
    }

    @Test
    void twoTasksDependingOnEachOtherAreNamedInOrder() {
        Map<UUID, List<UUID>> g = Map.of(a, List.of(b), b, List.of());
        assertEquals(List.of(b, a, b), TaskGraph.cycleIfDependsOn(g, b, List.of(a)));
    }

    @Test
    void aLongerCycleIsNamedInOrder() {
        // a → b → c; c depending on a closes c → a → b → c
        Map<UUID, List<UUID>> g = Map.of(a, List.of(b), b, List.of(c), c, List.of());
        assertEquals(List.of(c, a, b, c), TaskGraph.cycleIfDependsOn(g, c, List.of(a)));
    }

    @Test
    void aDiamondIsNoCycle() {
        // d depends on b and c, both depend on a
        Map<UUID, List<UUID>> g = new HashMap<>();
        g.put(a, List.of());
        g.put(b, List.of(a));
        g.put(c, List.of(a));
        assertTrue(TaskGraph.cycleIfDependsOn(g, d, List.of(b, c)).isEmpty());
        g.put(d, List.of(b, c));
        // and a depending on d closes one: a → d → b → a
        assertEquals(List.of(a, d, b, a), TaskGraph.cycleIfDependsOn(g, a, List.of(d)));
    }
}
