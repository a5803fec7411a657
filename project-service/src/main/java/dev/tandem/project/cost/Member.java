package dev.tandem.project.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.money.Money;
import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;

/** A person on a project: role, share of their time (1–100 %) and hourly cost rate in the project's currency. */
@Entity
@Table(name = "project_member")
public class Member extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "project_id", nullable = false)
    UUID projectId;

    @Column(name = "person_id", nullable = false, length = 200)
    String personId;

    @Column(nullable = false, length = 100)
    String role;

    @Column(name = "allocation_percent", nullable = false)
    int allocationPercent;

    @Column(name = "hourly_rate_amount", nullable = false, precision = 17, scale = 2)
    BigDecimal hourlyRateAmount;

    @Column(name = "hourly_rate_currency", nullable = false, length = 3)
    String hourlyRateCurrency;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Member() {
    }

    public static Member create(UUID projectId, String personId, String role, int allocationPercent, Money rate) {
        Member m = new Member();
        m.id = UUID.randomUUID();
        m.projectId = projectId;
        m.personId = personId.strip();
        m.role = role.strip();
        m.allocationPercent = allocationPercent;
        m.hourlyRateAmount = rate.value();
        m.hourlyRateCurrency = rate.currency();
        m.createdAt = Now.instant();
        m.updatedAt = m.createdAt;
        return m;
    }

    /** Applies the changes sent (null = unchanged); returns whether anything changed. */
    public boolean update(String newRole, Integer newAllocation, Money newRate) {
        boolean changed = false;
        if (newRole != null && !newRole.strip().equals(role)) {
            role = newRole.strip();
            changed = true;
        }
        if (newAllocation != null && newAllocation != allocationPercent) {
            allocationPercent = newAllocation;
            changed = true;
        }
        if (newRate != null && !newRate.sameAs(hourlyRate())) {
            hourlyRateAmount = newRate.value();
            hourlyRateCurrency = newRate.currency();
            changed = true;
        }
        if (changed) {
            updatedAt = Now.instant();
        }
        return changed;
    }

    /** The cost of {@code hours} at this member's rate, rounded half up to cents. */
    public Money costOf(BigDecimal hours) {
        return Money.of(hourlyRateAmount.multiply(hours).setScale(2, java.math.RoundingMode.HALF_UP),
                hourlyRateCurrency);
    }

    public static Member of(UUID projectId, String personId) {
        return find("projectId = ?1 and personId = ?2", projectId, personId.strip()).firstResult();
    }

    public static List<Member> page(UUID projectId, Instant afterCreated, UUID afterId, int fetchSize) {
        StringBuilder where = new StringBuilder("projectId = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", projectId);
        if (afterCreated != null) {
            where.append(" and (createdAt > :c or (createdAt = :c and id > :id))");
            params.put("c", afterCreated);
            params.put("id", afterId);
        }
        return find(where + " order by createdAt, id", params).page(0, fetchSize).list();
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public String personId() {
        return personId;
    }

    public String role() {
        return role;
    }

    public int allocationPercent() {
        return allocationPercent;
    }

    public Money hourlyRate() {
        return Money.of(hourlyRateAmount, hourlyRateCurrency);
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
