package dev.tandem.feedback.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * The catalog now holds a feature as RELEASED (from {@code feature.released}). Fired as a synchronous CDI event by
 * {@link ProductEventsConsumer} inside the consumer's inbox transaction, so what its observers do (closing the loop
 * with the customers who asked: {@code feedback.LoopClosing}) commits, or rolls back, with the replica's change and
 * happens once per event. The catalog knows nothing of its observers: they depend on it, not it on them.
 */
public record CatalogFeatureReleased(UUID featureId, UUID productId, String title, UUID releaseId,
                                     String releaseName, Instant releasedAt) {
}
