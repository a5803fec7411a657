package dev.tandem.project.task.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.tandem.project.task.TaskStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/tasks/{id}/status}. */
@Schema(name = "ChangeTaskStatus")
public record ChangeTaskStatusRequest(
        @Schema(example = "IN_PROGRESS", required = true)
        @NotNull
        TaskStatus status,

        @Schema(description = "Required for BLOCKED.", example = "Waiting for the payments API sandbox.")
        @Size(max = 1000)
        String reason) {
}
