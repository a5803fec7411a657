package dev.tandem.project.task;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A task's estimate as it was when its project was approved (part of the project's baseline). */
@Entity
@Table(name = "task_baseline")
@IdClass(TaskBaseline.Key.class)
public class TaskBaseline extends PanacheEntityBase {

    /** The composite primary key. */
    public static class Key implements Serializable {
        UUID projectId;
        UUID taskId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(taskId, k.taskId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, taskId);
        }
    }

    @Id
    @Column(name = "project_id")
    UUID projectId;

    @Id
    @Column(name = "task_id")
    UUID taskId;

    @Column(name = "estimate_hours", nullable = false, precision = 8, scale = 2)
    BigDecimal estimateHours;

    protected TaskBaseline() {
    }

    /**
     * Captures the estimates of the project's tasks now.
     *
     * @return their sum (0 when the project has no tasks)
     */
    public static BigDecimal capture(UUID projectId) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Task t : Task.ofProject(projectId)) {
            TaskBaseline b = new TaskBaseline();
            b.projectId = projectId;
            b.taskId = t.id();
            b.estimateHours = t.estimateHours();
            b.persist();
            total = total.add(t.estimateHours());
        }
        return total;
    }

    /** The baseline estimate of one task of the project; null when it has none (added after approval, or not approved). */
    public static BigDecimal estimateOf(UUID projectId, UUID taskId) {
        TaskBaseline b = find("projectId = ?1 and taskId = ?2", projectId, taskId).firstResult();
        return b == null ? null : b.estimateHours;
    }

    /** Baseline estimates of the project's tasks, by task id. */
    public static Map<UUID, BigDecimal> ofProject(UUID projectId) {
        Map<UUID, BigDecimal> result = new HashMap<>();
        List<TaskBaseline> rows = list("projectId", projectId);
        rows.forEach(b -> result.put(b.taskId, b.estimateHours));
        return result;
    }
}
