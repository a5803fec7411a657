package dev.tandem.events.feedback;

import dev.tandem.events.Money;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.customer.created.v1} on {@code tandem.feedback.events}, subject = customer id. A customer was created. Carries the customer's full state.
 *
 * @param customerId             the customer's id
 * @param externalCrmId          the customer's id in the CRM, unique
 * @param name                   the customer's name
 * @param segment                market segment, free text such as SMB or Enterprise, if set
 * @param tier                   commercial tier: STARTER, GROWTH or ENTERPRISE
 * @param annualRevenue          annual revenue with the customer, if known
 * @param contactEmail           whom to tell when their feedback is answered, if known
 * @param createdAt              when the customer was created
 * @param version                the aggregate's version after this change (its ETag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerCreated(
        UUID customerId,
        String externalCrmId,
        String name,
        String segment,
        String tier,
        Money annualRevenue,
        String contactEmail,
        Instant createdAt,
        long version) {
}
