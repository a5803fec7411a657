package dev.tandem.gateway.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating a subscription: the subscription, plus its signing secret, shown this once. */
@Schema(name = "CreatedWebhook", description = "The new subscription with its signing secret. Store the secret now: "
        + "it is not shown again (rotate it to get a new one).")
public record CreatedWebhookView(
        UUID id,
        String url,
        List<String> eventTypes,
        List<String> subjects,
        String description,
        WebhookSubscription.Status status,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        @Schema(description = "The signing secret (Standard Webhooks): whsec_ followed by the base64 of the HMAC key",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw0x4gQWl6xXk=")
        String secret) {

    static CreatedWebhookView of(WebhookSubscription s, String secret) {
        return new CreatedWebhookView(s.id(), s.url(), s.eventTypes(), s.subjects(), s.description(), s.status(),
                s.createdAt(), s.createdBy(), s.updatedAt(), secret);
    }
}
