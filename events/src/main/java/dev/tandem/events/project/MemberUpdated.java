package dev.tandem.events.project;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.tandem.events.Money;

/**
 * {@code dev.tandem.member.updated.v1} on {@code tandem.project.events}, subject = member id. A member's role, allocation or hourly rate changed.
 *
 * @param memberId          the membership
 * @param projectId         its project
 * @param personId          the person
 * @param role              their role
 * @param allocationPercent share of their time, 1-100
 * @param hourlyRate        cost per hour in the project's currency
 * @param updatedAt         when it changed
 * @param version           the member's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberUpdated(
        UUID memberId,
        UUID projectId,
        String personId,
        String role,
        int allocationPercent,
        Money hourlyRate,
        Instant updatedAt,
        long version) {
}
