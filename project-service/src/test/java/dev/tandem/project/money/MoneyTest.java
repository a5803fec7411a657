package dev.tandem.project.money;

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
        assertEquals("100.00", new Money("100", "EUR").toEvent().amount());
        assertNull(Money.of(null, "EUR"));
    }
}
