package dev.tandem.events.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.feature.committed.v1} on {@code tandem.product.events}, subject = feature id. Carries what
 * project-service needs to propose a project that delivers the feature.
 *
 * @param featureId         the feature's id
 * @param productId         the product it belongs to
 * @param title             the feature's title (the proposed project is named after it)
 * @param problem           the customer problem it solves, if written down
 * @param effortPersonMonths the RICE effort estimate, if given; carried over as the project's initial estimate
 * @param targetReleaseDate target date of the feature's release, if it is in one
 * @param committedAt       when it was committed
 * @param version           the feature's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeatureCommitted(
        UUID featureId,
        UUID productId,
        String title,
        String problem,
        BigDecimal effortPersonMonths,
        LocalDate targetReleaseDate,
        Instant committedAt,
        long version) {
}
