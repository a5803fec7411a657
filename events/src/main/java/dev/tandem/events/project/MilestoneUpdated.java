package dev.tandem.events.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.milestone.updated.v1} on {@code tandem.project.events}, subject = milestone id. A milestone's name or due date changed.
 *
 * @param milestoneId the milestone
 * @param projectId   its project
 * @param productId   the project's product, if linked
 * @param featureIds  the features the project delivers
 * @param name        its name
 * @param dueDate     the date it is due
 * @param updatedAt   when it changed
 * @param version     the milestone's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MilestoneUpdated(
        UUID milestoneId,
        UUID projectId,
        UUID productId,
        List<UUID> featureIds,
        String name,
        LocalDate dueDate,
        Instant updatedAt,
        long version) {
}
