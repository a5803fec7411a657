package dev.tandem.feedback.customer;

import dev.tandem.platform.money.Money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Customer updates: what changed, and the old revenue when the revenue changed. */
class CustomerRulesTest {

    private static Customer acme() {
        return Customer.create(" SF-1 ", " Acme ", "Enterprise", Tier.GROWTH, new Money("90000.00", "EUR"),
                "buyer@acme.example", false);
    }

    @Test
    void aRevenueChangeCarriesTheOldRevenue() {
        Customer c = acme();
        Customer.Changes changes = c.update(null, null, null, Tier.ENTERPRISE, new Money("120000.00", "EUR"), null,
                null);
        assertEquals(List.of("tier", "annualRevenue"), changes.fields());
        assertTrue(changes.revenueChanged());
        assertEquals(new Money("90000.00", "EUR"), changes.previousRevenue());
        assertEquals(new Money("120000.00", "EUR"), c.annualRevenue());
    }

    @Test
    void sendingTheSameValuesChangesNothing() {
        Customer c = acme();
        Customer.Changes changes = c.update("SF-1", "Acme", "Enterprise", Tier.GROWTH, new Money("90000.00", "EUR"),
                "buyer@acme.example", false);
        assertTrue(changes.none());
        assertFalse(changes.revenueChanged());
        assertNull(changes.previousRevenue());
    }

    @Test
    void aCurrencyChangeIsARevenueChangeAndEmptyStringsClear() {
        Customer c = acme();
        Customer.Changes changes = c.update(null, null, "", null, new Money("90000.00", "USD"), "", null);
        assertEquals(List.of("segment", "annualRevenue", "contactEmail"), changes.fields());
        assertNull(c.segment());
        assertNull(c.contactEmail());
        assertEquals("SF-1", c.externalCrmId());
        assertEquals("Acme", c.name());
    }

    @Test
    void anOptOutIsAChangeAndOnlyAnAddressNotOptedOutIsWrittenTo() {
        Customer c = acme();
        assertTrue(c.reachableByEmail());
        assertEquals(List.of("emailOptOut"), c.update(null, null, null, null, null, null, true).fields());
        assertTrue(c.emailOptOut());
        assertFalse(c.reachableByEmail());
        assertTrue(c.update(null, null, null, null, null, null, true).none(), "opting out twice changes nothing");
        c.update(null, null, null, null, null, null, false);
        assertTrue(c.reachableByEmail());
        c.update(null, null, null, null, null, "", null);
        assertFalse(c.reachableByEmail(), "no address, no mail");
    }

    @Test
    void likePatternsAreEscaped() {
        assertEquals("50\\%\\_off\\\\", Customer.likeEscape("50%_off\\"));
    }
}
