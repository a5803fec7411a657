package dev.tandem.product.feature;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.project.ProjectHealthChanged;
import dev.tandem.events.project.ProjectStatusChanged;
import dev.tandem.platform.time.Now;

/**
 * What project-service's events do to features: a project becoming ACTIVE puts its COMMITTED features IN_DELIVERY; a
 * COMPLETED project makes its COMMITTED / IN_DELIVERY features DELIVERED; its health AMBER/RED flags its features at
 * risk with the reasons, GREEN clears its part of the flag. Feature ids this service does not know are ignored.
 * Every change publishes the usual feature events.
 */
@ApplicationScoped
public class ProjectDelivery {

    static final String ACTIVE = "ACTIVE";
    static final String COMPLETED = "COMPLETED";

    @Inject
    FeatureEvents events;

    @Inject
    DerivedVersions derivedVersions;

    public void statusChanged(ProjectStatusChanged e) {
        if (!ACTIVE.equals(e.to()) && !COMPLETED.equals(e.to())) {
            return;
        }
        for (Feature f : features(e.featureIds())) {
            String why = "project " + label(e.key(), e.projectId()) + " is " + e.to();
            if (f.status() == FeatureStatus.COMMITTED) {
                move(f, FeatureStatus.IN_DELIVERY, why);
            }
            if (COMPLETED.equals(e.to()) && f.status() == FeatureStatus.IN_DELIVERY) {
                move(f, FeatureStatus.DELIVERED, why);
            }
        }
    }

    public void healthChanged(ProjectHealthChanged e) {
        boolean risky = "AMBER".equals(e.to()) || "RED".equals(e.to());
        List<FeatureRisk.Reason> reasons = e.reasons() == null ? List.of() : e.reasons().stream()
                .map(r -> new FeatureRisk.Reason(r.code(), r.severity(), r.message())).toList();
        Instant at = e.changedAt() == null ? Now.instant() : e.changedAt();
        for (Feature f : features(e.featureIds())) {
            FeatureRisk risk = FeatureRisk.find(f.id(), e.projectId());
            boolean risksChanged = false;
            if (risky) {
                if (risk == null) {
                    FeatureRisk.of(f.id(), e.projectId(), e.key(), e.to(), reasons, at).persist();
                    risksChanged = true;
                } else if (!risk.changedAt().isAfter(at)) {
                    risksChanged = risk.update(e.key(), e.to(), reasons, at);
                }
            } else if (risk != null && !risk.changedAt().isAfter(at)) {
                risk.delete();
                risksChanged = true;
            }
            FeatureRisk.flush();
            if (risksChanged) {
                // the risks shown change even when the flag does not (AMBER → RED, a second project)
                derivedVersions.bump(f.id());
            }
            if (f.flagRisk(FeatureRisk.countFor(f.id()) > 0, Now.instant())) {
                Feature.flush();
                events.updated(f);
            }
        }
    }

    private void move(Feature f, FeatureStatus to, String why) {
        Feature.StatusChange change = f.moveTo(to, why, Now.instant());
        Feature.flush();
        events.statusChanged(f, change);
    }

    private static List<Feature> features(List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return Feature.list("id in ?1 order by createdAt, id", ids);
    }

    private static String label(String key, UUID id) {
        return key == null ? id.toString() : key;
    }
}
