package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.tandem.feedback.catalog.CatalogFeature;
import dev.tandem.feedback.catalog.CatalogFeatureReleased;
import dev.tandem.feedback.catalog.CatalogProduct;
import dev.tandem.feedback.customer.Customer;
import dev.tandem.feedback.mail.LoopClosedMail;
import dev.tandem.feedback.mail.LoopMail;
import dev.tandem.platform.time.Now;

/**
 * Closing the loop when a feature is released: every feedback item linked to it is ADDRESSED (unless it is
 * ADDRESSED, CLOSED, ARCHIVED or SPAM already) and each of their customers is told once per feature
 * ({@code feedback.loop-closed}, and a mail when mail is on and they may be written to: {@link LoopMail}). Runs in
 * the consumer's inbox transaction; the {@code loop_closure} table makes a second release event of the same feature
 * (another ce_id) tell nobody twice.
 */
@ApplicationScoped
public class LoopClosing {

    @Inject
    FeedbackEvents events;

    @Inject
    LoopMail mail;

    /** On the catalog's news that a feature was released (synchronously, in the consumer's inbox transaction). */
    void onFeatureReleased(@Observes CatalogFeatureReleased released) {
        featureReleased(released.featureId(), released.productId(), released.title(), released.releaseId(),
                released.releaseName(), released.releasedAt());
    }

    void featureReleased(UUID featureId, UUID productId, String title, UUID releaseId, String releaseName,
                                Instant releasedAt) {
        Map<UUID, List<Feedback>> addressedByCustomer = new LinkedHashMap<>();
        for (FeedbackLink link : FeedbackLink.ofFeature(featureId)) {
            Feedback feedback = Feedback.findById(link.feedbackId());
            FeedbackStatus from = feedback.featureReleased();
            if (from != null) {
                feedback.persistAndFlush();
                events.statusChanged(feedback, from);
            }
            if (feedback.status() == FeedbackStatus.ADDRESSED && feedback.customerId() != null) {
                addressedByCustomer.computeIfAbsent(feedback.customerId(), c -> new ArrayList<>()).add(feedback);
            }
        }
        CatalogFeature feature = CatalogFeature.findById(featureId);
        String featureTitle = feature != null ? feature.title() : title;
        CatalogProduct product = productId == null ? null : CatalogProduct.findById(productId);
        Instant released = (releasedAt != null ? releasedAt : Now.instant()).truncatedTo(ChronoUnit.MICROS);
        addressedByCustomer.forEach((customerId, items) -> {
            if (firstClosure(featureId, customerId)) {
                Customer customer = Customer.findById(customerId);
                UUID eventId = events.loopClosed(customer, featureId, featureTitle, productId, releaseId,
                        items.stream().map(Feedback::id).toList(), released);
                mail.loopClosed(customer, new LoopClosedMail(customer.name(), featureTitle,
                        product == null ? null : product.name(), releaseId, releaseName,
                        released.atZone(ZoneOffset.UTC).toLocalDate(), items.stream().map(Feedback::title).toList()),
                        eventId);
            }
        });
    }

    /** Records that the customer was told about the feature; false when that happened before. */
    private static boolean firstClosure(UUID featureId, UUID customerId) {
        return Feedback.getEntityManager().createNativeQuery("""
                        INSERT INTO loop_closure (feature_id, customer_id, closed_at) VALUES (?1, ?2, now())
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, featureId).setParameter(2, customerId).executeUpdate() == 1;
    }
}
