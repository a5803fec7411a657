package dev.tandem.events.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.task.status-changed.v1} on {@code tandem.project.events}, subject = task id. A task moved to another status (from, to, reason; DONE sets remaining hours to 0).
 *
 * @param taskId         the task
 * @param projectId      its project
 * @param title          its title
 * @param from           the status before
 * @param to             the status now
 * @param reason         why, for BLOCKED
 * @param remainingHours hours still to do (0 once DONE)
 * @param changedAt      when it changed
 * @param version        the task's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskStatusChanged(
        UUID taskId,
        UUID projectId,
        String title,
        String from,
        String to,
        String reason,
        BigDecimal remainingHours,
        Instant changedAt,
        long version) {
}
