package dev.tandem.events.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.milestone.created.v1} on {@code tandem.project.events}, subject = milestone id. A milestone was added to a project.
 *
 * @param milestoneId the milestone
 * @param projectId   its project
 * @param productId   the project's product, if linked
 * @param featureIds  the features the project delivers
 * @param name        its name
 * @param dueDate     the date it is due
 * @param createdAt   when it was created
 * @param version     the milestone's version
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MilestoneCreated(
        UUID milestoneId,
        UUID projectId,
        UUID productId,
        List<UUID> featureIds,
        String name,
        LocalDate dueDate,
        Instant createdAt,
        long version) {
}
