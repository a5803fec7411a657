package dev.tandem.project.risk;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;

/** A risk of a project: probability and impact 1–5, exposure = probability × impact, a mitigation and an owner. */
@Entity
@Table(name = "risk")
public class Risk extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "project_id", nullable = false)
    UUID projectId;

    @Column(nullable = false, length = 200)
    String title;

    @Column(nullable = false)
    int probability;

    @Column(nullable = false)
    int impact;

    @Column(nullable = false)
    int exposure;

    @Column(length = 4000)
    String mitigation;

    @Column(length = 200)
    String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    RiskStatus status;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Risk() {
    }

    public static Risk create(UUID projectId, String title, int probability, int impact, String mitigation,
                              String owner) {
        Risk r = new Risk();
        r.id = UUID.randomUUID();
        r.projectId = projectId;
        r.title = title.strip();
        r.probability = probability;
        r.impact = impact;
        r.exposure = probability * impact;
        r.mitigation = mitigation;
        r.owner = owner;
        r.status = RiskStatus.OPEN;
        r.createdAt = Now.instant();
        r.updatedAt = r.createdAt;
        return r;
    }

    /** The changes of an update; null means unchanged. */
    public record Changes(String title, Integer probability, Integer impact, String mitigation, String owner,
                          RiskStatus status) {
    }

    /**
     * Applies an update; exposure follows probability and impact. A status move not allowed is a 409 naming the
     * allowed ones (a CLOSED risk cannot change at all).
     *
     * @return whether anything changed
     */
    public boolean update(Changes c) {
        if (status == RiskStatus.CLOSED) {
            throw DomainException.conflict("a CLOSED risk cannot be changed",
                    new FieldIssue("status", "is CLOSED, which is final"));
        }
        if (c.status() != null && c.status() != status && !status.allowedNext().contains(c.status())) {
            String allowed = status.allowedNext().stream().map(Enum::name).collect(Collectors.joining(", "));
            throw DomainException.conflict("a " + status + " risk cannot move to " + c.status() + "; allowed: "
                    + allowed, new FieldIssue("status", "allowed from " + status + ": " + allowed));
        }
        boolean changed = false;
        if (c.title() != null && !c.title().strip().equals(title)) {
            title = c.title().strip();
            changed = true;
        }
        if (c.probability() != null && c.probability() != probability) {
            probability = c.probability();
            changed = true;
        }
        if (c.impact() != null && c.impact() != impact) {
            impact = c.impact();
            changed = true;
        }
        if (c.mitigation() != null && !c.mitigation().equals(mitigation)) {
            mitigation = c.mitigation();
            changed = true;
        }
        if (c.owner() != null && !c.owner().equals(owner)) {
            owner = c.owner();
            changed = true;
        }
        if (c.status() != null && c.status() != status) {
            status = c.status();
            changed = true;
        }
        if (changed) {
            exposure = probability * impact;
            updatedAt = Now.instant();
            if (!updatedAt.isAfter(createdAt)) {
                updatedAt = createdAt.plus(1, ChronoUnit.MICROS);
            }
        }
        return changed;
    }

    /** A project's risks by exposure, highest first, then oldest first, after the keyset position. */
    public static List<Risk> page(UUID projectId, RiskStatus status, Integer afterExposure, Instant afterCreated,
                                  UUID afterId, int fetchSize) {
        StringBuilder where = new StringBuilder("projectId = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", projectId);
        if (status != null) {
            where.append(" and status = :s");
            params.put("s", status);
        }
        if (afterExposure != null) {
            where.append(" and (exposure < :e or (exposure = :e and (createdAt > :c or (createdAt = :c and id > :id))))");
            params.put("e", afterExposure);
            params.put("c", afterCreated);
            params.put("id", afterId);
        }
        return find(where + " order by exposure desc, createdAt, id", params).page(0, fetchSize).list();
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public String title() {
        return title;
    }

    public int probability() {
        return probability;
    }

    public int impact() {
        return impact;
    }

    public int exposure() {
        return exposure;
    }

    public String mitigation() {
        return mitigation;
    }

    public String owner() {
        return owner;
    }

    public RiskStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
