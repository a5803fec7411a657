package dev.tandem.product.release;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/releases/{id}/release} (optional). */
@Schema(name = "ReleaseRelease", description = "Release the release; features listed in force are moved out of it.")
public record ReleaseReleaseRequest(
        @Schema(description = "Features of this release that are not DELIVERED and are to be moved out of it.",
                example = "[\"6e2f7d8b-3c4d-4e5f-9a01-b2c3d4e5f6a7\"]")
        @Size(max = 500)
        List<@NotNull UUID> force) {
}
