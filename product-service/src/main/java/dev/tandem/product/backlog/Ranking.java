package dev.tandem.product.backlog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The ranked backlog's arithmetic:
 *
 * <pre>
 * normalisedDemand = weightedDemand / max(weightedDemand over the product's backlog), 4 decimals half-up; 0 when that max is 0
 * priority         = riceScore × (1 + w × normalisedDemand), 2 decimals half-up; null while the RICE score is unknown
 * </pre>
 *
 * Rank: priority, highest first; features without a score come after all scored ones; ties by weighted demand
 * (highest first), then oldest first.
 */
public final class Ranking {

    private Ranking() {
    }

    /** One backlog feature's inputs. */
    public record Input(UUID featureId, BigDecimal score, BigDecimal weightedDemand, Instant createdAt) {
    }

    /** One ranked row's computed terms. */
    public record Ranked(Input input, int rank, BigDecimal normalisedDemand, BigDecimal priority) {
    }

    public static BigDecimal maxDemand(List<Input> inputs) {
        return inputs.stream().map(Input::weightedDemand).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
    }

    public static BigDecimal normalisedDemand(BigDecimal demand, BigDecimal max) {
        if (max.signum() == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return demand.divide(max, 4, RoundingMode.HALF_UP);
    }

    public static BigDecimal priority(BigDecimal score, BigDecimal w, BigDecimal normalisedDemand) {
        if (score == null) {
            return null;
        }
        return score.multiply(BigDecimal.ONE.add(w.multiply(normalisedDemand))).setScale(2, RoundingMode.HALF_UP);
    }

    /** All inputs ranked (rank 1 = first). */
    public static List<Ranked> rank(List<Input> inputs, BigDecimal w) {
        BigDecimal max = maxDemand(inputs);
        List<Ranked> rows = new ArrayList<>();
        for (Input in : inputs) {
            BigDecimal nd = normalisedDemand(in.weightedDemand(), max);
            rows.add(new Ranked(in, 0, nd, priority(in.score(), w, nd)));
        }
        Comparator<Ranked> order = Comparator
                .comparing((Ranked r) -> r.priority() == null ? 1 : 0)
                .thenComparing(Ranked::priority, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.input().weightedDemand(), Comparator.reverseOrder())
                .thenComparing(r -> r.input().createdAt())
                .thenComparing(r -> r.input().featureId());
        rows.sort(order);
        List<Ranked> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Ranked r = rows.get(i);
            ranked.add(new Ranked(r.input(), i + 1, r.normalisedDemand(), r.priority()));
        }
        return ranked;
    }
}
