package dev.tandem.gateway.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/webhooks}. */
@Schema(name = "CreateWebhook", description = "A new webhook subscription.")
public record CreateWebhookRequest(
        @Schema(description = "Where the events are POSTed: an https:// URL (http:// only where the gateway allows it) "
                + "whose host resolves to public addresses only. Redirects are not followed.",
                example = "https://hooks.example.com/tandem", required = true, maxLength = 2048)
        @NotBlank @Size(max = 2048)
        String url,

        @Schema(description = "CloudEvents types to receive, exact or with a trailing wildcard (dev.tandem.feature.*); "
                + "each must name at least one type of the event contract (GET /asyncapi).",
                example = "[\"dev.tandem.feature.*\", \"dev.tandem.feedback.loop-closed.v1\"]", required = true)
        @NotEmpty @Size(max = 50)
        List<@NotNull @Size(max = 200) String> eventTypes,

        @Schema(description = "Only the events of these aggregates (CloudEvents subject, the aggregate id); all when "
                + "absent or empty.", example = "[\"6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a\"]")
        @Size(max = 100)
        List<@NotBlank @Size(max = 200) String> subjects,

        @Schema(description = "What the subscription is for; shown in lists.", example = "ERP: committed features",
                maxLength = 500)
        @Size(max = 500)
        String description,

        @Schema(description = "ENABLED (the default) or PAUSED; DISABLED is set by the gateway only.",
                example = "ENABLED")
        WebhookSubscription.Status status) {
}
