package dev.tandem.devstack.bench;

import java.util.Map;

/**
 * What one load generator run measured. {@code errors} are failed requests: socket errors and timeouts plus
 * responses outside 2xx/3xx (wrk), or failed transactions (pgbench); {@code statuses} is the status histogram where
 * the script kept one (empty otherwise).
 */
record LoadResult(long requests, double seconds, double p50Ms, double p99Ms, long errors, Map<String, Long> statuses) {

    LoadResult {
        statuses = Map.copyOf(statuses);
    }

    double throughput() {
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
