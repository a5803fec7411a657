package dev.tandem.events.project;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.risk.created.v1} on {@code tandem.project.events}, subject = risk id. A risk of a project was recorded (status OPEN).
 *
 * @param riskId      the risk
 * @param projectId   its project
 * @param title       what could happen
 * @param probability 1 (rare) to 5 (almost certain)
 * @param impact      1 (minor) to 5 (severe)
 * @param exposure    probability x impact
 * @param mitigation  what is done about it
 * @param owner       who watches it
 * @param status      OPEN, MITIGATED or CLOSED
 * @param createdAt   when it was recorded
 * @param version     the risk's version
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskCreated(
        UUID riskId,
        UUID projectId,
        String title,
        int probability,
        int impact,
        int exposure,
        String mitigation,
        String owner,
        String status,
        Instant createdAt,
        long version) {
}
