package dev.tandem.events.feedback;

import dev.tandem.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.customer.updated.v1} on {@code tandem.feedback.events}, subject = customer id. A customer's CRM id, name, segment, tier, annual revenue or contact email changed. Carries the customer's full state; when the revenue changed, previousAnnualRevenue holds the old value so revenue-weighted demand can be corrected without calling back.
 *
 * @param customerId             the customer's id
 * @param externalCrmId          the customer's id in the CRM, unique
 * @param name                   the customer's name
 * @param segment                market segment, free text such as SMB or Enterprise, if set
 * @param tier                   commercial tier: STARTER, GROWTH or ENTERPRISE
 * @param annualRevenue          annual revenue with the customer, if known
 * @param contactEmail           whom to tell when their feedback is answered, if known
 * @param createdAt              when the customer was created
 * @param updatedAt              when the customer last changed
 * @param changedFields          the fields this change modified, e.g. annualRevenue
 * @param revenueChanged         true when annualRevenue changed in this update
 * @param previousAnnualRevenue  the annual revenue before this change, when it changed (null otherwise, or when it was unknown)
 * @param version                the aggregate's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerUpdated(
        UUID customerId,
        String externalCrmId,
        String name,
        String segment,
        String tier,
        Money annualRevenue,
        String contactEmail,
        Instant createdAt,
        Instant updatedAt,
        List<String> changedFields,
        boolean revenueChanged,
        Money previousAnnualRevenue,
        long version) {
}
