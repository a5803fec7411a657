package dev.tandem.feedback.customer;

import dev.tandem.platform.money.Money;
import dev.tandem.platform.text.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/customers/{id}}: only the fields sent change; an absent or null field is kept. */
@Schema(name = "UpdateCustomer", description = "A partial update: fields left out (or null) keep their value. "
        + "segment and contactEmail are cleared with an empty string.")
public record UpdateCustomerRequest(
        @Schema(example = "SF-0012345")
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String externalCrmId,

        @Schema(example = "Acme GmbH")
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,

        @Schema(example = "Enterprise")
        @Size(max = 100)
        String segment,

        @Schema(example = "ENTERPRISE")
        Tier tier,

        @Valid
        Money annualRevenue,

        @Schema(example = "buyer@acme.example", maxLength = EmailAddress.MAX_LENGTH,
                description = "An e-mail address, or \"\" to clear it")
        @EmailAddress(allowEmpty = true)
        String contactEmail,

        @Schema(description = "true: the customer asked not to be written to (no loop-closed mails); false: they may "
                + "be written to again.", example = "true")
        Boolean emailOptOut) {
}
