package dev.tandem.product.demand;

import java.math.BigDecimal;

import dev.tandem.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feature's customer demand as the API shows it. */
@Schema(name = "Demand", description = "Customer demand from feedback linked to the feature (see the service README "
        + "for the arithmetic).")
public record DemandView(
        @Schema(description = "Linked feedback items", example = "14") int feedbackCount,
        @Schema(description = "Distinct customers among them", example = "9") int customerCount,
        @Schema(description = "Σ per distinct customer of annual revenue in the reporting currency × the weight of "
                + "the strongest importance they gave (NICE_TO_HAVE 0.5, IMPORTANT 1, CRITICAL 2)")
        Money weightedDemand,
        @Schema(description = "Customers whose revenue is unknown here (customer not yet known, or no revenue): "
                + "not in weightedDemand", example = "1") int customersWithoutRevenue,
        @Schema(description = "Customers whose revenue currency has no configured rate: not in weightedDemand",
                example = "0") int customersWithoutRate,
        @Schema(description = "Links per importance") ImportanceMix importanceMix) {

    @Schema(name = "ImportanceMix")
    public record ImportanceMix(@Schema(example = "3") int niceToHave, @Schema(example = "8") int important,
                                @Schema(example = "3") int critical) {
    }

    /** The view of a computed demand; none computed (no links) is zero demand in the reporting currency. */
    public static DemandView of(FeatureDemand d, String reportingCurrency) {
        if (d == null) {
            return new DemandView(0, 0, Money.of(BigDecimal.ZERO, reportingCurrency), 0, 0,
                    new ImportanceMix(0, 0, 0));
        }
        return new DemandView(d.feedbackCount, d.customerCount, Money.of(d.weightedDemand, d.currency),
                d.customersWithoutRevenue, d.customersWithoutRate,
                new ImportanceMix(d.niceToHave, d.important, d.critical));
    }
}
