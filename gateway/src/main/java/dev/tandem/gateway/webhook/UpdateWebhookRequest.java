package dev.tandem.gateway.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PATCH /api/v1/webhooks/{id}}: only the fields present change; an empty {@code subjects} list
 * removes the subject filter, an empty {@code description} clears it.
 */
@Schema(name = "UpdateWebhook", description = "A partial update; absent fields are left unchanged.")
public record UpdateWebhookRequest(
        @Schema(description = "A new target URL (checked like on create).", example = "https://hooks.example.com/v2",
                maxLength = 2048)
        @Size(min = 1, max = 2048)
        String url,

        @Schema(description = "The types to receive instead (exact, or with a trailing wildcard).",
                example = "[\"dev.tandem.project.*\"]")
        @Size(min = 1, max = 50)
        List<@NotNull @Size(max = 200) String> eventTypes,

        @Schema(description = "Only these subjects from now on; an empty list receives all.", example = "[]")
        @Size(max = 100)
        List<@NotBlank @Size(max = 200) String> subjects,

        @Schema(description = "Empty string clears it.", example = "ERP: project events", maxLength = 500)
        @Size(max = 500)
        String description,

        @Schema(description = "ENABLED or PAUSED. Setting a DISABLED subscription ENABLED clears disabledReason and "
                + "disabledAt; what it missed meanwhile can be replayed.", example = "ENABLED")
        WebhookSubscription.Status status) {
}
