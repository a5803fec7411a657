package dev.tandem.product.backlog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.platform.money.Money;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.product.demand.DemandSettings;
import dev.tandem.product.demand.DemandView;
import dev.tandem.product.demand.FeatureDemand;
import dev.tandem.product.feature.Feature;
import dev.tandem.product.feature.FeatureStatus;
import dev.tandem.product.product.Product;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/products/{id}/backlog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backlog and roadmap", description = "Ranked backlog and roadmap of a product.")
public class BacklogResource {

    static final String FORMULA = "priority = riceScore × (1 + w × normalisedDemand); "
            + "normalisedDemand = weightedDemand / maxWeightedDemand (0 when that is 0)";

    /** Not in the backlog: decided against, or already delivered / released. */
    static final List<FeatureStatus> OUT = List.of(FeatureStatus.REJECTED, FeatureStatus.DELIVERED,
            FeatureStatus.RELEASED);

    @Inject
    DemandSettings demandSettings;

    @ConfigProperty(name = "tandem.backlog.demand-weight", defaultValue = "1.0")
    BigDecimal demandWeight;

    @GET
    @Operation(operationId = "getProductBacklog", summary = "The product's ranked backlog",
            description = "Every feature of the product that is not REJECTED, DELIVERED or RELEASED, ranked by "
                    + "priority = riceScore × (1 + w × normalisedDemand), highest first, where normalisedDemand = the "
                    + "feature's weighted demand ÷ the largest among these features (0 when that is 0) and w = "
                    + "tandem.backlog.demand-weight. Features without a RICE score have no priority and come last. "
                    + "Ties: higher demand first, then older first. Each row shows every term. Returns the first "
                    + "`limit` rows (1–200, default 50) and the total.")
    @APIResponse(responseCode = "200", description = "The ranked backlog",
            content = @Content(schema = @Schema(implementation = BacklogView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BacklogView backlog(@PathParam("id") UUID productId,
                               @Parameter(description = "How many rows, 1–200 (default 50)")
                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (Product.findById(productId) == null) {
            throw ProblemException.notFound("product", productId);
        }
        List<Feature> features = Feature.ofProduct(productId).stream().filter(f -> !OUT.contains(f.status()))
                .toList();
        Map<UUID, FeatureDemand> demands = FeatureDemand.of(features.stream().map(Feature::id).toList());
        Map<UUID, Feature> byId = features.stream().collect(Collectors.toMap(Feature::id, Function.identity()));
        List<Ranking.Input> inputs = features.stream().map(f -> new Ranking.Input(f.id(), f.score(),
                demands.containsKey(f.id()) ? demands.get(f.id()).weightedDemand : BigDecimal.ZERO,
                f.createdAt())).toList();
        List<Ranking.Ranked> ranked = Ranking.rank(inputs, demandWeight);
        String currency = demandSettings.rates().currency();
        List<BacklogView.Row> rows = new ArrayList<>();
        for (Ranking.Ranked r : ranked.subList(0, Math.min(limit, ranked.size()))) {
            Feature f = byId.get(r.input().featureId());
            rows.add(new BacklogView.Row(r.rank(), f.id(), f.title(), f.status(), f.score(), f.reach(), f.impact(),
                    f.confidence(), f.effort(), DemandView.of(demands.get(f.id()), currency), r.normalisedDemand(),
                    demandWeight, r.priority(), f.atRisk(), f.releaseId()));
        }
        return new BacklogView(productId, FORMULA, demandWeight, Money.of(Ranking.maxDemand(inputs), currency),
                ranked.size(), rows);
    }
}
