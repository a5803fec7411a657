package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;

/**
 * A feedback item's link to a feature of the catalog, with its importance. Part of the feedback aggregate: a link
 * change bumps the item's version, and the item's ETag guards link changes.
 */
@Entity
@Table(name = "feedback_link")
public class FeedbackLink extends AuthoredEntity {

    /** More links than this on one item are refused: a list of links is answered whole. */
    public static final int MAX_PER_FEEDBACK = 50;

    @Id
    UUID id;

    @Column(name = "feedback_id", nullable = false)
    UUID feedbackId;

    @Column(name = "feature_id", nullable = false)
    UUID featureId;

    @Column(name = "product_id", nullable = false)
    UUID productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    Importance importance;

    /** The name of the verified caller who linked it (rows older than actors: what the client wrote, if anything). */
    @Column(name = "linked_by", length = 200)
    String linkedBy;

    /** On whose behalf the caller linked it, as the caller says. */
    @Column(name = "on_behalf_of", length = 200)
    String onBehalfOf;

    @Column(name = "linked_at", nullable = false)
    Instant linkedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected FeedbackLink() {
    }

    static FeedbackLink create(UUID feedbackId, UUID featureId, UUID productId, Importance importance,
                               String linkedBy, String onBehalfOf) {
        FeedbackLink l = new FeedbackLink();
        l.id = UUID.randomUUID();
        l.feedbackId = feedbackId;
        l.featureId = featureId;
        l.productId = productId;
        l.importance = importance;
        l.linkedBy = linkedBy;
        l.onBehalfOf = onBehalfOf == null || onBehalfOf.isBlank() ? null : onBehalfOf.strip();
        l.linkedAt = Now.instant();
        l.updatedAt = l.linkedAt;
        return l;
    }

    /** Sets the importance; returns the previous one, or null when it was already {@code importance}. */
    Importance changeImportance(Importance importance) {
        if (importance == this.importance) {
            return null;
        }
        Importance previous = this.importance;
        this.importance = importance;
        this.updatedAt = Now.instant();
        return previous;
    }

    /** An item's links, oldest first. */
    public static List<FeedbackLink> ofFeedback(UUID feedbackId) {
        return list("feedbackId = ?1 order by linkedAt, featureId", feedbackId);
    }

    /** Every link to a feature, oldest first. */
    public static List<FeedbackLink> ofFeature(UUID featureId) {
        return list("featureId = ?1 order by linkedAt, feedbackId", featureId);
    }

    static FeedbackLink of(UUID feedbackId, UUID featureId) {
        return find("feedbackId = ?1 and featureId = ?2", feedbackId, featureId).firstResult();
    }

    public UUID feedbackId() {
        return feedbackId;
    }

    public UUID featureId() {
        return featureId;
    }

    public UUID productId() {
        return productId;
    }

    public Importance importance() {
        return importance;
    }

    public String linkedBy() {
        return linkedBy;
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
