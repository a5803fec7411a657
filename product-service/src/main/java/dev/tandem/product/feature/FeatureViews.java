package dev.tandem.product.feature;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.product.demand.DemandSettings;
import dev.tandem.product.demand.DemandView;
import dev.tandem.product.demand.FeatureDemand;

/** Builds feature views with their demand and risks, loading those in one query per list. */
@ApplicationScoped
public class FeatureViews {

    @Inject
    DemandSettings demandSettings;

    @Inject
    DerivedVersions derivedVersions;

    /**
     * The feature's current ETag. Read it before the view: demand and risks read afterwards are then at least as new
     * as the tag says, so a client's later If-None-Match with this tag can never get a 304 for a state it has not seen.
     */
    public FeatureETag etagOf(Feature f) {
        return new FeatureETag(f.version(), derivedVersions.of(f.id()));
    }

    public FeatureView of(Feature f) {
        return of(f, FeatureDemand.of(List.of(f.id())), FeatureRisk.of(List.of(f.id())));
    }

    /** What a list needs: the demand and risks of every feature in it. */
    public record Context(Map<UUID, FeatureDemand> demands, Map<UUID, List<FeatureRisk>> risks) {
    }

    public Context contextOf(List<Feature> features) {
        List<UUID> ids = features.stream().map(Feature::id).toList();
        return new Context(FeatureDemand.of(ids), FeatureRisk.of(ids));
    }

    public FeatureView of(Feature f, Context c) {
        return of(f, c.demands(), c.risks());
    }

    public DemandView demandOf(FeatureDemand d) {
        return DemandView.of(d, demandSettings.rates().currency());
    }

    private FeatureView of(Feature f, Map<UUID, FeatureDemand> demands, Map<UUID, List<FeatureRisk>> risks) {
        return FeatureView.of(f, demandOf(demands.get(f.id())), risks.getOrDefault(f.id(), List.of()));
    }
}
