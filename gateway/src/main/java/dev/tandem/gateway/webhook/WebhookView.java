package dev.tandem.gateway.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as the API shows it: never its secret, which only create and rotate-secret return. */
@Schema(name = "Webhook")
public record WebhookView(
        UUID id,
        @Schema(example = "https://hooks.example.com/tandem") String url,
        @Schema(example = "[\"dev.tandem.feature.*\"]") List<String> eventTypes,
        @Schema(description = "Only these subjects; empty: all", example = "[]") List<String> subjects,
        @Schema(example = "ERP: committed features") String description,
        WebhookSubscription.Status status,
        @Schema(description = "Why the gateway disabled it (status DISABLED only)",
                example = "10 events in a row were given up after every retry (24 hours each)") String disabledReason,
        @Schema(description = "When the gateway disabled it") Instant disabledAt,
        @Schema(description = "When the secret was last rotated") Instant secretRotatedAt,
        @Schema(description = "Until when the previous secret also signs (a second signature), after a rotation")
        Instant previousSecretExpiresAt,
        Instant createdAt,
        @Schema(description = "Who created it (the caller's subject)", example = "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a")
        String createdBy,
        Instant updatedAt) {

    static WebhookView of(WebhookSubscription s, Instant now) {
        Instant previousUntil = s.previousSecretExpiresAt() != null && s.previousSecretExpiresAt().isAfter(now)
                ? s.previousSecretExpiresAt() : null;
        return new WebhookView(s.id(), s.url(), s.eventTypes(), s.subjects(), s.description(), s.status(),
                s.disabledReason(), s.disabledAt(), s.secretRotatedAt(), previousUntil, s.createdAt(), s.createdBy(),
                s.updatedAt());
    }
}
