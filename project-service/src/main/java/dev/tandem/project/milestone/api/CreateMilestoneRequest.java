package dev.tandem.project.milestone.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/projects/{projectId}/milestones}. */
@Schema(name = "CreateMilestone", description = "A new milestone of a project.")
public record CreateMilestoneRequest(
        @Schema(example = "Beta release", required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "ISO date (yyyy-MM-dd).", example = "2027-03-31", required = true)
        @NotNull
        LocalDate dueDate) {
}
