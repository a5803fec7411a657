package dev.tandem.feedback.customer;

import java.math.BigDecimal;
import java.util.Currency;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Money as the API speaks it: a decimal string with two decimals and an ISO 4217 currency code. */
@Schema(name = "Money", description = "An amount of money; amount is a decimal string with exactly two decimals, never negative.")
public record Money(
        @Schema(example = "120000.00", required = true, pattern = "^\\d{1,17}\\.\\d{2}$")
        @NotNull @Pattern(regexp = "^\\d{1,17}\\.\\d{2}$", message = "must be a non-negative amount with two decimals, such as 120000.00")
        String amount,
        @Schema(description = "ISO 4217 currency code", example = "EUR", required = true)
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code such as EUR")
        String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.setScale(2).toPlainString(), currency);
    }

    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }

    /** 400 naming {@code field + ".currency"} when the code is well-formed but not an ISO 4217 currency. */
    public void requireKnownCurrency(String field) {
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field + ".currency: " + currency + " is not an ISO 4217 currency code",
                    new Problem.FieldError(field + ".currency", "is not an ISO 4217 currency code"));
        }
    }

    /** The same as the event contract's money. */
    public dev.tandem.events.feedback.Money toEvent() {
        return new dev.tandem.events.feedback.Money(amount, currency);
    }
}
