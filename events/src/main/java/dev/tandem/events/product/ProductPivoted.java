package dev.tandem.events.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.product.pivoted.v1} on {@code tandem.product.events}, subject = product id. The product's vision
 * and/or target segments were changed as a pivot, backed by evidence.
 *
 * @param productId  the product
 * @param key        its key
 * @param name       its name
 * @param pivotId    the pivot's id (in the product's pivot history)
 * @param before     vision and target segments before
 * @param after      vision and target segments after
 * @param rationale  why
 * @param evidence   what backs it: feedback items and key-result measurements
 * @param pivotedBy  who pivoted: the name of the authenticated caller (the event's {@code actor})
 * @param onBehalfOf whose decision the caller recorded, as the caller said; null when it acted for itself
 * @param pivotedAt  when
 * @param version    the product's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductPivoted(
        UUID productId,
        String key,
        String name,
        UUID pivotId,
        Direction before,
        Direction after,
        String rationale,
        List<Evidence> evidence,
        String pivotedBy,
        String onBehalfOf,
        Instant pivotedAt,
        long version) {

    /**
     * Where the product is headed.
     *
     * @param vision         the vision, if any
     * @param targetSegments the target segments
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Direction(String vision, List<String> targetSegments) {
    }

    /**
     * One piece of evidence.
     *
     * @param type          FEEDBACK or KEY_RESULT_MEASUREMENT
     * @param feedbackId    the feedback item, for FEEDBACK
     * @param measurementId the key-result measurement, for KEY_RESULT_MEASUREMENT
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(String type, UUID feedbackId, UUID measurementId) {
    }
}
