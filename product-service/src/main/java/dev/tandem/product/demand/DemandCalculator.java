package dev.tandem.product.demand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Customer demand for one feature, from the links of feedback items to it and the customers' annual revenues.
 *
 * <ul>
 *   <li>feedbackCount: linked feedback items;</li>
 *   <li>customerCount: distinct customers among them (items without a customer count as feedback only);</li>
 *   <li>weightedDemand: Σ over distinct customers of annual revenue (converted into the reporting currency) × the
 *       weight of the strongest importance that customer gave to this feature (NICE_TO_HAVE 0.5, IMPORTANT 1,
 *       CRITICAL 2), rounded half-up to 2 decimals at the end;</li>
 *   <li>customersWithoutRevenue: customers not (yet) known here or without a known revenue: not in the sum;</li>
 *   <li>customersWithoutRate: customers whose revenue is in a currency without a configured rate: not in the sum;</li>
 *   <li>importance mix: links per importance.</li>
 * </ul>
 */
public final class DemandCalculator {

    private DemandCalculator() {
    }

    /** One link of a feedback item to the feature. */
    public record Link(UUID feedbackId, UUID customerId, Importance importance) {
    }

    /** A customer's annual revenue. */
    public record Revenue(BigDecimal amount, String currency) {
    }

    /** The result. */
    public record Demand(int feedbackCount, int customerCount, BigDecimal weightedDemand, String currency,
                         int customersWithoutRevenue, int customersWithoutRate, Map<Importance, Integer> mix) {
    }

    /**
     * @param links    the feature's links
     * @param revenues known customers' revenues (a customer absent from the map, or mapped to null, has none known)
     * @param rates    conversion into the reporting currency
     */
    public static Demand compute(List<Link> links, Map<UUID, Revenue> revenues, ReportingRates rates) {
        Set<UUID> feedback = new HashSet<>();
        Map<UUID, Importance> strongest = new HashMap<>();
        Map<Importance, Integer> mix = new EnumMap<>(Importance.class);
        for (Importance i : Importance.values()) {
            mix.put(i, 0);
        }
        for (Link link : links) {
            feedback.add(link.feedbackId());
            mix.merge(link.importance(), 1, Integer::sum);
            if (link.customerId() != null) {
                strongest.merge(link.customerId(), link.importance(),
                        (a, b) -> a.weight().compareTo(b.weight()) >= 0 ? a : b);
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        int withoutRevenue = 0;
        int withoutRate = 0;
        for (Map.Entry<UUID, Importance> e : strongest.entrySet()) {
            Revenue revenue = revenues.get(e.getKey());
            if (revenue == null || revenue.amount() == null || revenue.currency() == null) {
                withoutRevenue++;
                continue;
            }
            Optional<BigDecimal> rate = rates.rate(revenue.currency());
            if (rate.isEmpty()) {
                withoutRate++;
                continue;
            }
            sum = sum.add(revenue.amount().multiply(rate.get()).multiply(e.getValue().weight()));
        }
        return new Demand(feedback.size(), strongest.size(), sum.setScale(2, RoundingMode.HALF_UP), rates.currency(),
                withoutRevenue, withoutRate, mix);
    }
}
