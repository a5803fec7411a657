package dev.tandem.project.task.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tandem.project.task.Task;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/tasks/{id}}: only the fields sent (not null) change. */
@Schema(name = "UpdateTask", description = "The fields to change; absent or null fields stay as they are. "
        + "dependsOn replaces the whole list ([] removes every dependency). The status changes through "
        + "POST /api/v1/tasks/{id}/status.")
public record UpdateTaskRequest(
        @Schema(example = "Reorder button")
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String title,

        @Schema(example = "20")
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 5, fraction = 2)
        BigDecimal estimateHours,

        @Schema(example = "6.5")
        @DecimalMin("0") @Digits(integer = 5, fraction = 2)
        BigDecimal remainingHours,

        @Size(max = 200)
        String assignee,

        LocalDate plannedStart,

        LocalDate plannedEnd,

        UUID milestoneId,

        @Size(max = 100)
        List<@NotNull UUID> dependsOn) {

    Task.Changes toChanges() {
        return new Task.Changes(title, estimateHours, remainingHours, assignee, plannedStart, plannedEnd, milestoneId,
                dependsOn);
    }
}
