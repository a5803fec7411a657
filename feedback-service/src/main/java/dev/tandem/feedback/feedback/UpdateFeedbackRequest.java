package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/feedback/{id}} (triage): fields left out or null keep their value. */
@Schema(name = "UpdateFeedback", description = "Triage: a partial update. Fields left out (or null) keep their value; "
        + "owner is cleared with an empty string; tags are replaced by the list sent. Status changes go through "
        + "POST /api/v1/feedback/{id}/status.")
public record UpdateFeedbackRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "\\s*\\S[\\s\\S]*", message = "must not be blank") String title,
        @Size(min = 1, max = 20000) @Pattern(regexp = "\\s*\\S[\\s\\S]*", message = "must not be blank") String text,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        @Schema(example = "ana.pm@example.com") @Size(max = 200) String owner,
        @Schema(description = "An existing customer (else 422).") UUID customerId,
        @Schema(description = "A product in the catalog (else 422).") UUID productId,
        @PastOrPresent Instant receivedAt) {
}
