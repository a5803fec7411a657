package dev.tandem.events.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.project.health-changed.v1} on {@code tandem.project.events}, subject = project id. The project's
 * computed health changed (GREEN, AMBER, RED). product-service flags the delivered features at risk on AMBER/RED and
 * clears the flag on GREEN.
 *
 * @param projectId  the project
 * @param key        its key
 * @param name       its name
 * @param productId  the product it delivers for, if any
 * @param featureIds the features it delivers
 * @param from       the health before (null the first time health is computed)
 * @param to         the health now
 * @param reasons    every reason for the health now (empty when GREEN)
 * @param cpi        cost performance index, if defined
 * @param spi        schedule performance index, if defined
 * @param changedAt  when the change was detected
 * @param version    the project's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectHealthChanged(
        UUID projectId,
        String key,
        String name,
        UUID productId,
        List<UUID> featureIds,
        String from,
        String to,
        List<Reason> reasons,
        BigDecimal cpi,
        BigDecimal spi,
        Instant changedAt,
        long version) {

    /**
     * One reason for a health rating.
     *
     * @param code     stable code, e.g. CPI_BELOW_THRESHOLD, SPI_BELOW_THRESHOLD, MILESTONE_OVERDUE,
     *                 CRITICAL_TASK_BLOCKED, OVER_BUDGET
     * @param severity AMBER or RED
     * @param message  a sentence a person can read
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String code, String severity, String message) {
    }
}
