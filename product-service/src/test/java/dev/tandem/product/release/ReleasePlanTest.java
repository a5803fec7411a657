package dev.tandem.product.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.product.feature.FeatureStatus;
import org.junit.jupiter.api.Test;

class ReleasePlanTest {

    final UUID delivered = UUID.randomUUID();
    final UUID inDelivery = UUID.randomUUID();
    final UUID planned = UUID.randomUUID();

    Map<UUID, FeatureStatus> features() {
        Map<UUID, FeatureStatus> m = new LinkedHashMap<>();
        m.put(delivered, FeatureStatus.DELIVERED);
        m.put(inDelivery, FeatureStatus.IN_DELIVERY);
        m.put(planned, FeatureStatus.PLANNED);
        return m;
    }

    @Test
    void allDeliveredAreReleased() {
        ReleasePlan plan = ReleasePlan.of(Map.of(delivered, FeatureStatus.DELIVERED), List.of());
        assertEquals(List.of(delivered), plan.release());
        assertEquals(List.of(), plan.moveOut());
    }

    @Test
    void refusesNamingEveryFeatureNotDelivered() {
        DomainException e = assertThrows(DomainException.class, () -> ReleasePlan.of(features(), List.of()));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains(inDelivery.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(planned.toString()), e.getMessage());
        assertEquals(2, e.issues().size());
    }

    @Test
    void stillRefusesWhenForceListsOnlySomeOfThem() {
        DomainException e = assertThrows(DomainException.class,
                () -> ReleasePlan.of(features(), List.of(inDelivery)));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains(planned.toString()));
        assertTrue(!e.getMessage().contains(inDelivery.toString()));
    }

    @Test
    void forcedFeaturesAreMovedOutAndTheRestReleased() {
        ReleasePlan plan = ReleasePlan.of(features(), List.of(planned, inDelivery));
        assertEquals(List.of(delivered), plan.release());
        assertEquals(List.of(inDelivery, planned), plan.moveOut());
    }

    @Test
    void aForcedIdOutsideTheReleaseIsNamed() {
        UUID stranger = UUID.randomUUID();
        DomainException e = assertThrows(DomainException.class,
                () -> ReleasePlan.of(features(), List.of(planned, stranger)));
        assertEquals(DomainException.Kind.RULE_BROKEN, e.kind());
        assertEquals("force[1]", e.issues().get(0).field());
    }
}
