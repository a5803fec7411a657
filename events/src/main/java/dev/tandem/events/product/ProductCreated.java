package dev.tandem.events.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.product.created.v1} on {@code tandem.product.events}, subject = product id.
 * Carries the product's full state so consumers can keep a replica without calling product-service.
 *
 * @param productId      the product's id
 * @param key            short unique code, upper case (e.g. {@code CHK})
 * @param name           display name
 * @param vision         the product vision, if set
 * @param targetSegments the customer segments the product targets
 * @param lifecycleStage CONCEPT, DEVELOPMENT, LAUNCHED, GROWTH, MATURITY, DECLINE or RETIRED
 * @param owner          the accountable product manager, if set
 * @param createdAt      when the product was created
 * @param version        the product's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductCreated(
        UUID productId,
        String key,
        String name,
        String vision,
        List<String> targetSegments,
        String lifecycleStage,
        String owner,
        Instant createdAt,
        long version) {
}
