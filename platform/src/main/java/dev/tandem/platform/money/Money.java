package dev.tandem.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Money as every Tandem API speaks it: a non-negative decimal string with at most two decimals and an ISO 4217
 * currency code. A well-formed amount is normalised to exactly two decimals ({@code "12.5"} → {@code "12.50"}) when
 * the value is built, so responses and events always show two. Bean validation ({@link #amount}'s pattern and
 * {@link IsoCurrency}) turns a malformed value into a 400 naming the field.
 */
@Schema(name = "Money", description = "An amount with its ISO 4217 currency; the amount is a non-negative decimal string with at most two decimals, answered with exactly two.")
public record Money(
        @Schema(example = "120000.00", required = true, pattern = Money.AMOUNT_PATTERN)
        @NotNull
        @jakarta.validation.constraints.Pattern(regexp = Money.AMOUNT_PATTERN,
                message = "must be a non-negative decimal with at most 2 decimals, such as \"12.50\"")
        String amount,

        @Schema(example = "EUR", required = true, description = "ISO 4217 code")
        @NotNull @IsoCurrency
        String currency) {

    public static final String AMOUNT_PATTERN = "^\\d{1,15}(\\.\\d{1,2})?$";
    private static final Pattern AMOUNT = Pattern.compile(AMOUNT_PATTERN);

    public Money {
        if (amount != null && AMOUNT.matcher(amount).matches()) {
            amount = new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        }
    }

    /** Two decimals; {@code null} when either part is missing. */
    public static Money of(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return null;
        }
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), currency);
    }

    /** The same amount as every event carries it; {@code null} for {@code null}. */
    public static dev.tandem.events.Money toEvent(Money money) {
        return money == null ? null : new dev.tandem.events.Money(money.amount(), money.currency());
    }

    /** The amount as a number with scale 2. */
    public BigDecimal value() {
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Same currency and numerically equal amount. */
    public boolean sameAs(Money other) {
        return other != null && currency.equals(other.currency) && value().compareTo(other.value()) == 0;
    }
}
