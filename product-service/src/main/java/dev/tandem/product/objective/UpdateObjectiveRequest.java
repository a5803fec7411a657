package dev.tandem.product.objective;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/objectives/{id}}: only the fields present change; an empty description clears it. */
@Schema(name = "UpdateObjective", description = "A partial update; absent fields are left unchanged.")
public record UpdateObjectiveRequest(
        @Schema(example = "Teams adopt Tandem daily")
        @Size(max = 200) @Pattern(regexp = "\\s*\\S[\\s\\S]*", message = "must not be blank")
        String title,

        @Schema(description = "Empty string clears it.", example = "")
        @Size(max = 4000)
        String description,

        @Schema(description = "A quarter: YYYY-Qn.", example = "2027-Q2", pattern = Objective.PERIOD_PATTERN)
        @Pattern(regexp = Objective.PERIOD_PATTERN, message = "must be a quarter like 2027-Q1")
        String period) {
}
