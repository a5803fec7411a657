package dev.tandem.project.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A task of a project: an estimate in hours, the hours remaining, a status ({@link TaskStatus}) and the tasks of the
 * same project it depends on. The rules that need only the task itself live here; those that need the other tasks
 * (same project, cycles) are in {@link TaskRules} through {@link TaskGraph}.
 */
@Entity
@Table(name = "task")
public class Task extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "project_id", nullable = false)
    UUID projectId;

    @Column(nullable = false, length = 200)
    String title;

    @Column(name = "estimate_hours", nullable = false, precision = 8, scale = 2)
    BigDecimal estimateHours;

    @Column(name = "remaining_hours", nullable = false, precision = 8, scale = 2)
    BigDecimal remainingHours;

    @Column(length = 200)
    String assignee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    TaskStatus status;

    @Column(name = "blocked_reason", length = 1000)
    String blockedReason;

    @Column(name = "planned_start")
    LocalDate plannedStart;

    @Column(name = "planned_end")
    LocalDate plannedEnd;

    @Column(name = "milestone_id")
    UUID milestoneId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "depends_on", nullable = false)
    List<UUID> dependsOn = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Task() {
    }

    /** A new TODO task; remaining defaults to the estimate; plannedEnd must not be before plannedStart. */
    public static Task create(UUID projectId, String title, BigDecimal estimateHours, BigDecimal remainingHours,
                              String assignee, LocalDate plannedStart, LocalDate plannedEnd, UUID milestoneId,
                              List<UUID> dependsOn) {
        requireDatesInOrder(plannedStart, plannedEnd);
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.projectId = projectId;
        t.title = title.strip();
        t.estimateHours = hours(estimateHours);
        t.remainingHours = remainingHours == null ? t.estimateHours : hours(remainingHours);
        t.assignee = assignee;
        t.status = TaskStatus.TODO;
        t.plannedStart = plannedStart;
        t.plannedEnd = plannedEnd;
        t.milestoneId = milestoneId;
        t.dependsOn = distinct(dependsOn);
        t.createdAt = Now.instant();
        t.updatedAt = t.createdAt;
        return t;
    }

    /** The changes of an update; null means unchanged. */
    public record Changes(String title, BigDecimal estimateHours, BigDecimal remainingHours, String assignee,
                          LocalDate plannedStart, LocalDate plannedEnd, UUID milestoneId, List<UUID> dependsOn) {
    }

    /**
     * Applies an update. A DONE task keeps no remaining hours (409 naming remainingHours); the resulting plannedEnd
     * must not be before plannedStart (422 naming plannedEnd).
     *
     * @return whether anything changed
     */
    public boolean update(Changes c) {
        requireDatesInOrder(c.plannedStart() != null ? c.plannedStart() : plannedStart,
                c.plannedEnd() != null ? c.plannedEnd() : plannedEnd);
        if (status == TaskStatus.DONE && c.remainingHours() != null && c.remainingHours().signum() > 0) {
            throw DomainException.conflict("a DONE task has no remaining hours",
                    new FieldIssue("remainingHours", "must be 0 for a DONE task"));
        }
        boolean changed = false;
        if (c.title() != null && !c.title().strip().equals(title)) {
            title = c.title().strip();
            changed = true;
        }
        if (c.estimateHours() != null && c.estimateHours().compareTo(estimateHours) != 0) {
            estimateHours = hours(c.estimateHours());
            changed = true;
        }
        if (c.remainingHours() != null && c.remainingHours().compareTo(remainingHours) != 0) {
            remainingHours = hours(c.remainingHours());
            changed = true;
        }
        if (c.assignee() != null && !c.assignee().equals(assignee)) {
            assignee = c.assignee();
            changed = true;
        }
        if (c.plannedStart() != null && !c.plannedStart().equals(plannedStart)) {
            plannedStart = c.plannedStart();
            changed = true;
        }
        if (c.plannedEnd() != null && !c.plannedEnd().equals(plannedEnd)) {
            plannedEnd = c.plannedEnd();
            changed = true;
        }
        if (c.milestoneId() != null && !c.milestoneId().equals(milestoneId)) {
            milestoneId = c.milestoneId();
            changed = true;
        }
        if (c.dependsOn() != null && !distinct(c.dependsOn()).equals(dependsOn)) {
            dependsOn = distinct(c.dependsOn());
            changed = true;
        }
        if (changed) {
            touch();
        }
        return changed;
    }

    /**
     * Moves the task to {@code target}. Illegal moves are a 409 naming the allowed ones; BLOCKED needs a reason (422
     * naming reason); starting (IN_PROGRESS) while a dependency is not DONE is a 409 naming those dependencies; DONE
     * sets the remaining hours to 0.
     *
     * @param openDependencies the tasks this one depends on that are not DONE (id → title)
     * @return the status before the move
     */
    public TaskStatus changeStatus(TaskStatus target, String reason, Map<UUID, String> openDependencies) {
        TaskStatus from = status;
        if (!from.canMoveTo(target)) {
            String allowed = from.allowedNext().isEmpty() ? "none (" + from + " is final)"
                    : from.allowedNext().stream().map(Enum::name).collect(Collectors.joining(", "));
            throw DomainException.conflict("a " + from + " task cannot move to " + target + "; allowed: " + allowed,
                    new FieldIssue("status", "allowed from " + from + ": " + allowed));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (target == TaskStatus.BLOCKED && why == null) {
            throw DomainException.ruleBroken("blocking a task needs a reason",
                    new FieldIssue("reason", "is required to block a task"));
        }
        if (target == TaskStatus.IN_PROGRESS && !openDependencies.isEmpty()) {
            String names = openDependencies.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
            throw DomainException.conflict("the task depends on tasks that are not DONE: " + names,
                    openDependencies.keySet().stream()
                            .map(id -> new FieldIssue("dependsOn", id + " is not DONE"))
                            .toArray(FieldIssue[]::new));
        }
        status = target;
        blockedReason = target == TaskStatus.BLOCKED ? why : null;
        if (target == TaskStatus.DONE) {
            remainingHours = BigDecimal.ZERO.setScale(2);
        }
        touch();
        return from;
    }

    /** Estimate minus remaining, never below 0 nor above the estimate: the hours of work done. */
    public BigDecimal doneHours() {
        BigDecimal done = estimateHours.subtract(remainingHours);
        return done.signum() < 0 ? BigDecimal.ZERO.setScale(2) : done.min(estimateHours);
    }

    static void requireDatesInOrder(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw DomainException.ruleBroken("plannedEnd " + end + " is before plannedStart " + start,
                    new FieldIssue("plannedEnd", "must not be before plannedStart (" + start + ")"));
        }
    }

    /** A project's tasks, oldest first. */
    public static List<Task> ofProject(UUID projectId) {
        return find("projectId = ?1 order by createdAt, id", projectId).list();
    }

    /** A project's tasks by creation, strictly after the (createdAt, id) keyset position, optionally of one status. */
    public static List<Task> page(UUID projectId, TaskStatus status, Instant afterCreated, UUID afterId,
                                  int fetchSize) {
        StringBuilder where = new StringBuilder("projectId = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", projectId);
        if (status != null) {
            where.append(" and status = :s");
            params.put("s", status);
        }
        if (afterCreated != null) {
            where.append(" and (createdAt > :c or (createdAt = :c and id > :id))");
            params.put("c", afterCreated);
            params.put("id", afterId);
        }
        return find(where + " order by createdAt, id", params).page(0, fetchSize).list();
    }

    private void touch() {
        updatedAt = Now.instant();
        if (!updatedAt.isAfter(createdAt)) {
            updatedAt = createdAt.plus(1, ChronoUnit.MICROS);
        }
    }

    private static BigDecimal hours(BigDecimal h) {
        return h.setScale(2, RoundingMode.HALF_UP);
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(ids));
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public String title() {
        return title;
    }

    public BigDecimal estimateHours() {
        return estimateHours;
    }

    public BigDecimal remainingHours() {
        return remainingHours;
    }

    public String assignee() {
        return assignee;
    }

    public TaskStatus status() {
        return status;
    }

    public String blockedReason() {
        return blockedReason;
    }

    public LocalDate plannedStart() {
        return plannedStart;
    }

    public LocalDate plannedEnd() {
        return plannedEnd;
    }

    public UUID milestoneId() {
        return milestoneId;
    }

    public List<UUID> dependsOn() {
        return List.copyOf(dependsOn);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
