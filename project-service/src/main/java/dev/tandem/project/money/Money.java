package dev.tandem.project.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Money as the API shows it: a decimal string with up to two decimals and an ISO 4217 currency code. */
@Schema(name = "Money", description = "An amount with its ISO 4217 currency; the amount is a decimal string.")
public record Money(
        @Schema(example = "120000.00", required = true)
        @NotNull @Pattern(regexp = "^\\d{1,15}(\\.\\d{1,2})?$", message = "must be a non-negative decimal with at most 2 decimals, such as \"12.50\"")
        String amount,

        @Schema(example = "EUR", required = true, description = "ISO 4217 code")
        @NotNull @IsoCurrency
        String currency) {

    /** Two decimals, the way the API and events show it. */
    public static Money of(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return null;
        }
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), currency);
    }

    public BigDecimal value() {
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
    }

    public dev.tandem.events.project.Money toEvent() {
        return new dev.tandem.events.project.Money(value().toPlainString(), currency);
    }
}
