package dev.tandem.events.product;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.release.released.v1} on {@code tandem.product.events}, subject = release id. A release was
 * released: its DELIVERED features became RELEASED (each also gets {@code feature.released}); the features listed
 * in {@code force} were moved out of it first.
 *
 * @param releaseId          the release's id
 * @param productId          the product it belongs to
 * @param name               its name
 * @param targetDate         the day it was planned for
 * @param status             RELEASED
 * @param releasedFeatureIds the features released with it
 * @param movedOutFeatureIds the features taken out of it because they were not DELIVERED (the force list)
 * @param releasedAt         when it was released
 * @param version            the release's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseReleased(
        UUID releaseId,
        UUID productId,
        String name,
        LocalDate targetDate,
        String status,
        List<UUID> releasedFeatureIds,
        List<UUID> movedOutFeatureIds,
        Instant releasedAt,
        long version) {
}
