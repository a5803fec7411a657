package dev.tandem.project.task;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The remaining hours of a project's tasks as they stood at the end of a day on which something changed. */
@Entity
@Table(name = "remaining_hours_day")
@IdClass(RemainingHoursDay.Key.class)
public class RemainingHoursDay extends PanacheEntityBase {

    /** The composite primary key. */
    public static class Key implements Serializable {
        UUID projectId;
        LocalDate day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, day);
        }
    }

    @Id
    @Column(name = "project_id")
    UUID projectId;

    @Id
    @Column(name = "day")
    LocalDate day;

    @Column(name = "remaining_hours", nullable = false, precision = 12, scale = 2)
    BigDecimal remainingHours;

    protected RemainingHoursDay() {
    }

    /** Records the project's current remaining hours (Σ over its tasks) for {@code day}. */
    public static void record(UUID projectId, LocalDate day) {
        BigDecimal remaining = getEntityManager().createQuery(
                        "select coalesce(sum(t.remainingHours), 0) from Task t where t.projectId = :p", BigDecimal.class)
                .setParameter("p", projectId).getSingleResult();
        RemainingHoursDay row = find("projectId = ?1 and day = ?2", projectId, day).firstResult();
        if (row == null) {
            row = new RemainingHoursDay();
            row.projectId = projectId;
            row.day = day;
            row.remainingHours = remaining;
            row.persist();
        } else {
            row.remainingHours = remaining;
        }
    }

    /** The project's snapshots, by day. */
    public static List<RemainingHoursDay> ofProject(UUID projectId) {
        return list("projectId = ?1 order by day", projectId);
    }

    public LocalDate day() {
        return day;
    }

    public BigDecimal remainingHours() {
        return remainingHours;
    }
}
