package dev.tandem.product.backlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.platform.problem.ProblemException;
import dev.tandem.product.demand.DemandSettings;
import dev.tandem.product.demand.DemandView;
import dev.tandem.product.demand.FeatureDemand;
import dev.tandem.product.feature.Feature;
import dev.tandem.product.feature.FeatureStatus;
import dev.tandem.product.product.Product;
import dev.tandem.product.release.Release;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/products/{id}/roadmap")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backlog and roadmap")
public class RoadmapResource {

    private static final Set<FeatureStatus> UNSCHEDULED = Set.of(FeatureStatus.CANDIDATE, FeatureStatus.PLANNED,
            FeatureStatus.COMMITTED, FeatureStatus.IN_DELIVERY, FeatureStatus.DELIVERED);

    @Inject
    DemandSettings demandSettings;

    @GET
    @Operation(operationId = "getProductRoadmap", summary = "The product's roadmap",
            description = "Features grouped by release (every release of the product, earliest target date first, "
                    + "each with all its features) plus `unscheduled` (in no release, from CANDIDATE to DELIVERED); "
                    + "and the same features as now (IN_DELIVERY, COMMITTED), next (PLANNED) and later (CANDIDATE). "
                    + "Within a group: highest RICE score first (unscored last). Each item shows status, score, "
                    + "demand and risk.")
    @APIResponse(responseCode = "200", description = "The roadmap",
            content = @Content(schema = @Schema(implementation = RoadmapView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RoadmapView roadmap(@PathParam("id") UUID productId) {
        if (Product.findById(productId) == null) {
            throw ProblemException.notFound("product", productId);
        }
        List<Feature> features = new ArrayList<>(Feature.ofProduct(productId));
        features.sort(Comparator.comparing(Feature::score, Comparator.nullsLast(Comparator.reverseOrder())));
        Map<UUID, FeatureDemand> demands = FeatureDemand.of(features.stream().map(Feature::id).toList());
        String currency = demandSettings.rates().currency();
        List<RoadmapView.ReleaseGroup> releases = Release.ofProduct(productId).stream()
                .map(r -> new RoadmapView.ReleaseGroup(r.id(), r.name(), r.targetDate(), r.status(),
                        features.stream().filter(f -> r.id().equals(f.releaseId()))
                                .map(f -> item(f, demands, currency)).toList()))
                .toList();
        return new RoadmapView(productId, releases,
                select(features, f -> f.releaseId() == null && UNSCHEDULED.contains(f.status()), demands, currency),
                select(features, f -> f.status() == FeatureStatus.IN_DELIVERY || f.status() == FeatureStatus.COMMITTED,
                        demands, currency),
                select(features, f -> f.status() == FeatureStatus.PLANNED, demands, currency),
                select(features, f -> f.status() == FeatureStatus.CANDIDATE, demands, currency));
    }

    private static List<RoadmapView.Item> select(List<Feature> features, java.util.function.Predicate<Feature> which,
                                                 Map<UUID, FeatureDemand> demands, String currency) {
        return features.stream().filter(which).map(f -> item(f, demands, currency)).toList();
    }

    private static RoadmapView.Item item(Feature f, Map<UUID, FeatureDemand> demands, String currency) {
        return new RoadmapView.Item(f.id(), f.title(), f.status(), f.score(),
                DemandView.of(demands.get(f.id()), currency), f.atRisk(), f.releaseId());
    }
}
