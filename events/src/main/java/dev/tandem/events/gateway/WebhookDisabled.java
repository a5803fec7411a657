package dev.tandem.events.gateway;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.webhook.disabled.v1} on {@code tandem.gateway.events}, subject = webhook subscription id. The
 * gateway set a webhook subscription to DISABLED because its deliveries kept failing; nothing more is sent to it
 * until someone sets it ENABLED again ({@code PATCH /api/v1/webhooks/{id}}) and replays what it missed.
 *
 * @param webhookId          the subscription
 * @param url                where it delivered to
 * @param reason             why, in a sentence (e.g. "every attempt failed for 5 days")
 * @param trigger            {@code FAILING_FOR} (every attempt failed for the configured period) or
 *                           {@code GIVEN_UP} (that many events in a row were given up after their retries)
 * @param failingSince       the first failed attempt of the current failure streak
 * @param consecutiveGivenUp events given up in a row when it was disabled
 * @param lastError          what the last attempt got (status code or error), if known
 * @param disabledAt         when it was disabled
 * @param version            the subscription's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookDisabled(
        UUID webhookId,
        String url,
        String reason,
        String trigger,
        Instant failingSince,
        int consecutiveGivenUp,
        String lastError,
        Instant disabledAt,
        long version) {
}
