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

/** Money the project spent other than people's time (licences, travel, hardware, …). */
@Entity
@Table(name = "expense_entry")
public class ExpenseEntry extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "project_id", nullable = false)
    UUID projectId;

    @Column(nullable = false, precision = 17, scale = 2)
    BigDecimal amount;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, length = 100)
    String category;

    @Column(name = "expense_date", nullable = false)
    LocalDate date;

    @Column(length = 1000)
    String description;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ExpenseEntry() {
    }

    public static ExpenseEntry record(UUID projectId, Money amount, String category, LocalDate date,
                                      String description) {
        ExpenseEntry e = new ExpenseEntry();
        e.id = UUID.randomUUID();
        e.projectId = projectId;
        e.amount = amount.value();
        e.currency = amount.currency();
        e.category = category.strip();
        e.date = date;
        e.description = description;
        e.createdAt = Now.instant();
        return e;
    }

    public static List<ExpenseEntry> page(UUID projectId, Instant afterCreated, UUID afterId, int fetchSize) {
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

    /** Σ of the project's expenses in {@code currency}. */
    public static BigDecimal total(UUID projectId, String currency) {
        BigDecimal sum = getEntityManager().createQuery(
                        "select coalesce(sum(e.amount), 0) from ExpenseEntry e where e.projectId = :p and e.currency = :c",
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

    public Money amount() {
        return Money.of(amount, currency);
    }

    public String category() {
        return category;
    }

    public LocalDate date() {
        return date;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
