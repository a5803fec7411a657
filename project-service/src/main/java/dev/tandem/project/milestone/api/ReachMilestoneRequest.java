package dev.tandem.project.milestone.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/milestones/{id}/reached}. */
@Schema(name = "ReachMilestone", description = "When the milestone was reached; absent = now. Not in the future.")
public record ReachMilestoneRequest(
        @Schema(description = "ISO-8601 UTC instant; defaults to now.", example = "2027-03-30T16:00:00Z")
        Instant reachedAt) {
}
