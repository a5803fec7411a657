package dev.tandem.events.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.tandem.events.Money;

/**
 * {@code dev.tandem.time.recorded.v1} on {@code tandem.project.events}, subject = time-entry id. Hours worked on a task were recorded, costed at the member's rate.
 *
 * @param entryId    the time entry
 * @param projectId  its project
 * @param personId   who worked
 * @param taskId     on which task
 * @param date       the day worked
 * @param hours      hours worked
 * @param cost       hours x the member's hourly rate
 * @param recordedAt when it was recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimeRecorded(
        UUID entryId,
        UUID projectId,
        String personId,
        UUID taskId,
        LocalDate date,
        BigDecimal hours,
        Money cost,
        Instant recordedAt) {
}
