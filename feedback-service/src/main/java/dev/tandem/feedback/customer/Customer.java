package dev.tandem.feedback.customer;

import dev.tandem.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.persistence.Exists;
import dev.tandem.platform.time.Now;

/**
 * A customer who gives feedback, and their weight: tier and annual revenue. {@code emailOptOut}: they asked not to
 * be written to, so no mail tells them that a loop closed (the {@code feedback.loop-closed} event is still published).
 */
@Entity
@Table(name = "customer")
public class Customer extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "external_crm_id", nullable = false, length = 100)
    String externalCrmId;

    @Column(nullable = false, length = 200)
    String name;

    @Column(length = 100)
    String segment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    Tier tier;

    @Column(name = "revenue_amount", precision = 19, scale = 2)
    BigDecimal revenueAmount;

    @Column(name = "revenue_currency", length = 3)
    String revenueCurrency;

    @Column(name = "contact_email", length = 254)
    String contactEmail;

    @Column(name = "email_opt_out", nullable = false)
    boolean emailOptOut;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Customer() {
    }

    public static Customer create(String externalCrmId, String name, String segment, Tier tier, Money revenue,
                                  String contactEmail, boolean emailOptOut) {
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.externalCrmId = externalCrmId.strip();
        c.name = name.strip();
        c.segment = blankToNull(segment);
        c.tier = tier;
        c.setRevenue(revenue);
        c.contactEmail = blankToNull(contactEmail);
        c.emailOptOut = emailOptOut;
        c.createdAt = Now.instant();
        c.updatedAt = c.createdAt;
        return c;
    }

    /** What an update changed: the names of the changed fields and, when the revenue changed, the old revenue. */
    public record Changes(List<String> fields, boolean revenueChanged, Money previousRevenue) {
        public boolean none() {
            return fields.isEmpty();
        }
    }

    /**
     * Applies a partial update: a null argument leaves the field as it is. Returns what actually changed (a value
     * equal to the current one is no change).
     */
    public Changes update(String externalCrmId, String name, String segment, Tier tier, Money revenue,
                          String contactEmail, Boolean emailOptOut) {
        List<String> changed = new ArrayList<>();
        if (externalCrmId != null && !externalCrmId.strip().equals(this.externalCrmId)) {
            this.externalCrmId = externalCrmId.strip();
            changed.add("externalCrmId");
        }
        if (name != null && !name.strip().equals(this.name)) {
            this.name = name.strip();
            changed.add("name");
        }
        if (segment != null && !Objects.equals(blankToNull(segment), this.segment)) {
            this.segment = blankToNull(segment);
            changed.add("segment");
        }
        if (tier != null && tier != this.tier) {
            this.tier = tier;
            changed.add("tier");
        }
        boolean revenueChanged = false;
        Money previous = annualRevenue();
        if (revenue != null && !sameMoney(revenue, previous)) {
            setRevenue(revenue);
            changed.add("annualRevenue");
            revenueChanged = true;
        }
        if (contactEmail != null && !Objects.equals(blankToNull(contactEmail), this.contactEmail)) {
            this.contactEmail = blankToNull(contactEmail);
            changed.add("contactEmail");
        }
        if (emailOptOut != null && emailOptOut != this.emailOptOut) {
            this.emailOptOut = emailOptOut;
            changed.add("emailOptOut");
        }
        if (!changed.isEmpty()) {
            this.updatedAt = Now.instant();
        }
        return new Changes(List.copyOf(changed), revenueChanged, revenueChanged ? previous : null);
    }

    private static boolean sameMoney(Money a, Money b) {
        return b != null && a.currency().equals(b.currency()) && a.value().compareTo(b.value()) == 0;
    }

    private void setRevenue(Money revenue) {
        this.revenueAmount = revenue == null ? null : revenue.value();
        this.revenueCurrency = revenue == null ? null : revenue.currency();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static boolean crmIdTaken(String externalCrmId, UUID exceptId) {
        return exceptId == null
                ? Exists.any(getEntityManager(), "Customer", "externalCrmId = ?1", externalCrmId.strip())
                : Exists.any(getEntityManager(), "Customer", "externalCrmId = ?1 and id <> ?2", externalCrmId.strip(),
                        exceptId);
    }

    /** Customers oldest first, filtered, strictly after the (createdAt, id) keyset position. */
    public static List<Customer> page(String segment, Tier tier, String q, Instant afterCreatedAt, UUID afterId,
                                      int fetchSize) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (segment != null) {
            where.append(" and lower(segment) = :segment");
            params.put("segment", segment.strip().toLowerCase(Locale.ROOT));
        }
        if (tier != null) {
            where.append(" and tier = :tier");
            params.put("tier", tier);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(name) like :q escape '\\' or lower(externalCrmId) like :q escape '\\')");
            params.put("q", "%" + likeEscape(q.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (afterCreatedAt != null) {
            where.append(" and (createdAt > :t or (createdAt = :t and id > :id))");
            params.put("t", afterCreatedAt);
            params.put("id", afterId);
        }
        return find(where + " order by createdAt, id", params).page(0, fetchSize).list();
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public UUID id() {
        return id;
    }

    public String externalCrmId() {
        return externalCrmId;
    }

    public String name() {
        return name;
    }

    public String segment() {
        return segment;
    }

    public Tier tier() {
        return tier;
    }

    public Money annualRevenue() {
        return Money.of(revenueAmount, revenueCurrency);
    }

    public String contactEmail() {
        return contactEmail;
    }

    public boolean emailOptOut() {
        return emailOptOut;
    }

    /** Whether a mail may be sent to this customer: there is an address, and they did not opt out. */
    public boolean reachableByEmail() {
        return contactEmail != null && !emailOptOut;
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
