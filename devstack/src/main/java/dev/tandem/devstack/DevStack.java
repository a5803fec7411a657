package dev.tandem.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import dev.tandem.devstack.infra.Ports;
import dev.tandem.devstack.stack.Leftovers;
import dev.tandem.devstack.stack.LogPrefixer;
import dev.tandem.devstack.stack.LogSink;
import dev.tandem.devstack.stack.Instance;
import dev.tandem.devstack.stack.Service;
import dev.tandem.devstack.stack.Stack;
import dev.tandem.devstack.stack.StackConfig;
import dev.tandem.devstack.stack.StackEndpoints;
import dev.tandem.devstack.stack.StackException;
import dev.tandem.devstack.stack.StackListener;

/**
 * The one-command local run ({@code ./run}): embedded PostgreSQL, Kafka and a mail server plus the four services, each in its own
 * JVM, their logs interleaved with a prefix per service, data kept in {@code <repo>/.devstack/} across restarts.
 * Ctrl-C stops everything in order. Any startup failure ends with one clear message and exit code 1 (the stack
 * trace only with {@code TANDEM_DEBUG=1}).
 */
public final class DevStack {

    public static final String READY_TIMEOUT_ENV = "TANDEM_READY_TIMEOUT";
    public static final String JAVA_OPTS_ENV = "TANDEM_SERVICE_JAVA_OPTS";
    public static final String DEBUG_ENV = "TANDEM_DEBUG";
    public static final String REPLICAS_ENV = "TANDEM_REPLICAS";
    /** The level of every service's event trail (log category {@code dev.tandem.events}); DEBUG here by default. */
    public static final String EVENT_TRAIL_ENV = "QUARKUS_LOG_CATEGORY__DEV_TANDEM_EVENTS__LEVEL";

    static final String USAGE = """
            Usage: ./run [--build] [--reset] [--replicas N] [--help]
                   java -jar devstack/target/tandem-devstack-0.1.0-SNAPSHOT.jar [--reset] [--replicas N] [--help]

            Starts Tandem locally without Docker: an embedded PostgreSQL (databases product, project, feedback,
            gateway), an in-process Kafka broker and an in-process mail server (SMTP and IMAP: the mails
            feedback-service sends customers when a loop closes, also written to <data>/mail/*.eml), then
            product-service, project-service, feedback-service and the gateway, each as its own JVM. Logs of all four are shown with a prefix per service. A service that
            dies is started again (the others keep serving). Ctrl-C stops everything. What a devstack killed hard
            left running is stopped by the next start. Data is kept in <repo>/.devstack/ across restarts.

            Options:
              --build   (./run only) rebuild the services and the devstack first (./mvnw -q -DskipTests install)
              --reset   delete the data folder (PostgreSQL and Kafka data, received mails) before starting
              --replicas N
                        run N instances (1 to 3) of every service; instance i (from 0) of a service listens on
                        its port + 10 x i (e.g. product-service-2 on 8091, gateway-2 on 8090); each gateway
                        balances over every instance of each service, the services' consumers share their groups
              --help    show this help

            Environment (all optional):
              TANDEM_GATEWAY_PORT      gateway port                  (default 8080)
              TANDEM_PRODUCT_PORT      product-service port          (default 8081)
              TANDEM_PROJECT_PORT      project-service port          (default 8082)
              TANDEM_FEEDBACK_PORT     feedback-service port         (default 8083)
              TANDEM_PG_PORT           embedded PostgreSQL port      (default 5432)
              TANDEM_KAFKA_PORT        embedded Kafka port           (default 9092)
              TANDEM_SMTP_PORT         embedded mail server, SMTP    (default 3025)
              TANDEM_IMAP_PORT         embedded mail server, IMAP    (default 3143)
              TANDEM_DATA_DIR          data folder                   (default <repo>/.devstack)
              TANDEM_REPLICAS          instances of every service    (default 1; --replicas wins)
              TANDEM_READY_TIMEOUT     seconds each service may take to become ready (default 180)
              TANDEM_SERVICE_JAVA_OPTS JVM options of the services   (default -Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m)
              TANDEM_PG_STAT_STATEMENTS=true  per-statement statistics in PostgreSQL (profiling)
              TANDEM_DEBUG=1           show stack traces on errors
              TANDEM_DEMO=false        start without loading the demo data set (loaded through the gateway on first start)
              NO_COLOR=1               no colours in the output
            """;

