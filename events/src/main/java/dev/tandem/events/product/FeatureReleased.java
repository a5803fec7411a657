package dev.tandem.events.product;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.feature.released.v1} on {@code tandem.product.events}, subject = feature id. A DELIVERED feature
 * was released (with its release). feedback-service closes the loop with the customers who asked for it.
 *
 * @param featureId   the feature
 * @param productId   its product
 * @param title       its title
 * @param releaseId   the release it shipped in, if any
 * @param releaseName that release's name, if any
 * @param releasedAt  when it was released
 * @param version     the feature's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeatureReleased(
        UUID featureId,
        UUID productId,
        String title,
        UUID releaseId,
        String releaseName,
        Instant releasedAt,
        long version) {
}
