package dev.tandem.events.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.product.updated.v1} on {@code tandem.product.events}, subject = product id. A product's name, vision, target segments or owner changed. Carries the product's full state.
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
 * @param version        the aggregate's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductUpdated(
        UUID productId,
        String key,
        String name,
        String vision,
        List<String> targetSegments,
        String lifecycleStage,
        String owner,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