    private final Map<String, String> env;
    private final LogSink out;
    private final boolean colour;
    private final LogPrefixer prefix;

    DevStack(Map<String, String> env, LogSink out, boolean colour) {
        this.env = env;
        this.out = out;
        this.colour = colour;
        this.prefix = LogPrefixer.forLabel("devstack", colour);
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Map<String, String> env = System.getenv();
        boolean debug = isDebug(env);
        boolean colour = LogPrefixer.colourByDefault();
        LogSink out = LogSink.stdout();
        QuietLogging.install(out, colour, debug);
        DevStack devStack = new DevStack(env, out, colour);
        int code;
        try {
            code = devStack.run(args, t0);
        } catch (StackException | IllegalArgumentException e) {
            code = devStack.fail(e.getMessage(), e, debug);
        } catch (Throwable e) {
            code = devStack.fail("unexpected error: " + e, e, debug);
        }
        System.exit(code);
    }

    static boolean isDebug(Map<String, String> env) {
        String v = env.get(DEBUG_ENV);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }

    private volatile boolean stopRequested;

    private int fail(String message, Throwable e, boolean debug) {
        if (stopRequested) {
            return 130; // Ctrl-C while starting: the shutdown output already says what happened
        }
        PrintStream err = System.err;
        synchronized (err) {
            err.println(red("devstack: " + message));
            if (debug) {
                e.printStackTrace(err);
            } else if (!(e instanceof StackException) && !(e instanceof IllegalArgumentException)) {
                err.println("(run with " + DEBUG_ENV + "=1 to see the stack trace)");
            }
        }
        return 1;
    }

