package dev.tandem.project.milestone;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;

/**
 * A milestone of a project: a named due date that is reached once. Overdue = due before today (UTC) and not
 * reached; late = reached on a UTC date after the due date.
 */
@Entity
@Table(name = "milestone")
public class Milestone extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "project_id", nullable = false)
    UUID projectId;

    @Column(nullable = false, length = 200)
    String name;

    @Column(name = "due_date", nullable = false)
    LocalDate dueDate;

    @Column(name = "reached_at")
    Instant reachedAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Milestone() {
    }

    public static Milestone create(UUID projectId, String name, LocalDate dueDate) {
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.projectId = projectId;
        m.name = name.strip();
        m.dueDate = dueDate;
        m.createdAt = Now.instant();
        m.updatedAt = m.createdAt;
        return m;
    }

    /**
     * Applies the given changes (null = unchanged).
     *
     * @return whether anything changed
     */
    public boolean update(String newName, LocalDate newDueDate) {
        boolean changed = false;
        if (newName != null && !newName.strip().equals(name)) {
            name = newName.strip();
            changed = true;
        }
        if (newDueDate != null && !newDueDate.equals(dueDate)) {
            dueDate = newDueDate;
            changed = true;
        }
        if (changed) {
            updatedAt = Now.instant();
        }
        return changed;
    }

    /**
     * Marks the milestone reached at {@code at} (null = now). Only once (409); not in the future (400 naming
     * {@code reachedAt}).
     */
    public void reach(Instant at, Clock clock) {
        if (reachedAt != null) {
            throw DomainException.conflict("milestone was already reached at " + reachedAt,
                    new FieldIssue("reachedAt", "is already set; a milestone is reached once"));
        }
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        if (when.isAfter(now)) {
            throw DomainException.invalid("reachedAt must not be in the future",
                    new FieldIssue("reachedAt", "must not be in the future"));
        }
        reachedAt = when.truncatedTo(ChronoUnit.MICROS);
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** Overdue: due before {@code today} and not reached. Due today is not overdue. */
    public boolean isOverdue(LocalDate today) {
        return reachedAt == null && dueDate.isBefore(today);
    }

    /** {@link #isOverdue(LocalDate)} with today's UTC date from the clock. */
    public boolean isOverdue(Clock clock) {
        return isOverdue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Late: reached on a UTC date after the due date (false while not reached). */
    public boolean isLate() {
        return reachedAt != null && LocalDate.ofInstant(reachedAt, ZoneOffset.UTC).isAfter(dueDate);
    }

    /** A project's milestones by due date, then id, strictly after the (dueDate, id) keyset position. */
    public static List<Milestone> page(UUID projectId, LocalDate afterDue, UUID afterId, int fetchSize) {
        StringBuilder where = new StringBuilder("projectId = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", projectId);
        if (afterDue != null) {
            where.append(" and (dueDate > :d or (dueDate = :d and id > :id))");
            params.put("d", afterDue);
            params.put("id", afterId);
        }
        return find(where + " order by dueDate, id", params).page(0, fetchSize).list();
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public String name() {
        return name;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Instant reachedAt() {
        return reachedAt;
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
