package dev.tandem.events.project;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.tandem.events.Money;

/**
 * {@code dev.tandem.member.added.v1} on {@code tandem.project.events}, subject = member id. A person joined a project (role, allocation, hourly rate).
 *
 * @param memberId          the membership
 * @param projectId         its project
 * @param personId          the person
 * @param role              their role
 * @param allocationPercent share of their time, 1-100
 * @param hourlyRate        cost per hour in the project's currency
 * @param createdAt         when they joined
 * @param version           the member's version
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberAdded(
        UUID memberId,
        UUID projectId,
        String personId,
        String role,
        int allocationPercent,
        Money hourlyRate,
        Instant createdAt,
        long version) {
}
