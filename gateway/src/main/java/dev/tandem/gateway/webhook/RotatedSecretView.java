package dev.tandem.gateway.webhook;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to rotating a subscription's secret: the new secret, shown this once. */
@Schema(name = "RotatedWebhookSecret", description = "The new signing secret. Until previousSecretExpiresAt every "
        + "delivery carries two signatures (the new secret's first), so receivers can switch at their own pace.")
public record RotatedSecretView(
        UUID id,
        @Schema(example = "whsec_3b1pXH9aVbQ7v2f0m4Jq8c6Lk1sPz5Rt0uWy2Ae4Gh8=") String secret,
        @Schema(description = "Until when the previous secret still signs") Instant previousSecretExpiresAt) {
}
