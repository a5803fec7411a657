package dev.tandem.project.project.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tandem.platform.money.Money;
import dev.tandem.project.project.Project;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/projects/{id}}: only the fields sent (not null) change. */
@Schema(name = "UpdateProject", description = "The fields to change; absent or null fields stay as they are. "
        + "The status changes through POST /api/v1/projects/{id}/status.")
public record UpdateProjectRequest(
        @Schema(example = "REORDER2")
        @Pattern(regexp = "^[A-Za-z][A-Za-z0-9]{1,9}$", message = "must be 2-10 letters or digits, starting with a letter")
        String key,

        @Schema(example = "One-click reorder")
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,

        @Schema(description = "The program it belongs to; must exist.")
        UUID programId,

        UUID productId,

        @Size(max = 50)
        List<@NotNull UUID> featureIds,

        @Size(max = 200)
        String manager,

        @Size(max = 4000)
        String scope,

        @Valid
        Money budget,

        @Schema(example = "2027-01-04")
        LocalDate plannedStart,

        @Schema(example = "2027-03-26")
        LocalDate plannedEnd) {

    Project.Changes toChanges() {
        return new Project.Changes(key, name, programId, productId, featureIds, manager, scope, budget, plannedStart,
                plannedEnd);
    }
}
