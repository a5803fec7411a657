package dev.tandem.events.product;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.release.updated.v1} on {@code tandem.product.events}, subject = release id. A planned release's
 * name, description or target date changed.
 *
 * @param releaseId   the release's id
 * @param productId   the product it belongs to
 * @param name        its name
 * @param description what it is about, if written down
 * @param targetDate  the day it is planned for
 * @param status      PLANNED
 * @param createdAt   when it was created
 * @param updatedAt   when it last changed
 * @param version     the release's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseUpdated(
        UUID releaseId,
        UUID productId,
        String name,
        String description,
        LocalDate targetDate,
        String status,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
