package dev.tandem.events.project;

import dev.tandem.events.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.project.status-changed.v1} on {@code tandem.project.events}, subject = project id: the project
 * was approved, started, put on hold, resumed, completed or cancelled. Carries the product and feature ids so
 * product-service can move the features (IN_DELIVERY when ACTIVE, DELIVERED when COMPLETED).
 *
 * @param projectId  the project's id
 * @param key        its key
 * @param name       its name
 * @param productId  the product it delivers for, if any
 * @param featureIds the features it delivers
 * @param from       the status before
 * @param to         the status after
 * @param reason     why (required for CANCELLED), if given
 * @param baseline   the baseline, once the project was approved (taken when moving to APPROVED)
 * @param changedAt  when the status changed
 * @param version    the project's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectStatusChanged(
        UUID projectId,
        String key,
        String name,
        UUID productId,
        List<UUID> featureIds,
        String from,
        String to,
        String reason,
        Baseline baseline,
        Instant changedAt,
        long version) {

    /**
     * What later variance is measured against, captured at approval.
     *
     * @param budget       the budget at approval
     * @param plannedStart the planned start at approval
     * @param plannedEnd   the planned end at approval
     * @param takenAt      when it was taken
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Baseline(Money budget, LocalDate plannedStart, LocalDate plannedEnd, Instant takenAt) {
    }
}
