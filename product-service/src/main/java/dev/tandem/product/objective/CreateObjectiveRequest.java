package dev.tandem.product.objective;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/objectives}. Key results are added afterwards. */
@Schema(name = "CreateObjective", description = "A new objective of an existing product for a quarter.")
public record CreateObjectiveRequest(
        @Schema(description = "The product it belongs to; must exist.", example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
                required = true)
        @NotNull
        UUID productId,

        @Schema(example = "Teams adopt Tandem weekly", required = true)
        @NotBlank @Size(max = 200)
        String title,

        @Schema(example = "Make Tandem the place where product teams meet every week.")
        @Size(max = 4000)
        String description,

        @Schema(description = "A quarter: YYYY-Qn.", example = "2027-Q1", pattern = Objective.PERIOD_PATTERN,
                required = true)
        @NotNull @Pattern(regexp = Objective.PERIOD_PATTERN, message = "must be a quarter like 2027-Q1")
        String period) {
}
