package dev.tandem.devstack.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.tandem.devstack.DevStack;
import dev.tandem.devstack.QuietLogging;
import dev.tandem.devstack.RepoRoot;
import dev.tandem.devstack.stack.Service;
import dev.tandem.devstack.stack.Stack;
import dev.tandem.devstack.stack.StackConfig;
import dev.tandem.devstack.stack.StackException;
import dev.tandem.devstack.stack.StackListener;

/**
 * {@code ./bench}: starts its own stack (fresh temporary data, free ports, so it never meets a running
 * {@code ./run}), measures each scenario against its references in the same run, prints one table and writes it to
 * {@code bench-results/}. Slow numbers are reported, never fatal: exit code 1 only for real errors (the stack does not
 * start, wrk or pgbench missing, a seed request fails). See docs/performance.md.
 */
public final class Bench {

    static final String USAGE = """
            Usage: ./bench [--duration 20s] [--connections 8] [--smoke] [--out DIR] [--scenario NAME]... [--help]

            Measures Tandem on this machine: starts a fresh stack of its own (temporary data, free ports, no demo
            data; service logs in <out>/stack.log), runs each scenario with wrk against the gateway and, side by
            side, straight at the service (and pgbench for creates), then prints one table of requests/s, latency,
            errors and ratios, the services' memory and startup time, and which targets are met.

            Options:
              --duration D      how long each target is measured (default 20s; e.g. 45s, 2m)
              --connections N   concurrent connections of wrk and pgbench (default 8)
              --smoke           every phase about 2 s, a 2,000-row import: checks that the benchmark works
              --out DIR         where results go (default bench-results/): bench-<time>.json/.md, latest.json/.md
              --scenario NAME   run only this scenario (repeatable): %s
              --help            show this help

            Needs wrk and pgbench (Debian/Ubuntu: apt-get install wrk postgresql-client) and Java 17+.
            TANDEM_SERVICE_JAVA_OPTS changes the services' JVM options, as for ./run.
            """.formatted(String.join(", ", BenchOptions.SCENARIOS));

    private static final Duration ADMIN_KEY_WAIT = Duration.ofSeconds(30);

    private Bench() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        try {
            BenchOptions options = BenchOptions.parse(args);
            Optional<String> missing = Tools.missing();
            if (missing.isPresent()) {
                err.println("bench: " + missing.get());
                return 1;
            }
            startAndRun(options, out);
            return 0;
        } catch (IllegalArgumentException | BenchException | StackException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("bench: " + e);
            return 1;
        }
    }

    /**
     * The benchmark's own stack: free ports and temporary data as a test stack, but the services' JVM options of
     * {@code ./run} ({@code javaOpts}, {@code TANDEM_SERVICE_JAVA_OPTS}, when set): the system tests' C1-only options
     * would measure services that never compile their hot code with C2.
     */
    static StackConfig.Builder stackConfig(Path repoRoot, String javaOpts) {
        StackConfig.Builder config = StackConfig.forTests(repoRoot).toBuilder()
                .jvmOptions(StackConfig.DEFAULT_JVM_OPTIONS);
        if (javaOpts != null && !javaOpts.isBlank()) {
            config.jvmOptions(List.of(javaOpts.trim().split("\\s+")));
        }
        return config;
    }

    private static void startAndRun(BenchOptions options, PrintStream out) throws IOException {
        Path repoRoot = RepoRoot.find();
        Path logFile = options.out().resolve("stack.log");
        Map<Service, Duration> startup = new ConcurrentHashMap<>();
        StackListener listener = new StackListener() {
            @Override
            public void serviceReady(dev.tandem.devstack.stack.Instance instance, Duration took) {
                startup.put(instance.service(), took);
                out.println("bench | " + instance.name() + " ready in " + Stack.seconds(took));
            }
        };
        try (BufferedFileLog log = new BufferedFileLog(logFile)) {
            // the in-process Kafka broker and PostgreSQL log through java.util.logging: warnings only, to the log file
            QuietLogging.install(log, false, false);
            StackConfig.Builder config = stackConfig(repoRoot, System.getenv(DevStack.JAVA_OPTS_ENV)).output(log);
            out.println("bench | starting a fresh stack (temporary data, free ports; service logs in " + logFile + ")");
            try (Stack stack = Stack.start(config.build(), listener)) {
                run(stack, startup, options, out);
                out.println("bench | stopping the stack");
            }
        }
    }

    /**
     * Runs the selected scenarios against {@code stack} (running; its admin API key and data folder give the
     * credentials), prints the report and writes it to {@link BenchOptions#out()}. {@code startup}: each service's
     * time to ready, when known. Returns the JSON file written.
     */
    public static Path run(Stack stack, Map<Service, Duration> startup, BenchOptions options, PrintStream out)
            throws IOException {
        String adminKey = adminKey(stack);
        Path workDir = Files.createTempDirectory("tandem-bench-");
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ScenarioResult> results = new ArrayList<>();
        try (BenchContext ctx = new BenchContext(options, stack.endpoints(), adminKey, workDir, out)) {
            Scenarios scenarios = new Scenarios(ctx, workDir);
            for (String name : BenchOptions.SCENARIOS) {
                if (options.runs(name)) {
                    results.add(switch (name) {
                        case "ceiling" -> scenarios.ceiling();
                        case "get-by-id" -> scenarios.getById();
                        case "list" -> scenarios.list();
                        case "create-product" -> scenarios.createProduct();
                        case "feedback-link" -> scenarios.feedbackLink();
                        case "import" -> new ImportScenario(ctx).run();
                        case "event-lag" -> new EventLagScenario(ctx).run();
                        default -> throw new IllegalStateException("no scenario " + name);
                    });
                }
            }
            Report.Meta meta = new Report.Meta(started.toString(), options.smoke() ? "smoke" : "full",
                    options.measure().toSeconds(), options.connections(), ctx.wrk.threads(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    stack.config().jvmOptions());
            return new Report(meta, results, memory(stack), startupSeconds(startup)).write(options.out(), out);
        } finally {
            deleteRecursively(workDir);
        }
    }

    /** The admin key the gateway writes on its first start (it may still be writing it just after ready). */
    private static String adminKey(Stack stack) {
        long deadline = System.nanoTime() + ADMIN_KEY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> key = stack.adminApiKey();
            if (key.isPresent()) {
                return key.get();
            }
            Await.pause(Duration.ofMillis(200));
        }
        throw new BenchException("the gateway wrote no admin API key within " + ADMIN_KEY_WAIT.toSeconds() + " s");
    }

    private static Map<String, Double> memory(Stack stack) {
        Map<String, Double> mb = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            Rss.megabytes(stack.pid(s)).ifPresent(v -> mb.put(s.module(), v));
        }
        return mb;
    }

    private static Map<String, Double> startupSeconds(Map<Service, Duration> startup) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            if (startup.containsKey(s)) {
                seconds.put(s.module(), startup.get(s).toMillis() / 1000.0);
            }
        }
        return seconds;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
