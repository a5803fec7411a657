package dev.tandem.events.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.tandem.events.Money;

/**
 * {@code dev.tandem.expense.recorded.v1} on {@code tandem.project.events}, subject = expense id. An expense of a project was recorded (amount, category).
 *
 * @param entryId     the expense
 * @param projectId   its project
 * @param amount      the amount, in the project's currency
 * @param category    what kind of spend
 * @param date        when it was spent
 * @param description what for
 * @param recordedAt  when it was recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpenseRecorded(
        UUID entryId,
        UUID projectId,
        Money amount,
        String category,
        LocalDate date,
        String description,
        Instant recordedAt) {
}
