package dev.tandem.feedback.customer;

import dev.tandem.platform.money.Money;
import dev.tandem.platform.text.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/customers}. */
@Schema(name = "CreateCustomer", description = "A new customer.")
public record CreateCustomerRequest(
        @Schema(description = "The customer's id in the CRM; unique.", example = "SF-0012345", required = true)
        @NotBlank @Size(max = 100)
        String externalCrmId,

        @Schema(example = "Acme GmbH", required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Market segment, free text; filter with ?segment= (case-insensitive).", example = "Enterprise")
        @Size(max = 100)
        String segment,

        @Schema(example = "ENTERPRISE", required = true)
        @NotNull
        Tier tier,

        @Schema(description = "Annual revenue with this customer; weighs their feedback.")
        @Valid
        Money annualRevenue,

        @Schema(example = "buyer@acme.example", format = "email", maxLength = EmailAddress.MAX_LENGTH)
        @EmailAddress
        String contactEmail,

        @Schema(description = "The customer asked not to be written to: no mail tells them that a feature they asked "
                + "for was released (feedback.loop-closed is still published). Default false.", example = "false",
                defaultValue = "false")
        Boolean emailOptOut) {
}
