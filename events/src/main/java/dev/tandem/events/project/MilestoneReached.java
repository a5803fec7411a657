package dev.tandem.events.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.milestone.reached.v1} on {@code tandem.project.events}, subject = milestone id.
 *
 * @param milestoneId the milestone's id
 * @param projectId   the project it belongs to
 * @param productId   the project's product, if linked
 * @param featureIds  the features the project delivers (may be empty)
 * @param name        the milestone's name
 * @param dueDate     the date it was due (ISO date)
 * @param reachedAt   when it was reached
 * @param late        whether it was reached after its due date (reachedAt's UTC date &gt; dueDate)
 * @param version     the milestone's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MilestoneReached(
        UUID milestoneId,
        UUID projectId,
        UUID productId,
        List<UUID> featureIds,
        String name,
        LocalDate dueDate,
        Instant reachedAt,
        boolean late,
        long version) {
}
