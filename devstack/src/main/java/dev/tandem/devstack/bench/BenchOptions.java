package dev.tandem.devstack.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code ./bench} was asked for. {@code --smoke} shrinks every phase (a couple of seconds per measurement, a
 * small import) so the scenarios take about a minute: for checking that the benchmark works, not for numbers.
 */
public record BenchOptions(Duration duration, int connections, boolean smoke, Path out, Set<String> scenarios) {

    /** Every scenario, in the order they run. */
    public static final List<String> SCENARIOS = List.of("ceiling", "get-by-id", "list", "create-product",
            "feedback-link", "import", "event-lag");

    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(20);
    public static final int DEFAULT_CONNECTIONS = 8;
    public static final Path DEFAULT_OUT = Path.of("bench-results");
    /** The steady create rate of the event-lag phase. */
    public static final int LAG_RATE = 500;

    static final Duration SMOKE_DURATION = Duration.ofSeconds(2);

    public BenchOptions {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("--connections must be at least 1");
        }
        scenarios = Set.copyOf(scenarios.isEmpty() ? new LinkedHashSet<>(SCENARIOS) : scenarios);
    }

    /** {@code args} of {@code ./bench} (without {@code --help}, which the caller handles). */
    public static BenchOptions parse(String... args) {
        Duration duration = DEFAULT_DURATION;
        int connections = DEFAULT_CONNECTIONS;
        boolean smoke = false;
        Path out = DEFAULT_OUT;
        Set<String> scenarios = new LinkedHashSet<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--duration" -> duration = parseDuration(value(option, rest));
                case "--connections" -> connections = parseInt(option, value(option, rest));
                case "--smoke" -> smoke = true;
                case "--out" -> out = Path.of(value(option, rest));
                case "--scenario" -> {
                    String name = value(option, rest);
                    if (!SCENARIOS.contains(name)) {
                        throw new IllegalArgumentException("unknown scenario " + name + "; known: "
                                + String.join(", ", SCENARIOS));
                    }
                    scenarios.add(name);
                }
                default -> throw new IllegalArgumentException("unknown option " + option + " — see --help");
            }
        }
        return new BenchOptions(duration, connections, smoke, out, scenarios);
    }

    public boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** How long each target of a scenario is measured. */
    public Duration measure() {
        return smoke ? SMOKE_DURATION : duration;
    }

    /**
     * Unmeasured load before each measurement, so the services' JIT has compiled the paths measured and their pools
     * are filled: 20 s whatever {@code --duration} is; none in a smoke run. On two busy cores C2 needs that long for
     * the gateway's proxy path: after a 5 s warm-up the gateway served 972 GETs/s, after 30 s of load 2,700–3,500.
     */
    public Duration warmup() {
        return smoke ? Duration.ZERO : WARMUP;
    }

    static final Duration WARMUP = Duration.ofSeconds(20);

    public int importRows() {
        return smoke ? 2_000 : 100_000;
    }

    /** How long the steady {@value #LAG_RATE}/s creates of the event-lag phase last. */
    public Duration lagPhase() {
        return smoke ? Duration.ofSeconds(3) : duration;
    }

    /** How long to wait for events to be consumed before reporting what arrived. */
    public Duration settleTimeout() {
        return smoke ? Duration.ofSeconds(60) : Duration.ofSeconds(300);
    }

    /** {@code 20s}, {@code 2m} or plain seconds (wrk measures in whole seconds). */
    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--duration takes e.g. 20s or 2m, not '" + text + "'");
        }
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value — see --help");
        }
        return rest.remove(0);
    }
}
