package dev.tandem.project.tracking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.project.ProjectBudgetExceeded;
import dev.tandem.events.project.ProjectHealthChanged;
import dev.tandem.platform.history.History;
import dev.tandem.platform.money.Money;
import dev.tandem.platform.outbox.Outbox;
import dev.tandem.project.cost.ExpenseEntry;
import dev.tandem.project.cost.TimeEntry;
import dev.tandem.project.health.EarnedValue;
import dev.tandem.project.health.Health;
import dev.tandem.project.health.HealthThresholds;
import dev.tandem.project.milestone.Milestone;
import dev.tandem.project.project.Project;
import dev.tandem.project.project.ProjectView;
import dev.tandem.project.schedule.CriticalPath;
import dev.tandem.project.schedule.Schedules;
import dev.tandem.project.task.RemainingHoursDay;
import dev.tandem.project.task.Task;
import dev.tandem.project.task.TaskStatus;

/**
 * Keeps a project's computed state current: after every change that affects it (task, time, expense, milestone,
 * status) the caller runs {@link #update(Project)} in the same transaction, which records today's remaining hours
 * (burndown, once the project has a baseline), recomputes the health and flags a crossed budget; the events go out through
 * {@link Pending#publish()} after the caller's flush.
 */
@ApplicationScoped
public class ProjectTracking {

    @Inject
    Clock clock;

    @Inject
    HealthThresholds thresholds;

    @Inject
    Schedules schedules;

    @Inject
    Outbox outbox;

    @Inject
    History history;

    /** Health and budget events to publish once the project is flushed (its version final). */
    public final class Pending {
        private final Project project;
        private final Health from;
        private final Report report;
        private final boolean healthChanged;
        private final boolean budgetExceeded;

        private Pending(Project project, Health from, Report report, boolean healthChanged, boolean budgetExceeded) {
            this.project = project;
            this.from = from;
            this.report = report;
            this.healthChanged = healthChanged;
            this.budgetExceeded = budgetExceeded;
        }

        /** Whether the health's colour or reasons changed. */
        public boolean healthChanged() {
            return healthChanged;
        }

        /** Writes project.health-changed and project.budget-exceeded to the outbox when they happened. */
        public void publish() {
            Project p = project;
            if (healthChanged && report != null) {
                EarnedValue.Result ev = report.earnedValue();
                EventType type = EventType.PROJECT_HEALTH_CHANGED;
                outbox.publish(type.topic(), type.aggregateType(), p.id(), type.type(), new ProjectHealthChanged(
                        p.id(), p.key(), p.name(), p.productId(), p.featureIds(), from == null ? null : from.name(),
                        ev.health().name(), ev.reasons().stream().map(r -> new ProjectHealthChanged.Reason(r.code(),
                                r.severity().name(), r.message())).toList(),
                        ev.cpi(), ev.spi(), clock.instant(), p.version()));
                // the project's history shows the new health, by whoever's change (or the schedule) moved it
                history.record(type.aggregateType(), p.id(), type.type(), ProjectView.of(p));
            }
            if (budgetExceeded) {
                EventType type = EventType.PROJECT_BUDGET_EXCEEDED;
                String currency = report.currency();
                outbox.publish(type.topic(), type.aggregateType(), p.id(), type.type(), new ProjectBudgetExceeded(
                        p.id(), p.key(), p.name(), p.productId(), p.featureIds(),
                        new dev.tandem.events.Money(report.earnedValue().bac().toPlainString(), currency),
                        new dev.tandem.events.Money(report.earnedValue().ac().toPlainString(), currency),
                        p.budgetExceededAt(), p.version()));
            }
        }
    }

    /**
     * The full picture of an approved project.
     *
     * @param earnedValue BAC, PV, EV, AC, indices, variances, health and reasons
     * @param currency    the baseline's currency, of every amount
     * @param schedule    the schedule used for the forecast and the critical path
     */
    public record Report(LocalDate asOf, String currency, EarnedValue.Result earnedValue, CriticalPath.Result schedule) {
    }

    /**
     * Records today's remaining hours, recomputes health and the budget flag on {@code project} (without flushing).
     * Call after the change itself; flush; then {@link Pending#publish()}.
     */
    public Pending update(Project project) {
        if (project.baseline() != null) {
            RemainingHoursDay.record(project.id(), schedules.today());
        }
        Report report = report(project);
        Health before = project.health();
        boolean changed = report == null ? project.recordHealth(null, List.of())
                : project.recordHealth(report.earnedValue().health(),
                        report.earnedValue().reasons().stream().map(r -> r.code()).toList());
        boolean exceeded = report != null
                && report.earnedValue().ac().compareTo(report.earnedValue().bac()) > 0
                && project.markBudgetExceeded(clock.instant());
        return new Pending(project, before, report, changed, exceeded);
    }

    /**
     * Stores a new cost entry (time or expense) of {@code project} and everything that follows from it, in the
     * caller's transaction: the entry, the recomputed health and budget flag, then the entry's own event and the
     * health/budget events, in that order.
     */
    public void recordCost(Project project, io.quarkus.hibernate.orm.panache.PanacheEntityBase entry,
            Runnable publishEntryEvent) {
        entry.persist();
        afterChange(project, publishEntryEvent);
    }

    /**
     * Everything that follows a change of {@code project} or of its tasks, milestones or costs, in the caller's
     * transaction and in this order: today's remaining hours, the recomputed health and budget flag, a flush, the
     * change's own event ({@code publishChangeEvent}), then the health and budget events it caused.
     *
     * @return what was published, e.g. whether the health changed
     */
    public Pending afterChange(Project project, Runnable publishChangeEvent) {
        Pending pending = update(project);
        Project.flush();
        publishChangeEvent.run();
        pending.publish();
        return pending;
    }

    /** Earned value and health as of today; null before the project has a baseline. */
    public Report report(Project project) {
        Project.Baseline baseline = project.baseline();
        if (baseline == null) {
            return null;
        }
        LocalDate today = schedules.today();
        List<Task> tasks = Task.ofProject(project.id());
        CriticalPath.Result schedule = schedules.of(project, tasks);
        BigDecimal estimate = BigDecimal.ZERO;
        BigDecimal done = BigDecimal.ZERO;
        Map<UUID, Task> byId = new HashMap<>();
        for (Task t : tasks) {
            estimate = estimate.add(t.estimateHours());
            done = done.add(t.doneHours());
            byId.put(t.id(), t);
        }
        List<EarnedValue.BlockedTask> blocked = new ArrayList<>();
        for (CriticalPath.Timing timing : schedule.tasks()) {
            Task t = byId.get(timing.id());
            if (timing.critical() && t.status() == TaskStatus.BLOCKED) {
                blocked.add(new EarnedValue.BlockedTask(t.id(), t.title(), t.blockedReason()));
            }
        }
        List<EarnedValue.OverdueMilestone> overdue = Milestone.<Milestone>list("projectId = ?1 order by dueDate, id",
                        project.id()).stream()
                .filter(m -> m.isOverdue(today))
                .map(m -> new EarnedValue.OverdueMilestone(m.id(), m.name(), m.dueDate())).toList();
        Money bac = baseline.budget();
        BigDecimal ac = TimeEntry.totalCost(project.id(), bac.currency())
                .add(ExpenseEntry.total(project.id(), bac.currency()));
        EarnedValue.Result ev = EarnedValue.compute(new EarnedValue.Input(bac.value(), baseline.plannedStart(),
                baseline.plannedEnd(), today, estimate, done, ac, overdue, blocked), thresholds.values());
        return new Report(today, bac.currency(), ev, schedule);
    }
}
