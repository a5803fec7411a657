package dev.tandem.gateway.apikey;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/admin/api-keys}. */
@Schema(name = "CreateApiKey", description = "A new API key for a client system.")
public record CreateApiKeyRequest(
        @Schema(description = "Which system uses the key; shown in lists and logs.", example = "crm-sync", required = true)
        @NotBlank @Size(max = 100)
        String name,

        @Schema(description = "What the key may do: products:read|write, projects:read|write, feedback:read|write, "
                + "webhooks:manage (webhook subscriptions), admin. A write scope includes the read scope of the same "
                + "service; admin includes everything.", example = "[\"products:read\", \"feedback:write\"]",
                required = true)
        @NotEmpty @Size(max = 8)
        List<@NotNull @Pattern(regexp = "products:read|products:write|projects:read|projects:write|feedback:read|"
                + "feedback:write|webhooks:manage|admin", message = "must be one of products:read, products:write, "
                + "projects:read, projects:write, feedback:read, feedback:write, webhooks:manage, admin") String> scopes,

        @Schema(description = "Requests per minute; the gateway's default (tandem.gateway.rate-limit.default-per-minute) "
                + "when absent.", example = "600", minimum = "1", maximum = "1000000")
        @Min(1) @Max(1_000_000)
        Integer rateLimitPerMinute,

        @Schema(description = "When the key stops working (UTC); never when absent. Must be in the future.",
                example = "2027-01-01T00:00:00Z")
        Instant expiresAt) {
}
