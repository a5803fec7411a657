package dev.tandem.project.health.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Remaining hours per day since the baseline. */
@Schema(name = "Burndown", description = "Remaining hours of the project's tasks at the end of each day from the "
        + "baseline (approval) day to today; empty before approval.")
public record BurndownView(
        UUID projectId,
        @Schema(description = "Σ task estimates at approval", example = "320.00") BigDecimal baselineEstimateHours,
        List<Day> days) {

    @Schema(name = "BurndownDay")
    public record Day(
            @Schema(example = "2027-01-05") LocalDate date,
            @Schema(description = "Remaining hours at the end of the day (the last change on or before it)", example = "296.00")
            BigDecimal remainingHours,
            @Schema(description = "The straight line from the baseline estimate on the baseline start to 0 after "
                    + "the baseline end", example = "300.95")
            BigDecimal idealRemainingHours) {
    }
}
