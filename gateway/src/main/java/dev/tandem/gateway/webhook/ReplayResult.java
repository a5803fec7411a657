package dev.tandem.gateway.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a replay queued. */
@Schema(name = "WebhookReplay")
public record ReplayResult(
        Instant since,
        @Schema(description = "Events read back from the topics since then", example = "120") int scanned,
        @Schema(description = "Events that match the subscription's types and subjects", example = "14") int matched,
        @Schema(description = "Deliveries queued (new, or delivered before and queued again); a match already "
                + "waiting to be sent is not counted", example = "14") int queued,
        @Schema(description = "More events matched than one replay queues (tandem.gateway.webhooks.replay-max-events); "
                + "replay again from the last one's time", example = "false") boolean truncated) {
}
