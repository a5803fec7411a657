package dev.tandem.gateway.webhook;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/webhooks/{id}/replay}. */
@Schema(name = "ReplayWebhook")
public record ReplayRequest(
        @Schema(description = "Every matching event that happened at or after this time (RFC 3339) is queued again; "
                + "as far back as the broker keeps events (7 days by default).", example = "2026-12-01T00:00:00Z",
                required = true)
        @NotNull
        Instant since) {
}
