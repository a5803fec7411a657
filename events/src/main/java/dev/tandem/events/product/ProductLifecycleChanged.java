package dev.tandem.events.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.product.lifecycle-changed.v1} on {@code tandem.product.events}, subject = product id. A product moved to another lifecycle stage. Carries the product's full state and the change.
 *
 * @param productId      the product's id
 * @param key            short unique code, upper case (e.g. {@code CHK})
 * @param name           display name
 * @param vision         the product vision, if set
 * @param targetSegments the customer segments the product targets
 * @param lifecycleStage the product's lifecycle stage after this change
 * @param owner          the accountable product manager, if set
 * @param createdAt      when the product was created
 * @param updatedAt      when the product last changed
 * @param from           the stage before
 * @param to             the stage after (equals lifecycleStage)
 * @param reason         why, if given
 * @param changedBy      who made the change: the name of the authenticated caller (the event's {@code actor})
 * @param onBehalfOf     whose decision the caller recorded, as the caller said; null when it acted for itself
 * @param changedAt      when
 * @param version        the aggregate's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductLifecycleChanged(
        UUID productId,
        String key,
        String name,
        String vision,
        List<String> targetSegments,
        String lifecycleStage,
        String owner,
        Instant createdAt,
        Instant updatedAt,
        String from,
        String to,
        String reason,
        String changedBy,
        String onBehalfOf,
        Instant changedAt,
        long version) {
}
