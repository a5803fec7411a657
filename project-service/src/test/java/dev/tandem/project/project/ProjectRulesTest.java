package dev.tandem.project.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.money.Money;
import org.junit.jupiter.api.Test;

/** The rules on the Project aggregate, without Quarkus. */
class ProjectRulesTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final LocalDate END = LocalDate.of(2027, 3, 26);

    private static Project planned() {
        return Project.create("reorder", " One-click reorder ", null, UUID.randomUUID(), List.of(), "ben",
                "Reorder in one click", new Money("120000", "EUR"), START, END);
    }

    private static Project bare() {
        return Project.create("BARE", "Bare", null, null, null, null, null, null, null, null);
    }

    private static List<String> fields(DomainException e) {
        return e.issues().stream().map(DomainException.FieldIssue::field).toList();
    }

    @Test
    void aNewProjectIsProposedWithANormalisedKeyAndName() {
        Project p = planned();
        assertEquals(ProjectStatus.PROPOSED, p.status());
        assertEquals("REORDER", p.key());
        assertEquals("One-click reorder", p.name());
        assertEquals(new Money("120000.00", "EUR"), p.budget());
        assertNull(p.baseline());
    }

    @Test
    void plannedEndBeforeStartIsRefusedNamingPlannedEnd() {
        DomainException e = assertThrows(DomainException.class, () -> Project.create("K1", "x", null, null, null,
                null, null, null, END, START));
        assertEquals(DomainException.Kind.RULE_BROKEN, e.kind());
        assertEquals(List.of("plannedEnd"), fields(e));
        // the same day is fine
        Project.create("K2", "x", null, null, null, null, null, null, START, START);
    }

    @Test
    void anUpdateMayNotPutTheEndBeforeTheExistingStart() {
        Project p = planned();
        DomainException e = assertThrows(DomainException.class, () -> p.update(new Project.Changes(null, null,
                null, null, null, null, null, null, null, START.minusDays(1))));
        assertEquals(List.of("plannedEnd"), fields(e));
        assertEquals(END, p.plannedEnd(), "nothing changed");
    }

    @Test
    void anUpdateReportsWhetherAnythingChanged() {
        Project p = planned();
        assertFalse(p.update(new Project.Changes("REORDER", "One-click reorder", null, null, null, null, null,
                new Money("120000.00", "EUR"), START, null)));
        assertTrue(p.update(new Project.Changes(null, null, null, null, null, "kim", null, null, null, null)));
        assertEquals("kim", p.manager());
    }

    @Test
    void approvingNeedsABudgetAndPlannedDatesNamingWhatIsMissing() {
        Project p = bare();
        DomainException e = assertThrows(DomainException.class, () -> p.changeStatus(ProjectStatus.APPROVED, null));
        assertEquals(DomainException.Kind.RULE_BROKEN, e.kind());
        assertEquals(List.of("budget", "plannedStart", "plannedEnd"), fields(e));
        assertEquals(ProjectStatus.PROPOSED, p.status());
    }

    @Test
    void approvingTakesTheBaselineWhichLaterChangesDoNotMove() {
        Project p = planned();
        assertEquals(ProjectStatus.PROPOSED, p.changeStatus(ProjectStatus.APPROVED, null));
        Project.Baseline b = p.baseline();
        assertEquals(new Money("120000.00", "EUR"), b.budget());
        assertEquals(START, b.plannedStart());
        assertEquals(END, b.plannedEnd());

        p.update(new Project.Changes(null, null, null, null, null, null, null, new Money("150000.00", "EUR"), null,
                END.plusDays(14)));
        assertEquals(new Money("150000.00", "EUR"), p.budget());
        assertEquals(b, p.baseline(), "the baseline stays as approved");
    }

    @Test
    void approvingCapturesTheTaskEstimatesIntoTheBaselineAndNoOtherMoveDoes() {
        Project p = planned();
        java.util.concurrent.atomic.AtomicInteger captures = new java.util.concurrent.atomic.AtomicInteger();
        Project.Tasks tasks = new Project.Tasks() {
            @Override
            public java.util.Map<UUID, String> open() {
                return java.util.Map.of();
            }

            @Override
            public java.math.BigDecimal captureEstimates() {
                captures.incrementAndGet();
                return new java.math.BigDecimal("64.50");
            }
        };
        p.changeStatus(ProjectStatus.APPROVED, null, tasks);
        assertEquals(new java.math.BigDecimal("64.50"), p.baseline().estimateHours());
        p.changeStatus(ProjectStatus.ACTIVE, null, tasks);
        p.changeStatus(ProjectStatus.COMPLETED, null, tasks);
        assertEquals(1, captures.get(), "captured once, at approval");
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheAllowedOnes() {
        Project p = planned();
        DomainException e = assertThrows(DomainException.class, () -> p.changeStatus(ProjectStatus.ACTIVE, null));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().endsWith("allowed: APPROVED, CANCELLED"), e.getMessage());
    }

    @Test
    void cancellingNeedsAReasonAndIsFinal() {
        Project p = planned();
        DomainException e = assertThrows(DomainException.class,
                () -> p.changeStatus(ProjectStatus.CANCELLED, "  "));
        assertEquals(DomainException.Kind.RULE_BROKEN, e.kind());
        assertEquals(List.of("reason"), fields(e));

        p.changeStatus(ProjectStatus.CANCELLED, "Superseded");
        assertEquals("Superseded", p.statusReason());
        DomainException again = assertThrows(DomainException.class,
                () -> p.changeStatus(ProjectStatus.APPROVED, null));
        assertTrue(again.getMessage().contains("allowed: none"), again.getMessage());
        DomainException update = assertThrows(DomainException.class, () -> p.update(new Project.Changes(null,
                "renamed", null, null, null, null, null, null, null, null)));
        assertEquals(DomainException.Kind.CONFLICT, update.kind());
    }

    @Test
    void theWholeLifeOfAProject() {
        Project p = planned();
        p.changeStatus(ProjectStatus.APPROVED, null);
        p.changeStatus(ProjectStatus.ACTIVE, null);
        p.changeStatus(ProjectStatus.ON_HOLD, "waiting for the payment provider");
        p.changeStatus(ProjectStatus.ACTIVE, null);
        assertEquals(ProjectStatus.ACTIVE, p.changeStatus(ProjectStatus.COMPLETED, null));
        assertTrue(p.status().isFinal());
    }

    @Test
    void aProposalIsNamedAfterTheFeatureAndDeliversIt() {
        UUID feature = UUID.fromString("5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6");
        UUID product = UUID.randomUUID();
        Project p = Project.proposeFor(feature, product, "One-click reorder", "Repeat buyers re-enter baskets",
                new BigDecimal("2.5"), Project.proposalKey(feature, 0));
        assertEquals("F5D1E6C7", p.key());
        assertEquals("One-click reorder", p.name());
        assertEquals(ProjectStatus.PROPOSED, p.status());
        assertEquals(product, p.productId());
        assertEquals(List.of(feature), p.featureIds());
        assertEquals("Repeat buyers re-enter baskets", p.scope());
        assertEquals(new BigDecimal("2.50"), p.initialEstimatePersonMonths());
        assertEquals(feature, p.proposedForFeatureId());
    }

    @Test
    void proposalKeysFitTheKeyRulesAndDifferPerAttempt() {
        UUID feature = UUID.fromString("abcdef12-2b3c-4d5e-8f90-a1b2c3d4e5f6");
        assertEquals("FABCDEF1", Project.proposalKey(feature, 0));
        assertEquals("FABCDEF12", Project.proposalKey(feature, 1));
        assertEquals("FABCDEF199", Project.proposalKey(feature, FeatureProposals.MAX_KEY_ATTEMPTS - 1));
        for (int i = 0; i < FeatureProposals.MAX_KEY_ATTEMPTS; i++) {
            assertTrue(Project.proposalKey(feature, i).matches("^[A-Z][A-Z0-9]{1,9}$"), Project.proposalKey(feature, i));
        }
    }

    @Test
    void completingWithOpenTasksIsAConflictNamingThem() {
        Project p = planned();
        p.changeStatus(ProjectStatus.APPROVED, null);
        p.changeStatus(ProjectStatus.ACTIVE, null);
        UUID open = UUID.randomUUID();
        DomainException e = assertThrows(DomainException.class,
                () -> p.changeStatus(ProjectStatus.COMPLETED, null,
                        withOpen(java.util.Map.of(open, "Reorder button"))));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains(open + " (Reorder button)"), e.getMessage());
        assertEquals(ProjectStatus.ACTIVE, p.status());
        p.changeStatus(ProjectStatus.COMPLETED, null, Project.Tasks.NONE);
        assertEquals(ProjectStatus.COMPLETED, p.status());
    }

    @Test
    void healthAndTheBudgetFlagAreRecordedOnce() {
        Project p = planned();
        assertTrue(p.recordHealth(dev.tandem.project.health.Health.GREEN, java.util.List.of()));
        assertFalse(p.recordHealth(dev.tandem.project.health.Health.GREEN, java.util.List.of()));
        assertTrue(p.recordHealth(dev.tandem.project.health.Health.RED, java.util.List.of("CPI_BELOW_THRESHOLD")));
        assertFalse(p.recordHealth(dev.tandem.project.health.Health.RED, java.util.List.of("CPI_BELOW_THRESHOLD")),
                "the same colour for the same reasons is no change (the indices' values do not count)");
        assertTrue(p.recordHealth(dev.tandem.project.health.Health.RED,
                java.util.List.of("CPI_BELOW_THRESHOLD", "OVER_BUDGET")), "a new reason is a change, same colour");
        assertTrue(p.recordHealth(dev.tandem.project.health.Health.RED, java.util.List.of("OVER_BUDGET")),
                "a reason gone is a change too");
        assertTrue(p.markBudgetExceeded(java.time.Instant.parse("2027-02-01T10:00:00Z")));
        assertFalse(p.markBudgetExceeded(java.time.Instant.parse("2027-02-02T10:00:00Z")));
        assertEquals(java.time.Instant.parse("2027-02-01T10:00:00Z"), p.budgetExceededAt());
    }

    /** Tasks of which {@code open} are not DONE (id → title). */
    private static Project.Tasks withOpen(java.util.Map<UUID, String> open) {
        return new Project.Tasks() {
            @Override
            public java.util.Map<UUID, String> open() {
                return open;
            }

            @Override
            public java.math.BigDecimal captureEstimates() {
                throw new AssertionError("only approving captures the estimates");
            }
        };
    }
}
