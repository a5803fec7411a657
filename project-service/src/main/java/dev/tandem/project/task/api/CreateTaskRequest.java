package dev.tandem.project.task.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/projects/{projectId}/tasks}. */
@Schema(name = "CreateTask", description = "A new task of a project (status TODO).")
public record CreateTaskRequest(
        @Schema(example = "Reorder button on the order history page", required = true)
        @NotBlank @Size(max = 200)
        String title,

        @Schema(description = "Estimated effort in hours, > 0, at most two decimals.", example = "16", required = true)
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 5, fraction = 2)
        BigDecimal estimateHours,

        @Schema(description = "Hours still to do, ≥ 0; defaults to the estimate.", example = "16")
        @DecimalMin("0") @Digits(integer = 5, fraction = 2)
        BigDecimal remainingHours,

        @Schema(example = "ana.dev@example.com")
        @Size(max = 200)
        String assignee,

        @Schema(example = "2027-01-04")
        LocalDate plannedStart,

        @Schema(example = "2027-01-06")
        LocalDate plannedEnd,

        @Schema(description = "A milestone of the same project (else 422).")
        UUID milestoneId,

        @Schema(description = "Tasks of the same project that must be DONE before this one starts (else 422); a "
                + "cycle is refused (422 naming it).")
        @Size(max = 100)
        List<@NotNull UUID> dependsOn) {
}
