package dev.tandem.platform.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void currenciesAreIso4217Codes() {
        assertTrue(IsoCurrency.Validator.isIsoCode("EUR"));
        assertTrue(IsoCurrency.Validator.isIsoCode("JPY"));
        assertFalse(IsoCurrency.Validator.isIsoCode("EURO"));
        assertFalse(IsoCurrency.Validator.isIsoCode("eur"));
        assertFalse(IsoCurrency.Validator.isIsoCode("ABC"));
    }

    @Test
    void amountsHaveTwoDecimals() {
        assertEquals("12.50", Money.of(new BigDecimal("12.5"), "EUR").amount());
        assertEquals(new BigDecimal("100.00"), new Money("100", "EUR").value());
        assertEquals("100.00", new Money("100", "EUR").amount());
        assertEquals("1.5x", new Money("1.5x", "EUR").amount(), "a malformed amount is kept for validation to refuse");
        assertTrue(new Money("7", "EUR").sameAs(new Money("7.00", "EUR")));
        assertFalse(new Money("7", "EUR").sameAs(new Money("7", "USD")));
        assertNull(Money.of(null, "EUR"));
    }
}
