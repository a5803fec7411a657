package dev.tandem.project.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.tandem.platform.money.Money;
import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;

/** Hours a member worked on a task of the project on a day; its cost is fixed at the member's rate when recorded. */
@Entity
@Table(name = "time_entry")
public class TimeEntry extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "project_id", nullable = false)
    UUID projectId;

    @Column(name = "person_id", nullable = false, length = 200)
    String personId;

    @Column(name = "task_id", nullable = false)
    UUID taskId;

    @Column(name = "work_date", nullable = false)
    LocalDate date;

    @Column(nullable = false, precision = 4, scale = 2)
    BigDecimal hours;

    @Column(name = "cost_amount", nullable = false, precision = 17, scale = 2)
    BigDecimal costAmount;

    @Column(name = "cost_currency", nullable = false, length = 3)
    String costCurrency;

    @Column(length = 1000)
    String note;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected TimeEntry() {
    }

    /** cost = hours × the member's hourly rate. */
    public static TimeEntry record(Member member, UUID taskId, LocalDate date, BigDecimal hours, String note) {
        TimeEntry e = new TimeEntry();
        e.id = UUID.randomUUID();
        e.projectId = member.projectId();
        e.personId = member.personId();
        e.taskId = taskId;
        e.date = date;
        e.hours = hours.setScale(2, java.math.RoundingMode.HALF_UP);
        Money cost = member.costOf(e.hours);
        e.costAmount = cost.value();
        e.costCurrency = cost.currency();
        e.note = note;
        e.createdAt = Now.instant();
        return e;
    }

    public static List<TimeEntry> page(UUID projectId, Instant afterCreated, UUID afterId, int fetchSize) {
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

    /** Σ cost of the project's time entries in {@code currency}. */
    public static BigDecimal totalCost(UUID projectId, String currency) {
        BigDecimal sum = getEntityManager().createQuery(
                        "select coalesce(sum(e.costAmount), 0) from TimeEntry e where e.projectId = :p and e.costCurrency = :c",
                        BigDecimal.class)
                .setParameter("p", projectId).setParameter("c", currency).getSingleResult();
        return sum.setScale(2);
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

    public UUID taskId() {
        return taskId;
    }

    public LocalDate date() {
        return date;
    }

    public BigDecimal hours() {
        return hours;
    }

    public Money cost() {
        return Money.of(costAmount, costCurrency);
    }

    public String note() {
        return note;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
