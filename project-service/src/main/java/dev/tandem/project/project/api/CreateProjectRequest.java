package dev.tandem.project.project.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tandem.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/projects}. */
@Schema(name = "CreateProject", description = "A new project; it starts PROPOSED.")
public record CreateProjectRequest(
        @Schema(description = "Short unique code, 2–10 letters or digits starting with a letter; unique regardless of case, stored upper-case.",
                example = "REORDER", required = true)
        @NotBlank @Pattern(regexp = "^[A-Za-z][A-Za-z0-9]{1,9}$", message = "must be 2-10 letters or digits, starting with a letter")
        String key,

        @Schema(example = "One-click reorder", required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "The program it belongs to; must exist.", example = "7a1c0e52-4b8d-4f3a-9c61-2d5e8f9a0b1c")
        UUID programId,

        @Schema(description = "The product (product-service id) it delivers for.", example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50")
        UUID productId,

        @Schema(description = "The features (product-service ids) it delivers.", example = "[\"5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6\"]")
        @Size(max = 50)
        List<@NotNull UUID> featureIds,

        @Schema(description = "The project manager.", example = "ben.pjm@example.com")
        @Size(max = 200)
        String manager,

        @Schema(description = "Scope statement.", example = "Reorder a previous basket in one click.")
        @Size(max = 4000)
        String scope,

        @Valid
        Money budget,

        @Schema(example = "2027-01-04")
        LocalDate plannedStart,

        @Schema(description = "Not before plannedStart.", example = "2027-03-26")
        LocalDate plannedEnd) {
}
