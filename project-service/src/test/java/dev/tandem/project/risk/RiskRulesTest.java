package dev.tandem.project.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

    private static Risk risk() {
        return Risk.create(UUID.randomUUID(), " Sandbox late ", 3, 4, null, null);
    }

    @Test
    void exposureIsProbabilityTimesImpactAndFollowsChanges() {
        Risk r = risk();
        assertEquals(12, r.exposure());
        assertEquals(RiskStatus.OPEN, r.status());
        assertEquals("Sandbox late", r.title());
        assertTrue(r.update(new Risk.Changes(null, 5, null, null, null, null)));
        assertEquals(20, r.exposure());
        assertFalse(r.update(new Risk.Changes("Sandbox late", 5, 4, null, null, RiskStatus.OPEN)));
    }

    @Test
    void openAndMitigatedGoBackAndForthAndClosedIsFinal() {
        Risk r = risk();
        r.update(new Risk.Changes(null, null, null, null, null, RiskStatus.MITIGATED));
        r.update(new Risk.Changes(null, null, null, null, null, RiskStatus.OPEN));
        r.update(new Risk.Changes(null, null, null, null, null, RiskStatus.CLOSED));
        DomainException e = assertThrows(DomainException.class,
                () -> r.update(new Risk.Changes("Renamed", null, null, null, null, null)));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals("Sandbox late", r.title());
    }
}
