package dev.tandem.gateway.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to a subscription: its state and its latest attempt (all attempts when read alone). */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(description = "The delivery's id (for redeliver)") UUID id,
        @Schema(description = "The CloudEvent id, also the webhook-id header", example = "0c5e6f7a-1b2c-4d3e-8f90-a1b2c3d4e5f6")
        String eventId,
        @Schema(example = "dev.tandem.feature.committed.v1") String eventType,
        @Schema(description = "The CloudEvent subject (aggregate id)") String subject,
        @Schema(description = "The CloudEvent time") Instant eventTime,
        @Schema(description = "PENDING: waiting for its (next) attempt, or for an earlier event of the same subject; "
                + "SENDING: an attempt is under way; DELIVERED: a 2xx answer came; FAILED: given up after every retry",
                enumeration = {"PENDING", "SENDING", "DELIVERED", "FAILED"}, example = "DELIVERED")
        String state,
        @Schema(description = "Attempts so far", example = "1") int attempts,
        @Schema(description = "When it was queued (again, after a redelivery or replay)") Instant queuedAt,
        @Schema(description = "When the next attempt is due (PENDING only)") Instant nextAttemptAt,
        @Schema(description = "When the latest attempt was made") Instant attemptedAt,
        @Schema(description = "The latest attempt's HTTP status; absent when no answer came", example = "200")
        Integer statusCode,
        @Schema(description = "How long the latest attempt took, in milliseconds", example = "42") Integer latencyMs,
        @Schema(description = "What went wrong in the latest attempt", example = "HTTP 500: upstream error")
        String error,
        Instant deliveredAt,
        @Schema(description = "Every attempt, newest first (only when one delivery is read)")
        List<AttemptView> attemptLog) {

    /** One attempt. */
    @Schema(name = "WebhookAttempt")
    public record AttemptView(
            @Schema(example = "2") int attempt,
            Instant attemptedAt,
            @Schema(example = "500") Integer statusCode,
            @Schema(example = "37") int latencyMs,
            @Schema(example = "HTTP 500") String error,
            boolean succeeded) {
    }

    static DeliveryView of(WebhookDeliveries.Row r, List<WebhookDeliveries.Attempt> attempts) {
        return new DeliveryView(r.id(), r.eventId(), r.eventType(), r.subject(), r.eventTime(), r.state().name(),
                r.attempts(), r.queuedAt(), r.state() == WebhookDeliveries.State.PENDING ? r.nextAttemptAt() : null,
                r.lastAttemptAt(), r.lastStatusCode(), r.lastLatencyMs(), r.lastError(), r.deliveredAt(),
                attempts == null ? null : attempts.stream().map(a -> new AttemptView(a.attempt(), a.attemptedAt(),
                        a.statusCode(), a.latencyMs(), a.error(), a.succeeded())).toList());
    }
}
