package dev.tandem.devstack.bench;

import java.util.Map;

/**
 * One line of the result table: one target of one scenario. {@code id} ({@code scenario.target}, e.g.
 * {@code get-by-id.gateway}) is stable across runs, for ratios and the comparison with the last run;
 * {@code compareOn} names the value compared ({@code throughput}, or {@code p99Ms} where lower latency is the point).
 */
record Row(String id, String scenario, String target, long requests, double seconds, double throughput, String unit,
           Double p50Ms, Double p99Ms, long errors, Map<String, Long> statuses, String compareOn) {

    static final String THROUGHPUT = "throughput";
    static final String P99 = "p99Ms";

    Row {
        statuses = Map.copyOf(statuses);
    }

    /** A load generator's run: requests per second and latency. */
    static Row of(String scenario, String targetId, String target, LoadResult r) {
        return new Row(scenario + "." + targetId, scenario, target, r.requests(), r.seconds(), r.throughput(), "req/s",
                r.p50Ms(), r.p99Ms(), r.errors(), r.statuses(), THROUGHPUT);
    }

    double compared() {
        return P99.equals(compareOn) && p99Ms != null ? p99Ms : throughput;
    }
}
