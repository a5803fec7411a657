package dev.tandem.product.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.platform.problem.ProblemException;
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
        ProblemException e = assertThrows(ProblemException.class, () -> ReleasePlan.of(features(), List.of()));
        assertEquals(409, e.problem().status());
        assertTrue(e.problem().detail().contains(inDelivery.toString()), e.problem().detail());
        assertTrue(e.problem().detail().contains(planned.toString()), e.problem().detail());
        assertEquals(2, e.problem().errors().size());
    }

    @Test
    void stillRefusesWhenForceListsOnlySomeOfThem() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ReleasePlan.of(features(), List.of(inDelivery)));
        assertEquals(409, e.problem().status());
        assertTrue(e.problem().detail().contains(planned.toString()));
        assertTrue(!e.problem().detail().contains(inDelivery.toString()));
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
        ProblemException e = assertThrows(ProblemException.class,
                () -> ReleasePlan.of(features(), List.of(planned, stranger)));
        assertEquals(422, e.problem().status());
        assertEquals("force[1]", e.problem().errors().get(0).field());
    }
}
