package dev.tandem.events.project;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.tandem.events.Money;

/**
 * {@code dev.tandem.project.budget-exceeded.v1} on {@code tandem.project.events}, subject = project id. The actual
 * cost passed the baseline budget; sent once per project.
 *
 * @param projectId  the project
 * @param key        its key
 * @param name       its name
 * @param productId  the product it delivers for, if any
 * @param featureIds the features it delivers
 * @param budget     the baseline budget
 * @param actualCost the actual cost when it was crossed
 * @param exceededAt when it was crossed
 * @param version    the project's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectBudgetExceeded(
        UUID projectId,
        String key,
        String name,
        UUID productId,
        List<UUID> featureIds,
        Money budget,
        Money actualCost,
        Instant exceededAt,
        long version) {
}
