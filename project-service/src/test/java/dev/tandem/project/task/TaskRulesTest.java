package dev.tandem.project.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

/** The rules on the Task aggregate and its status machine, without Quarkus. */
class TaskRulesTest {

    private static Task task() {
        return Task.create(UUID.randomUUID(), " Reorder button ", new BigDecimal("16"), null, "ana", null, null, null,
                List.of());
    }

    private static List<String> fields(DomainException e) {
        return e.issues().stream().map(DomainException.FieldIssue::field).toList();
    }

    @Test
    void aNewTaskIsTodoWithRemainingDefaultingToTheEstimate() {
        Task t = task();
        assertEquals(TaskStatus.TODO, t.status());
        assertEquals("Reorder button", t.title());
        assertEquals(new BigDecimal("16.00"), t.remainingHours());
        Task other = Task.create(UUID.randomUUID(), "x", new BigDecimal("10"), new BigDecimal("4.5"), null, null,
                null, null, null);
        assertEquals(new BigDecimal("4.50"), other.remainingHours());
        assertEquals(new BigDecimal("5.50"), other.doneHours());
    }

    @Test
    void doneHoursStayBetweenZeroAndTheEstimate() {
        Task t = Task.create(UUID.randomUUID(), "x", new BigDecimal("10"), new BigDecimal("14"), null, null, null,
                null, null);
        assertEquals(0, t.doneHours().signum());
    }

    @Test
    void statusMachineAllowsExactlyTheDocumentedMoves() {
        assertEquals(List.of(TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED), List.copyOf(TaskStatus.TODO.allowedNext()));
        assertEquals(List.of(TaskStatus.BLOCKED, TaskStatus.DONE), List.copyOf(TaskStatus.IN_PROGRESS.allowedNext()));
        assertEquals(List.of(TaskStatus.TODO, TaskStatus.IN_PROGRESS), List.copyOf(TaskStatus.BLOCKED.allowedNext()));
        assertTrue(TaskStatus.DONE.allowedNext().isEmpty());
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheAllowedOnes() {
        Task t = task();
        DomainException e = assertThrows(DomainException.class, () -> t.changeStatus(TaskStatus.DONE, null, Map.of()));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().endsWith("allowed: IN_PROGRESS, BLOCKED"), e.getMessage());
        assertEquals(TaskStatus.TODO, t.status());
    }

    @Test
    void blockingNeedsAReasonAndUnblockingClearsIt() {
        Task t = task();
        DomainException e = assertThrows(DomainException.class,
                () -> t.changeStatus(TaskStatus.BLOCKED, "  ", Map.of()));
        assertEquals(DomainException.Kind.RULE_BROKEN, e.kind());
        assertEquals(List.of("reason"), fields(e));
        t.changeStatus(TaskStatus.BLOCKED, "waiting for the API", Map.of());
        assertEquals("waiting for the API", t.blockedReason());
        t.changeStatus(TaskStatus.IN_PROGRESS, null, Map.of());
        assertNull(t.blockedReason());
    }

    @Test
    void startingWhileADependencyIsOpenIsAConflictNamingIt() {
        Task t = task();
        UUID dep = UUID.randomUUID();
        Map<UUID, String> open = new LinkedHashMap<>();
        open.put(dep, "API");
        DomainException e = assertThrows(DomainException.class,
                () -> t.changeStatus(TaskStatus.IN_PROGRESS, null, open));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains(dep + " (API)"), e.getMessage());
        assertEquals(TaskStatus.TODO, t.status());
    }

    @Test
    void doneSetsRemainingToZeroAndIsFinal() {
        Task t = task();
        t.changeStatus(TaskStatus.IN_PROGRESS, null, Map.of());
        t.changeStatus(TaskStatus.DONE, null, Map.of());
        assertEquals(0, t.remainingHours().signum());
        assertEquals(new BigDecimal("16.00"), t.doneHours());
        DomainException e = assertThrows(DomainException.class,
                () -> t.changeStatus(TaskStatus.IN_PROGRESS, null, Map.of()));
        assertTrue(e.getMessage().contains("allowed: none"));
        DomainException remaining = assertThrows(DomainException.class, () -> t.update(new Task.Changes(null, null,
                BigDecimal.ONE, null, null, null, null, null)));
        assertEquals(List.of("remainingHours"), fields(remaining));
    }

    @Test
    void datesMustBeInOrderOnCreateAndUpdate() {
        LocalDate d = LocalDate.of(2027, 1, 4);
        DomainException e = assertThrows(DomainException.class, () -> Task.create(UUID.randomUUID(), "x",
                BigDecimal.ONE, null, null, d, d.minusDays(1), null, null));
        assertEquals(List.of("plannedEnd"), fields(e));
        Task t = Task.create(UUID.randomUUID(), "x", BigDecimal.ONE, null, null, d, d, null, null);
        assertThrows(DomainException.class, () -> t.update(new Task.Changes(null, null, null, null, d.plusDays(2),
                null, null, null)));
    }

    @Test
    void anUpdateReportsWhetherAnythingChanged() {
        Task t = task();
        assertFalse(t.update(new Task.Changes("Reorder button", new BigDecimal("16.00"), null, null, null, null, null,
                List.of())));
        assertTrue(t.update(new Task.Changes(null, null, new BigDecimal("3"), null, null, null, null, null)));
        assertEquals(new BigDecimal("3.00"), t.remainingHours());
    }
}
