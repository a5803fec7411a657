package dev.tandem.devstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the numbers are compared with: ratios between rows of the same run (which survive a change of machine far
 * better than absolute numbers) and the targets the project set itself. A target not met is reported, never an
 * error.
 */
final class Targets {

    /** {@code value} = throughput of the row / throughput of row {@code to}; {@code label} names {@code to}. */
    record Ratio(String to, String label, double value) {
    }

    record Target(String name, String status, String detail) {
        static final String MET = "met";
        static final String NOT_MET = "not met";
        static final String NOT_EVALUATED = "not evaluated";
    }

    private record RatioRule(String row, String to, String label) {
    }

    private static final List<RatioRule> RATIOS = List.of(
            new RatioRule("ceiling.gateway", "ceiling.service", "product-service ceiling"),
            new RatioRule("get-by-id.gateway", "ceiling.gateway", "gateway ceiling"),
            new RatioRule("get-by-id.gateway", "get-by-id.direct", "direct"),
            new RatioRule("get-by-id.direct", "ceiling.service", "product-service ceiling"),
            new RatioRule("list.gateway", "list.direct", "direct"),
            new RatioRule("create-product.gateway", "create-product.pgbench", "pgbench"),
            new RatioRule("create-product.gateway", "create-product.direct", "direct"),
            new RatioRule("create-product.direct", "create-product.pgbench", "pgbench"));

    static final int IMPORT_ROWS = 100_000;
    static final double IMPORT_SECONDS = 15;
    static final double LAG_P99_MS = 200;
    static final double RSS_MB = 350;

    private Targets() {
    }

    /** The ratios of {@code row} to the other rows of this run that exist. */
    static List<Ratio> ratios(Row row, List<Row> all) {
        List<Ratio> ratios = new ArrayList<>();
        for (RatioRule rule : RATIOS) {
            if (rule.row().equals(row.id())) {
                find(all, rule.to()).filter(to -> to.throughput() > 0)
                        .ifPresent(to -> ratios.add(new Ratio(rule.to(), rule.label(), row.throughput() / to.throughput())));
            }
        }
        return ratios;
    }

    static List<Target> evaluate(List<Row> rows, Map<String, Map<String, Object>> facts, Map<String, Double> rssMb) {
        List<Target> targets = new ArrayList<>();
        targets.add(ratio("GET by id through the gateway ≥ 0.4 × ceiling", rows, "get-by-id.gateway", "ceiling.gateway", 0.4));
        targets.add(ratio("GET by id: gateway ≥ 0.7 × direct", rows, "get-by-id.gateway", "get-by-id.direct", 0.7));
        targets.add(ratio("list: gateway ≥ 0.7 × direct", rows, "list.gateway", "list.direct", 0.7));
        targets.add(ratio("create through the gateway ≥ 0.1 × pgbench", rows, "create-product.gateway",
                "create-product.pgbench", 0.1));
        targets.add(importTarget(facts.get("import")));
        targets.add(lagTarget(facts.get("event-lag")));
        targets.add(memoryTarget(rssMb));
        return targets;
    }

    private static Target ratio(String name, List<Row> rows, String row, String to, double min) {
        Optional<Row> a = find(rows, row);
        Optional<Row> b = find(rows, to);
        if (a.isEmpty() || b.isEmpty() || b.get().throughput() <= 0) {
            return new Target(name, Target.NOT_EVALUATED, "scenario not run");
        }
        double value = a.get().throughput() / b.get().throughput();
        return new Target(name, value >= min ? Target.MET : Target.NOT_MET, String.format(Locale.ROOT,
                "%s (%.0f / %.0f req/s)", format(value), a.get().throughput(), b.get().throughput()));
    }

    /** A ratio with at least two significant digits: a create is a small fraction of pgbench's inserts. */
    static String format(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f" : ratio >= 0.1 ? "%.2f" : "%.3f", ratio);
    }

    private static Target importTarget(Map<String, Object> facts) {
        String name = String.format(Locale.ROOT, "import of %,d rows ≤ %.0f s with its events delivered", IMPORT_ROWS,
                IMPORT_SECONDS);
        if (facts == null) {
            return new Target(name, Target.NOT_EVALUATED, "scenario not run");
        }
        if (((Number) facts.get("rows")).intValue() != IMPORT_ROWS) {
            return new Target(name, Target.NOT_EVALUATED, "only " + facts.get("rows") + " rows (--smoke)");
        }
        if (!Boolean.TRUE.equals(facts.get("eventsDelivered"))) {
            return new Target(name, Target.NOT_MET, String.format(Locale.ROOT, "answered %s after %s s; %,d rows stored",
                    facts.get("status"), facts.get("responseSeconds"), ((Number) facts.get("stored")).longValue()));
        }
        double seconds = ((Number) facts.get("eventsConsumedSeconds")).doubleValue();
        return new Target(name, seconds <= IMPORT_SECONDS ? Target.MET : Target.NOT_MET, seconds
                + " s until its events were consumed (answered after " + facts.get("responseSeconds") + " s)");
    }

    private static Target lagTarget(Map<String, Object> facts) {
        String name = String.format(Locale.ROOT, "event lag p99 ≤ %.0f ms at %d creates/s", LAG_P99_MS,
                BenchOptions.LAG_RATE);
        if (facts == null) {
            return new Target(name, Target.NOT_EVALUATED, "scenario not run");
        }
        double achieved = ((Number) facts.get("achievedRate")).doubleValue();
        double p99 = ((Number) facts.get("p99LagMs")).doubleValue();
        boolean allDelivered = facts.get("delivered").equals(facts.get("events"));
        // "at 500/s": a run that could not keep the rate up measured a lighter load
        boolean rateHeld = achieved >= 0.95 * BenchOptions.LAG_RATE;
        return new Target(name, allDelivered && rateHeld && p99 <= LAG_P99_MS ? Target.MET : Target.NOT_MET,
                String.format(Locale.ROOT, "p99 %.1f ms at %.1f creates/s, %s of %s events delivered", p99, achieved,
                        facts.get("delivered"), facts.get("events")));
    }

    private static Target memoryTarget(Map<String, Double> rssMb) {
        String name = String.format(Locale.ROOT, "each service ≤ %.0f MB RSS", RSS_MB);
        if (rssMb.isEmpty()) {
            return new Target(name, Target.NOT_EVALUATED, "no process to measure");
        }
        List<String> over = rssMb.entrySet().stream().filter(e -> e.getValue() > RSS_MB)
                .map(e -> String.format(Locale.ROOT, "%s %.1f MB", e.getKey(), e.getValue())).toList();
        double max = rssMb.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new Target(name, over.isEmpty() ? Target.MET : Target.NOT_MET, over.isEmpty()
                ? String.format(Locale.ROOT, "largest %.0f MB", max) : "over: " + String.join(", ", over));
    }

    private static Optional<Row> find(List<Row> rows, String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
