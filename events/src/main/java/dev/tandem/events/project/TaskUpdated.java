package dev.tandem.events.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.task.updated.v1} on {@code tandem.project.events}, subject = task id. A task's title, estimate, remaining hours, assignee, dates, milestone or dependencies changed.
 *
 * @param taskId         the task
 * @param projectId      its project
 * @param title          its title
 * @param estimateHours  estimated effort in hours
 * @param remainingHours hours still to do
 * @param assignee       who works on it, if anyone
 * @param status         TODO, IN_PROGRESS, BLOCKED or DONE
 * @param blockedReason  why it is BLOCKED
 * @param plannedStart   planned start
 * @param plannedEnd     planned end
 * @param milestoneId    the milestone it belongs to
 * @param dependsOn      tasks of the same project that must be DONE before it starts
 * @param updatedAt      when it was changed
 * @param version        the task's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskUpdated(
        UUID taskId,
        UUID projectId,
        String title,
        BigDecimal estimateHours,
        BigDecimal remainingHours,
        String assignee,
        String status,
        String blockedReason,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        UUID milestoneId,
        List<UUID> dependsOn,
        Instant updatedAt,
        long version) {
}
