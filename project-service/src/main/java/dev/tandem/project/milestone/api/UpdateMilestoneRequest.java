package dev.tandem.project.milestone.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/milestones/{id}}: only the fields sent (not null) change. */
@Schema(name = "UpdateMilestone", description = "The fields to change; absent or null fields stay as they are.")
public record UpdateMilestoneRequest(
        @Schema(example = "Public beta")
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,

        @Schema(description = "ISO date (yyyy-MM-dd).", example = "2027-04-15")
        LocalDate dueDate) {
}
