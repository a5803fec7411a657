package dev.tandem.product.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class FeatureReleaseAndRiskRulesTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    static Feature delivered() {
        Feature f = Feature.create(UUID.randomUUID(), "Reorder", null, null, null, null, null, null, NOW);
        for (FeatureStatus s : new FeatureStatus[] {FeatureStatus.CANDIDATE, FeatureStatus.PLANNED,
                FeatureStatus.COMMITTED, FeatureStatus.IN_DELIVERY, FeatureStatus.DELIVERED}) {
            f.moveTo(s, null, NOW);
        }
        return f;
    }

    @Test
    void releasedIsNotReachableThroughAStatusRequest() {
        Feature f = delivered();
        DomainException e = assertThrows(DomainException.class,
                () -> f.requestMove(FeatureStatus.RELEASED, null, NOW));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(FeatureStatus.DELIVERED, f.status());
        // the release itself moves it
        f.moveTo(FeatureStatus.RELEASED, "released with 2027.1", NOW);
        assertEquals(FeatureStatus.RELEASED, f.status());
    }

    @Test
    void aReleasedFeatureKeepsItsRelease() {
        Feature f = delivered();
        UUID release = UUID.randomUUID();
        assertTrue(f.assignRelease(release, NOW));
        assertFalse(f.assignRelease(release, NOW), "same release: no change");
        f.moveTo(FeatureStatus.RELEASED, null, NOW);
        DomainException e = assertThrows(DomainException.class, () -> f.assignRelease(null, NOW));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(release, f.releaseId());
    }

    @Test
    void aFeatureCanLeaveItsReleaseBeforeItIsReleased() {
        Feature f = delivered();
        f.assignRelease(UUID.randomUUID(), NOW);
        assertTrue(f.assignRelease(null, NOW));
        assertNull(f.releaseId());
    }

    @Test
    void theRiskFlagReportsOnlyChanges() {
        Feature f = delivered();
        assertFalse(f.flagRisk(false, NOW));
        assertTrue(f.flagRisk(true, NOW));
        assertTrue(f.atRisk());
        assertFalse(f.flagRisk(true, NOW));
        assertTrue(f.flagRisk(false, NOW));
    }
}
