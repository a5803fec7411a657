package dev.tandem.feedback.customer;

import dev.tandem.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as the API shows it. */
@Schema(name = "Customer")
public record CustomerView(
        @Schema(example = "5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f") UUID id,
        @Schema(example = "SF-0012345") String externalCrmId,
        @Schema(example = "Acme GmbH") String name,
        @Schema(example = "Enterprise") String segment,
        @Schema(example = "ENTERPRISE") Tier tier,
        Money annualRevenue,
        @Schema(example = "buyer@acme.example") String contactEmail,
        @Schema(description = "The customer asked not to be written to: no loop-closed mails.", example = "false")
        boolean emailOptOut,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated, or feedback-service itself. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or feedback-service itself for a change made on another service's event.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    static CustomerView of(Customer c) {
        return new CustomerView(c.id(), c.externalCrmId(), c.name(), c.segment(), c.tier(), c.annualRevenue(),
                c.contactEmail(), c.emailOptOut(), c.createdAt(), c.updatedAt(), c.createdBy(), c.updatedBy(), c.version());
    }
}
