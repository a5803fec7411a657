package dev.tandem.devstack.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of measured values (latencies, event lags). */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) of {@code values}; 0 when there are none. */
    static double of(List<Double> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
