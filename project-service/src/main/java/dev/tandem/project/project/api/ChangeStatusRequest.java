package dev.tandem.project.project.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.tandem.project.project.ProjectStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/projects/{id}/status}. */
@Schema(name = "ChangeProjectStatus")
public record ChangeStatusRequest(
        @Schema(description = "The status to move to.", example = "APPROVED", required = true)
        @NotNull
        ProjectStatus status,

        @Schema(description = "Why; required for CANCELLED.", example = "Budget approved by the steering committee.")
        @Size(max = 1000)
        String reason) {
}
