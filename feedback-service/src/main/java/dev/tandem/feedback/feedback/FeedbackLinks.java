package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.feedback.catalog.CatalogFeature;
import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.security.Actors;
import dev.tandem.platform.time.Now;

/**
 * Linking feedback to features, for the links endpoints and for votes: the rules (the feature must be a live feature
 * of the item's product, one link per feature, linking plans the item) and their events, in the caller's transaction.
 */
@ApplicationScoped
public class FeedbackLinks {

    @Inject
    FeedbackEvents events;

    @Inject
    Actors actors;

    /**
     * Links {@code feedback} to a feature: NEW and TRIAGED items become PLANNED (with their status-changed event);
     * then {@code feedback.linked}.
     *
     * @throws DomainException RULE_BROKEN naming featureId for an unknown, deleted or other product's feature;
     *                         CONFLICT when it is linked already; RULE_BROKEN beyond
     *                         {@link FeedbackLink#MAX_PER_FEEDBACK} links
     */
    FeedbackLink link(Feedback feedback, UUID featureId, Importance importance, String onBehalfOf) {
        CatalogFeature feature = requireFeature(featureId, feedback.productId());
        if (FeedbackLink.of(feedback.id(), featureId) != null) {
            throw DomainException.conflict("feedback " + feedback.id() + " is linked to feature " + featureId
                            + " already; change the link's importance with PATCH",
                    new FieldIssue("featureId", "already linked"));
        }
        if (FeedbackLink.count("feedbackId", feedback.id()) >= FeedbackLink.MAX_PER_FEEDBACK) {
            throw DomainException.ruleBroken("a feedback item has at most " + FeedbackLink.MAX_PER_FEEDBACK
                    + " links", new FieldIssue("featureId", "too many links on this feedback item"));
        }
        FeedbackLink link = FeedbackLink.create(feedback.id(), feature.id(), feature.productId(), importance,
                actors.current().name(), onBehalfOf);
        link.persist();
        FeedbackStatus from = feedback.linksChanged(feedback.status().afterLink());
        feedback.persistAndFlush();
        if (from != null) {
            events.statusChanged(feedback, from);
        }
        events.linked(feedback, link, null);
        return link;
    }

    /** Changes a link's importance; publishes {@code feedback.linked} with the previous importance if it changed. */
    void changeImportance(Feedback feedback, FeedbackLink link, Importance importance) {
        Importance previous = link.changeImportance(importance);
        if (previous == null) {
            return;
        }
        feedback.linksChanged(feedback.status());
        feedback.persistAndFlush();
        events.linked(feedback, link, previous);
    }

    /** Removes a link; publishes {@code feedback.unlinked}. The item's status stays. */
    void unlink(Feedback feedback, FeedbackLink link) {
        link.delete();
        feedback.linksChanged(feedback.status());
        feedback.persistAndFlush();
        events.unlinked(feedback, link, feedback.updatedAt(), feedback.version());
    }

    /** Before an item is deleted: one {@code feedback.unlinked} per link, with the deletion's version. */
    void unlinkAllForDeletion(Feedback feedback) {
        Instant now = Now.instant();
        for (FeedbackLink link : FeedbackLink.ofFeedback(feedback.id())) {
            events.unlinked(feedback, link, now, feedback.version() + 1);
            link.delete();
        }
    }

    /**
     * The rules links put on a PATCH of the item (checked before anything changes):
     * <ul>
     * <li>another product only without links: every link names a feature of the item's product, so a move would
     * leave them pointing at another product's features (409 naming productId; unlink first, then move and link
     * again);</li>
     * <li>a vote keeps its customer: it is that customer's own act, its identity {@code vote:<featureId>:<customerId>}
     * names them (one vote per customer and feature) and only then does it count (422 naming customerId; delete the
     * vote and let the other customer vote).</li>
     * </ul>
     * Any other item may change its customer: its links follow ({@link #customerChanged}).
     */
    static void requireChangeable(Feedback feedback, UUID customerId, UUID productId) {
        if (productId != null && !productId.equals(feedback.productId())) {
            long links = FeedbackLink.count("feedbackId", feedback.id());
            if (links > 0) {
                throw DomainException.conflict("feedback " + feedback.id() + " is linked to " + links
                                + " feature(s) of product " + feedback.productId() + "; unlink them before moving it "
                                + "to product " + productId,
                        new FieldIssue("productId", "the item is linked to features of its product; unlink "
                                + "them first"));
            }
        }
        if (customerId != null && !customerId.equals(feedback.customerId()) && feedback.isVote()) {
            throw DomainException.ruleBroken("feedback " + feedback.id() + " is a vote of customer "
                            + feedback.customerId() + " and keeps its customer; delete it and let customer "
                            + customerId + " vote instead",
                    new FieldIssue("customerId", "a vote keeps the customer who cast it"));
        }
    }

    /** After an item's customer changed: {@code feedback.linked} again per link, so demand moves to the new customer. */
    void customerChanged(Feedback feedback) {
        for (FeedbackLink link : FeedbackLink.ofFeedback(feedback.id())) {
            events.linked(feedback, link, null);
        }
    }

    /** A feature that takes links from feedback about {@code productId}, else a 422 naming featureId. */
    static CatalogFeature requireFeature(UUID featureId, UUID productId) {
        CatalogFeature feature = CatalogFeature.findById(featureId);
        if (feature == null) {
            throw DomainException.ruleBroken("feature " + featureId + " is not in the catalog",
                    new FieldIssue("featureId", "no such feature in the catalog"));
        }
        if (feature.deletedAt() != null) {
            throw DomainException.ruleBroken("feature " + featureId + " was deleted",
                    new FieldIssue("featureId", "the feature was deleted and takes no new links"));
        }
        if (productId != null && !productId.equals(feature.productId())) {
            throw DomainException.ruleBroken("feature " + featureId + " belongs to product "
                            + feature.productId() + ", the feedback is about product " + productId,
                    new FieldIssue("featureId", "belongs to another product than the feedback"));
        }
        return feature;
    }

    static List<FeedbackLink> links(Feedback feedback) {
        return FeedbackLink.ofFeedback(feedback.id());
    }
}
