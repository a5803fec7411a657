package dev.tandem.product;

import java.util.UUID;

import dev.tandem.events.EventType;
import dev.tandem.events.Topics;

/** feedback-service's events as it publishes them, for the tests of product-service's replicas. */
public final class FeedbackFeed {

    public static final String LINKED = EventType.FEEDBACK_LINKED.type();
    public static final String UNLINKED = EventType.FEEDBACK_UNLINKED.type();

    private FeedbackFeed() {
    }

    private static String quoted(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }

    public static String customerCreated(UUID customer, String amount, String currency) {
        String revenue = amount == null ? "null" : "{\"amount\": \"" + amount + "\", \"currency\": \"" + currency + "\"}";
        return Publish.event(Topics.FEEDBACK, EventType.CUSTOMER_CREATED.type(), customer, 0, """
                {"customerId": "%s", "externalCrmId": "CRM-%s", "name": "Acme", "tier": "GROWTH",
                 "annualRevenue": %s, "createdAt": "2026-11-22T09:00:00Z", "version": 0}"""
                .formatted(customer, customer, revenue));
    }

    public static String customerCreatedJson(UUID customer, String amount, String currency) {
        return """
                {"customerId": "%s", "externalCrmId": "CRM-%s", "name": "Acme", "tier": "GROWTH",
                 "annualRevenue": {"amount": "%s", "currency": "%s"}, "createdAt": "2026-11-22T09:00:00Z",
                 "version": 0}""".formatted(customer, customer, amount, currency);
    }

    public static String customerUpdated(UUID customer, String amount, String currency, long version) {
        return Publish.event(Topics.FEEDBACK, EventType.CUSTOMER_UPDATED.type(), customer, version, """
                {"customerId": "%s", "externalCrmId": "CRM-%s", "name": "Acme", "tier": "GROWTH",
                 "annualRevenue": {"amount": "%s", "currency": "%s"}, "createdAt": "2026-11-22T09:00:00Z",
                 "updatedAt": "2026-11-22T10:00:00Z", "changedFields": ["annualRevenue"], "revenueChanged": true,
                 "version": %d}""".formatted(customer, customer, amount, currency, version));
    }

    public static String received(UUID feedback, UUID product, UUID customer) {
        return Publish.event(Topics.FEEDBACK, EventType.FEEDBACK_RECEIVED.type(), feedback, 0, """
                {"feedbackId": "%s", "source": "SUPPORT", "customerId": %s, "productId": "%s",
                 "title": "Reorder", "text": "I buy the same every week", "receivedAt": "2026-11-22T09:00:00Z",
                 "tags": [], "status": "NEW", "sentimentScore": 0.0, "sentimentLabel": "neutral",
                 "createdAt": "2026-11-22T09:00:00Z", "version": 0}""".formatted(feedback, quoted(customer), product));
    }

    public static String deleted(UUID feedback, UUID product, UUID customer, long version) {
        return Publish.event(Topics.FEEDBACK, EventType.FEEDBACK_DELETED.type(), feedback, version, """
                {"feedbackId": "%s", "source": "SUPPORT", "customerId": %s, "productId": "%s",
                 "title": "Reorder", "text": "I buy the same every week", "receivedAt": "2026-11-22T09:00:00Z",
                 "tags": [], "status": "NEW", "sentimentScore": 0.0, "sentimentLabel": "neutral",
                 "createdAt": "2026-11-22T09:00:00Z", "deletedAt": "2026-11-22T11:00:00Z", "version": %d}"""
                .formatted(feedback, quoted(customer), product, version));
    }

    public static String linkedJson(UUID feedback, String feature, String product, UUID customer, String importance,
                                    long version) {
        return """
                {"feedbackId": "%s", "featureId": "%s", "productId": "%s", "customerId": %s, "importance": "%s",
                 "linkedAt": "2026-11-22T09:30:00Z", "version": %d}"""
                .formatted(feedback, feature, product, quoted(customer), importance, version);
    }

    public static String linked(UUID feedback, String feature, String product, UUID customer, String importance,
                                long version) {
        return Publish.event(Topics.FEEDBACK, LINKED, feedback, version,
                linkedJson(feedback, feature, product, customer, importance, version));
    }

    public static String unlinked(UUID feedback, String feature, String product, UUID customer, long version) {
        return Publish.event(Topics.FEEDBACK, UNLINKED, feedback, version, """
                {"feedbackId": "%s", "featureId": "%s", "productId": "%s", "customerId": "%s",
                 "importance": "IMPORTANT", "unlinkedAt": "2026-11-22T10:30:00Z", "version": %d}"""
                .formatted(feedback, feature, product, customer, version));
    }
}