    /** Runs the stack until it is stopped; returns the exit code. */
    int run(String[] args, long t0) throws IOException {
        List<String> options = new ArrayList<>(Arrays.asList(args));
        if (options.contains("--help") || options.contains("-h")) {
            System.out.print(USAGE);
            return 0;
        }
        boolean reset = options.remove("--reset");
        options.remove("--build"); // handled by ./run
        Optional<Integer> replicas = replicasOption(options);
        if (!options.isEmpty()) {
            throw new StackException("unknown option " + options.get(0) + " — see --help");
        }

        Path repoRoot = RepoRoot.find();
        StackConfig.Builder builder = configFrom(env, repoRoot).output(out).colour(colour).shutdownHook(false)
                .supervise(true);
        if (!env.containsKey(EVENT_TRAIL_ENV)) {
            // the local run is where people read the interleaved logs: each service logs the events it writes and
            // processes, with their trace ids, so a request can be followed through all of them
            // (docs/observability.md); set the variable to INFO to silence it
            builder.environment(EVENT_TRAIL_ENV, "DEBUG");
        }
        replicas.ifPresent(builder::replicas);
        StackConfig config = builder.build();
        // an earlier devstack killed hard left its services and PostgreSQL running: stop them (refused while the
        // devstack that owns this data folder is still alive)
        Leftovers.stop(config, this::say);
        preflight(config); // before --reset: never delete the data of a devstack that is still running
        say("Tandem devstack — repository " + repoRoot + ", data in " + config.dataDir());
        if (reset) {
            reset(config);
        }
        Leftovers.claim(config.dataDir());

        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(0);
        Stack stack = new Stack(config, new ProgressPrinter(exitCode, finished));
        // Ctrl-C, kill, a closed terminal: stop in order (services, Kafka, PostgreSQL) *before* the JVM shuts down —
        // once it does, the embedded PostgreSQL's own shutdown hook would stop the database under the services.
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stopAll = () -> {
            if (stopping.compareAndSet(false, true) && !stack.isClosed()) {
                stopRequested = true;
                say("stopping Tandem …");
                stack.close();
            }
            Leftovers.release(config.dataDir());
        };
        installSignalHandlers(stopAll);
        // the fallback, for any other way the JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(stopAll, "devstack-shutdown"));

        stack.start();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        afterReady(stack.endpoints());
        printSummary(config, stack.endpoints(), took);

        try {
            finished.await(); // released when a service dies; Ctrl-C ends the JVM through the shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopAll.run();
        return exitCode.get();
    }

    /**
     * SIGINT, SIGTERM and SIGHUP run {@code stopAll} and then end the JVM with the conventional 128 + signal code.
     * Where signals cannot be handled (not a HotSpot-like JVM), the shutdown hook does the same, less orderly.
     */
    private static void installSignalHandlers(Runnable stopAll) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    stopAll.run();
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // e.g. the signal is ignored (a background job's SIGINT) or unknown here: keep the JVM's behaviour
            }
        }
    }

    /**
     * The hook for work to do once every service is ready: runs each {@link AfterReadyHook} found by
     * {@link ServiceLoader} — the demo data ({@code dev.tandem.devstack.demo.DemoData}, off with TANDEM_DEMO=false).
     */
    static void afterReady(StackEndpoints endpoints) {
        for (AfterReadyHook hook : ServiceLoader.load(AfterReadyHook.class)) {
            try {
                hook.afterReady(endpoints);
            } catch (StackException e) {
                throw e;
            } catch (Exception e) {
                throw new StackException(hook.getClass().getSimpleName() + " failed: " + e.getMessage(), e);
            }
        }
    }

    // ---------------------------------------------------------------- configuration

    /** The configuration the environment asks for (ports, data folder, timeouts, JVM options). */
    static StackConfig.Builder configFrom(Map<String, String> env, Path repoRoot) {
        StackConfig.Builder b = StackConfig.builder(repoRoot);
        for (Service s : Service.values()) {
            portFrom(env, s.portEnvVar()).ifPresent(p -> b.port(s, p));
        }
        portFrom(env, StackConfig.POSTGRES_PORT_ENV).ifPresent(b::postgresPort);
        portFrom(env, StackConfig.KAFKA_PORT_ENV).ifPresent(b::kafkaPort);
        portFrom(env, StackConfig.SMTP_PORT_ENV).ifPresent(b::smtpPort);
        portFrom(env, StackConfig.IMAP_PORT_ENV).ifPresent(b::imapPort);
        String dataDir = blankToNull(env.get(StackConfig.DATA_DIR_ENV));
        if (dataDir != null) {
            b.dataDir(Path.of(dataDir));
        }
        String timeout = blankToNull(env.get(READY_TIMEOUT_ENV));
        if (timeout != null) {
            try {
                long secs = Long.parseLong(timeout.trim());
                if (secs <= 0) {
                    throw new NumberFormatException();
                }
                b.readyTimeout(Duration.ofSeconds(secs));
            } catch (NumberFormatException e) {
                throw new StackException(READY_TIMEOUT_ENV + " must be a positive number of seconds, not '" + timeout + "'");
            }
        }
        String replicas = blankToNull(env.get(REPLICAS_ENV));
        if (replicas != null) {
            b.replicas(replicasFrom(REPLICAS_ENV, replicas));
        }
        String javaOpts = blankToNull(env.get(JAVA_OPTS_ENV));
        if (javaOpts != null) {
            b.jvmOptions(Arrays.asList(javaOpts.trim().split("\\s+")));
        }
        return b;
    }

    /** Takes {@code --replicas N} or {@code --replicas=N} out of the options. */
    static Optional<Integer> replicasOption(List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--replicas")) {
                if (i + 1 >= options.size()) {
                    throw new StackException("--replicas needs a number, e.g. --replicas 2");
                }
                String value = options.get(i + 1);
                options.subList(i, i + 2).clear();
                return Optional.of(replicasFrom("--replicas", value));
            }
            if (option.startsWith("--replicas=")) {
                options.remove(i);
                return Optional.of(replicasFrom("--replicas", option.substring("--replicas=".length())));
            }
        }
        return Optional.empty();
    }

    private static int replicasFrom(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= StackConfig.MAX_REPLICAS) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StackException(name + " must be a number from 1 to " + StackConfig.MAX_REPLICAS + ", not '" + value + "'");
    }

    private static Optional<Integer> portFrom(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return Optional.of(port);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StackException(name + " must be a port number between 1 and 65535, not '" + value + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---------------------------------------------------------------- preflight

    /**
     * Checks before anything starts: the services are built, no two components share a port, and every port is
     * free — else one clear line, e.g. {@code port 8081 (product-service) is in use — stop what uses it or set
     * TANDEM_PRODUCT_PORT}, naming an earlier devstack's process when that is what holds it.
     */
    static void preflight(StackConfig config) {
        Stack.checkJarsExist(config);
        try {
            Stack.checkPortsFree(config); // also refuses two components on one port
        } catch (StackException e) {
            for (StackConfig.PortAssignment a : config.portAssignments()) {
                if (!Ports.isFreeOnAllInterfaces(a.port())) {
                    throw new StackException(Stack.portInUseMessage(a) + leftoverHint(config, a), e);
                }
            }
            throw e;
        }
    }

    /** When an earlier devstack was killed hard, its PostgreSQL or services may still hold the ports. */
    private static String leftoverHint(StackConfig config, StackConfig.PortAssignment a) {
        Path pidFile = null;
        for (Service s : Service.values()) {
            if (s.module().equals(a.component())) {
                pidFile = Stack.pidFile(config.dataDir(), s);
            }
        }
        if ("PostgreSQL".equals(a.component())) {
            pidFile = config.dataDir().resolve("postgres").resolve("data").resolve("postmaster.pid");
        }
        if (pidFile == null || !Files.isReadable(pidFile)) {
            return "";
        }
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return " (probably left running by an earlier devstack: pid " + pid + " — stop it with `kill " + pid + "`)";
            }
        } catch (IOException | NumberFormatException ignored) {
            // no hint then
        }
        return "";
    }

    private void reset(StackConfig config) {
        Path dir = config.dataDir();
        for (String sub : List.of("postgres", "kafka", "mail", "pids")) {
            Path p = dir.resolve(sub);
            if (Files.exists(p)) {
                say("--reset: deleting " + p);
                deleteRecursively(p);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new StackException("could not delete " + dir + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- output

    private void say(String line) {
        out.line(prefix.apply(line));
    }

    private String bold(String s) {
        return colour ? "\u001B[1m" + s + "\u001B[0m" : s;
    }

    private String red(String s) {
        return colour ? "\u001B[31m" + s + "\u001B[0m" : s;
    }

    private void printSummary(StackConfig config, StackEndpoints e, Duration took) {
        String rule = "─".repeat(72);
        List<String> lines = new ArrayList<>();
        lines.add(rule);
        lines.add(bold("Tandem is ready") + " (" + Stack.seconds(took) + " to ready)");
        lines.add("");
        lines.add(row("Gateway", e.instances(Service.GATEWAY).stream().map(i -> local(e, i))
                .collect(Collectors.joining("  "))));
        lines.add(row("Swagger UI", local(e, Service.GATEWAY) + "/q/swagger-ui"));
        lines.add(row("OpenAPI (merged)", local(e, Service.GATEWAY) + "/openapi"));
        for (Service s : List.of(Service.PRODUCT, Service.PROJECT, Service.FEEDBACK)) {
            lines.add(row(s.module(), e.instances(s).stream().map(i -> local(e, i)).collect(Collectors.joining("  "))));
        }
        lines.add(row("Kafka bootstrap", e.kafkaBootstrapServers()));
        boolean first = true;
        for (Service s : Service.values()) {
            lines.add(row(first ? "PostgreSQL" : "", e.jdbcUrl(s) + (first ? "   (user " + e.postgresUser() + ", no password)" : "")));
            first = false;
        }
        if (e.hasMail()) {
            lines.add(row("Mail (SMTP)", mailLine(e)));
        }
        lines.add(row("Data", config.dataDir() + "   (delete it, or run with --reset, to start afresh)"));
        java.nio.file.Path adminKey = Stack.adminKeyFile(e.dataDir());
        String key = readQuietly(adminKey);
        if (key != null) {
            lines.add("");
            lines.add(row("Admin API key", key + "   (kept in " + adminKey + ")"));
            lines.add(row("", "curl -H 'Authorization: Bearer " + key + "' " + local(e, Service.GATEWAY)
                    + "/api/v1/admin/api-keys"));
        }
        lines.add("");
        lines.add("Press Ctrl-C to stop.");
        lines.add(rule);
        lines.forEach(out::line);
    }

    /**
     * {@code 127.0.0.1:3025 — received mails in .devstack/mail/ (and IMAP 127.0.0.1:3143, login = password = the
     * address)}: where the customers' mails of closed loops can be read.
     */
    static String mailLine(StackEndpoints e) {
        Path folder = e.mailFolder();
        Path cwd = Path.of("").toAbsolutePath();
        String where = folder == null ? "" : (folder.startsWith(cwd) ? cwd.relativize(folder) : folder) + "/";
        return StackEndpoints.HOST + ":" + e.smtpPort() + " — received mails in " + where
                + (e.imapPort() > 0 ? " (and IMAP " + StackEndpoints.HOST + ":" + e.imapPort()
                        + ", login = password = the address)" : "");
    }

    private static String readQuietly(java.nio.file.Path file) {
        try {
            String text = java.nio.file.Files.readString(file).strip();
            return text.isEmpty() ? null : text;
        } catch (java.io.IOException ex) {
            return null;
        }
    }

    private static String row(String name, String value) {
        return String.format(Locale.ROOT, "  %-18s %s", name, value);
    }

    private static String local(StackEndpoints e, Instance i) {
        return "http://localhost:" + e.port(i);
    }

    private static String local(StackEndpoints e, Service s) {
        return "http://localhost:" + e.port(s);
    }

    /** Prints the stack's progress as {@code devstack | ...} lines. */
    private final class ProgressPrinter implements StackListener {

        private final AtomicInteger exitCode;
        private final CountDownLatch finished;

        ProgressPrinter(AtomicInteger exitCode, CountDownLatch finished) {
            this.exitCode = exitCode;
            this.finished = finished;
        }

        @Override
        public void infraStarting(String what) {
            say("starting " + what + " …");
        }

        @Override
        public void infraReady(String what, Duration took) {
            say(what + " ready in " + Stack.seconds(took));
        }

        @Override
        public void serviceStarting(Instance instance, long pid) {
            say("waiting for " + instance.name() + " (pid " + pid + ") …");
        }

        @Override
        public void serviceReady(Instance instance, Duration took) {
            say(instance.name() + " ready in " + Stack.seconds(took));
        }

        @Override
        public void stillWaiting(Iterable<Instance> notReady, Duration elapsed) {
            say("still waiting for " + StreamSupport.stream(notReady.spliterator(), false).map(Instance::name)
                    .collect(Collectors.joining(", ")) + " (" + Stack.seconds(elapsed) + ") …");
        }

        @Override
        public void serviceRestarting(Instance instance, int code, Duration delay) {
            say(red(instance.name() + (code < 0 ? " could not be started again" : " exited unexpectedly with code "
                    + code) + " — starting it again in " + Stack.seconds(delay) + " (the others keep serving)"));
        }

        @Override
        public void serviceRestarted(Instance instance, long pid, Duration took) {
            say(instance.name() + " (pid " + pid + ") is ready again after " + Stack.seconds(took));
        }

        @Override
        public void serviceExited(Instance instance, int code) {
            say(red(instance.name() + " exited unexpectedly with code " + code + " — stopping the stack"));
            exitCode.set(1);
            finished.countDown();
        }

        @Override
        public void stopping(String what) {
            say("stopping " + what);
        }

        @Override
        public void killed(String what) {
            say(red(what));
        }

        @Override
        public void stopped(Duration took) {
            say("stopped everything in " + Stack.seconds(took));
        }
    }
}
