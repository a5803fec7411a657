package dev.tandem.events.project;

import dev.tandem.events.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.project.created.v1} on {@code tandem.project.events}, subject = project id: a project was created through the API or proposed for a committed feature.
 *
 * @param projectId                   the project's id
 * @param key                         its unique key (upper case)
 * @param name                        its name
 * @param programId                   the program it belongs to, if any
 * @param productId                   the product it delivers for, if any
 * @param featureIds                  the features it delivers (product-service ids)
 * @param manager                     the project manager, if named
 * @param scope                       the scope statement, if written down
 * @param budget                      the current budget, if set
 * @param plannedStart                planned start date, if set
 * @param plannedEnd                  planned end date, if set
 * @param status                      PROPOSED, APPROVED, ACTIVE, ON_HOLD, COMPLETED or CANCELLED
 * @param initialEstimatePersonMonths effort carried over from the feature it was proposed for, if any
 * @param createdAt                   when it was created
 * @param version                     the project's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectCreated(
        UUID projectId,
        String key,
        String name,
        UUID programId,
        UUID productId,
        List<UUID> featureIds,
        String manager,
        String scope,
        Money budget,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        String status,
        BigDecimal initialEstimatePersonMonths,
        Instant createdAt,
        long version) {
}
