package dev.tandem.devstack.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import dev.tandem.devstack.infra.Ports;

/**
 * Everything {@link Stack} needs to know: where the repository is (for the services' runnable jars), where the
 * data lives, the ports, the child JVMs' options, and where the log lines go. Immutable; build one with
 * {@link #builder(Path)}, {@link #defaults(Path)} or {@link #forTests(Path)}.
 */
public final class StackConfig {

    public static final int DEFAULT_POSTGRES_PORT = 5432;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final String POSTGRES_PORT_ENV = "TANDEM_PG_PORT";
    public static final String KAFKA_PORT_ENV = "TANDEM_KAFKA_PORT";
    /** GreenMail's customary ports (SMTP 3025, IMAP 3143): free on most machines, no privileges needed. */
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_IMAP_PORT = 3143;
    public static final String SMTP_PORT_ENV = "TANDEM_SMTP_PORT";
    public static final String IMAP_PORT_ENV = "TANDEM_IMAP_PORT";
    public static final String DATA_DIR_ENV = "TANDEM_DATA_DIR";
    /**
     * Small machines: a small heap (a service's live set is ~60 MB; the serial collector grows its heap to the
     * maximum and keeps it) and the serial collector keep each service under 350 MB resident; the full tiered JIT
     * (C2) stays on, because C1 alone (-XX:TieredStopAtLevel=1) served a fraction of the throughput for a little
     * less startup (docs/performance.md); the code cache is capped so C2 does not grow the footprint.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=48m");
    /**
     * The services' JVM options in system tests: the defaults plus C1 only. A test stack lives minutes and serves
     * little; C2 would spend most of its CPU compiling (about half of a service's samples under load, measured in
     * docs/performance.md) and slow every start on 2 cores. {@code ./run} keeps the full JIT, which serves
     * throughput.
     */
    public static final List<String> TEST_JVM_OPTIONS = Stream.concat(DEFAULT_JVM_OPTIONS.stream(),
            Stream.of("-XX:TieredStopAtLevel=1")).toList();
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);
    /** At most this many instances of each service ({@code --replicas}). */
    public static final int MAX_REPLICAS = 3;
    /** Instance {@code i} (from 0) of a service listens on its port + {@code i} × this, unless set otherwise. */
    public static final int REPLICA_PORT_STEP = 10;

    /** A port the stack will bind, for messages: what binds it and which variable changes it. */
    public record PortAssignment(String component, int port, String envVar) {
    }

    private final Path repoRoot;
    private final Path dataDir;
    private final boolean temporaryData;
    private final Map<Service, Integer> servicePorts;
    private final int postgresPort;
    private final int kafkaPort;
    private final int smtpPort;
    private final int imapPort;
    private final List<String> jvmOptions;
    private final Duration readyTimeout;
    private final Duration stopTimeout;
    private final LogSink output;
    private final boolean colour;
    private final boolean shutdownHook;
    private final boolean supervise;
    private final Path javaExecutable;
    private final Map<Service, Map<String, String>> extraEnvironment;
    private final int replicas;
    /** The ports of instances 1.. of each service (instance 0 has {@link #servicePorts}). */
    private final Map<Service, List<Integer>> replicaPorts;

    private StackConfig(Builder b) {
        this.repoRoot = b.repoRoot;
        this.dataDir = b.dataDir;
        this.temporaryData = b.temporaryData;
        this.servicePorts = Collections.unmodifiableMap(new EnumMap<>(b.servicePorts));
        this.postgresPort = b.postgresPort;
        this.kafkaPort = b.kafkaPort;
        this.smtpPort = b.smtpPort;
        this.imapPort = b.imapPort;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.readyTimeout = b.readyTimeout;
        this.stopTimeout = b.stopTimeout;
        this.output = b.output;
        this.colour = b.colour;
        this.shutdownHook = b.shutdownHook;
        this.supervise = b.supervise;
        this.javaExecutable = b.javaExecutable;
        Map<Service, Map<String, String>> extra = new EnumMap<>(Service.class);
        b.extraEnvironment.forEach((s, env) -> extra.put(s, Collections.unmodifiableMap(new LinkedHashMap<>(env))));
        this.extraEnvironment = Collections.unmodifiableMap(extra);
        this.replicas = b.replicas;
        Set<Integer> taken = new HashSet<>(b.servicePorts.values());
        taken.add(b.postgresPort);
        taken.add(b.kafkaPort);
        taken.add(b.smtpPort);
        taken.add(b.imapPort);
        b.replicaPorts.values().forEach(taken::addAll);
        Map<Service, List<Integer>> extraPorts = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            List<Integer> given = b.replicaPorts.getOrDefault(s, List.of());
            List<Integer> ports = new ArrayList<>();
            for (int i = 1; i < replicas; i++) {
                if (i - 1 < given.size()) {
                    ports.add(given.get(i - 1));
                } else {
                    ports.add(temporaryData ? distinctFreePort(taken) : servicePorts.get(s) + i * REPLICA_PORT_STEP);
                }
            }
            extraPorts.put(s, List.copyOf(ports));
        }
        this.replicaPorts = Collections.unmodifiableMap(extraPorts);
    }

    /**
     * A builder with the fixed defaults: services on 8080-8083, PostgreSQL 5432, Kafka 9092, mail SMTP 3025 and
     * IMAP 3143, data in
     * {@code <repoRoot>/.devstack} kept across restarts, output to {@code System.out}, coloured when it is a
     * terminal and {@code NO_COLOR} is not set.
     */
    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /** {@link #builder(Path)} as is. */
    public static StackConfig defaults(Path repoRoot) {
        return builder(repoRoot).build();
    }

    /**
     * For system tests: every port free right now (distinct), a fresh temporary data folder removed on close,
     * output to {@code System.out} without colours, and the services on {@link #TEST_JVM_OPTIONS}.
     */
    public static StackConfig forTests(Path repoRoot) {
        Set<Integer> taken = new HashSet<>();
        Builder b = builder(repoRoot).temporaryData(true).colour(false).jvmOptions(TEST_JVM_OPTIONS);
        for (Service s : Service.values()) {
            b.port(s, distinctFreePort(taken));
        }
        return b.postgresPort(distinctFreePort(taken)).kafkaPort(distinctFreePort(taken))
                .smtpPort(distinctFreePort(taken)).imapPort(distinctFreePort(taken)).build();
    }

    private static int distinctFreePort(Set<Integer> taken) {
        for (int i = 0; i < 50; i++) {
            int p = Ports.free();
            if (taken.add(p)) {
                return p;
            }
        }
        throw new IllegalStateException("could not find distinct free ports");
    }

    public Builder toBuilder() {
        Builder b = new Builder(repoRoot);
        b.dataDir = dataDir;
        b.temporaryData = temporaryData;
        b.servicePorts.putAll(servicePorts);
        b.postgresPort = postgresPort;
        b.kafkaPort = kafkaPort;
        b.smtpPort = smtpPort;
        b.imapPort = imapPort;
        b.jvmOptions = new ArrayList<>(jvmOptions);
        b.readyTimeout = readyTimeout;
        b.stopTimeout = stopTimeout;
        b.output = output;
        b.colour = colour;
        b.shutdownHook = shutdownHook;
        b.supervise = supervise;
        b.javaExecutable = javaExecutable;
        extraEnvironment.forEach((s, env) -> b.extraEnvironment.put(s, new LinkedHashMap<>(env)));
        b.replicas = replicas;
        replicaPorts.forEach((s, ports) -> b.replicaPorts.put(s, new ArrayList<>(ports)));
        return b;
    }

    /** The repository root: {@code <repoRoot>/<module>/target/quarkus-app/quarkus-run.jar} is launched. */
    public Path repoRoot() {
        return repoRoot;
    }

    /**
     * With persistent data: the folder holding {@code postgres/} and {@code kafka/}. With temporary data: the
     * folder in which a fresh {@code tandem-stack-*} folder is made (and removed on close).
     */
    public Path dataDir() {
        return dataDir;
    }

    public boolean temporaryData() {
        return temporaryData;
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    /** The port of one instance: the service's own for the first, else the replica's. */
    public int port(Instance instance) {
        return instance.index() == 0 ? port(instance.service())
                : replicaPorts.get(instance.service()).get(instance.index() - 1);
    }

    /** How many instances of each service run (1 unless {@code --replicas}). */
    public int replicas() {
        return replicas;
    }

    /** Every instance, service by service in start order (product, project, feedback, gateway), first ones first. */
    public List<Instance> instances() {
        List<Instance> list = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            for (Service s : Service.values()) {
                list.add(new Instance(s, i));
            }
        }
        return list;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    /** The embedded mail server's SMTP port: where feedback-service sends the customers' mails. */
    public int smtpPort() {
        return smtpPort;
    }

    /** The embedded mail server's IMAP port: where a mail program reads them. */
    public int imapPort() {
        return imapPort;
    }

    /** Options for every child JVM, placed before {@code -jar}. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** How long each service may take to report ready. */
    public Duration readyTimeout() {
        return readyTimeout;
    }

    /** How long a service may take to stop after SIGTERM before it is killed. */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    public LogSink output() {
        return output;
    }

    /** Whether log prefixes are coloured. */
    public boolean colour() {
        return colour;
    }

    /** Whether the stack stops itself when this JVM exits (Ctrl-C, System.exit, end of the test run). */
    public boolean shutdownHook() {
        return shutdownHook;
    }

    /**
     * Whether a service that exits while the stack runs is started again (with back-off: 1 s, doubling up to 30 s;
     * back to 1 s once it ran a minute) instead of only being reported.
     */
    public boolean supervise() {
        return supervise;
    }

    /** The {@code java} launcher for the children; by default the one of the running JVM. */
    public Path javaExecutable() {
        return javaExecutable;
    }

    /** The runnable jar of {@code service}. */
    public Path serviceJar(Service service) {
        return service.runnableJar(repoRoot);
    }

    /** Extra environment variables for {@code service}, set after (so over) the stack's own. */
    public Map<String, String> extraEnvironment(Service service) {
        return extraEnvironment.getOrDefault(service, Map.of());
    }

    /** Every port the stack binds, in start order: PostgreSQL, Kafka, mail (SMTP, IMAP), then the services. */
    public List<PortAssignment> portAssignments() {
        List<PortAssignment> list = new ArrayList<>();
        list.add(new PortAssignment("PostgreSQL", postgresPort, POSTGRES_PORT_ENV));
        list.add(new PortAssignment("Kafka", kafkaPort, KAFKA_PORT_ENV));
        list.add(new PortAssignment("mail (SMTP)", smtpPort, SMTP_PORT_ENV));
        list.add(new PortAssignment("mail (IMAP)", imapPort, IMAP_PORT_ENV));
        for (Instance i : instances()) {
            list.add(new PortAssignment(i.name(), port(i), i.service().portEnvVar()));
        }
        return list;
    }

    @Override
    public String toString() {
        return "StackConfig[repoRoot=" + repoRoot + ", dataDir=" + dataDir + ", temporaryData=" + temporaryData
                + ", ports=" + servicePorts + ", postgres=" + postgresPort + ", kafka=" + kafkaPort
                + ", smtp=" + smtpPort + ", imap=" + imapPort
                + ", replicas=" + replicas + ", jvmOptions=" + jvmOptions + ", readyTimeout=" + readyTimeout + "]";
    }

    public static final class Builder {

        private final Path repoRoot;
        private Path dataDir;
        private boolean temporaryData;
        private final Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        private int postgresPort = DEFAULT_POSTGRES_PORT;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int smtpPort = DEFAULT_SMTP_PORT;
        private int imapPort = DEFAULT_IMAP_PORT;
        private List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private LogSink output = LogSink.stdout();
        private boolean colour = LogPrefixer.colourByDefault();
        private boolean shutdownHook = true;
        private boolean supervise;
        private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        private final Map<Service, Map<String, String>> extraEnvironment = new EnumMap<>(Service.class);
        private int replicas = 1;
        private final Map<Service, List<Integer>> replicaPorts = new EnumMap<>(Service.class);

        private Builder(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot").toAbsolutePath().normalize();
            this.dataDir = this.repoRoot.resolve(".devstack");
            for (Service s : Service.values()) {
                servicePorts.put(s, s.defaultPort());
            }
        }

        /** See {@link StackConfig#dataDir()}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
            return this;
        }

        /** Fresh data in a temporary folder, deleted on close; {@link #dataDir(Path)} is then its parent. */
        public Builder temporaryData(boolean temporaryData) {
            this.temporaryData = temporaryData;
            if (temporaryData && dataDir.equals(repoRoot.resolve(".devstack"))) {
                dataDir = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            }
            return this;
        }

        public Builder port(Service service, int port) {
            servicePorts.put(service, checkPort(port, service.module()));
            return this;
        }

        /**
         * Runs {@code replicas} instances of every service (1 to {@value #MAX_REPLICAS}); the further ones listen
         * on the service's port + {@value #REPLICA_PORT_STEP} × i, or on free ports with temporary data. The
         * gateway is given every instance of each upstream.
         */
        public Builder replicas(int replicas) {
            if (replicas < 1 || replicas > MAX_REPLICAS) {
                throw new IllegalArgumentException("--replicas must be between 1 and " + MAX_REPLICAS + ", not " + replicas);
            }
            this.replicas = replicas;
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = checkPort(port, "PostgreSQL");
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = checkPort(port, "Kafka");
            return this;
        }

        public Builder smtpPort(int port) {
            this.smtpPort = checkPort(port, "the mail server (SMTP)");
            return this;
        }

        public Builder imapPort(int port) {
            this.imapPort = checkPort(port, "the mail server (IMAP)");
            return this;
        }

        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = new ArrayList<>(jvmOptions);
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            if (readyTimeout.isNegative() || readyTimeout.isZero()) {
                throw new IllegalArgumentException("the ready timeout must be positive");
            }
            this.readyTimeout = readyTimeout;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            if (stopTimeout.isNegative()) {
                throw new IllegalArgumentException("the stop timeout must not be negative");
            }
            this.stopTimeout = stopTimeout;
            return this;
        }

        public Builder output(LogSink output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        public Builder colour(boolean colour) {
            this.colour = colour;
            return this;
        }

        public Builder shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        public Builder supervise(boolean supervise) {
            this.supervise = supervise;
            return this;
        }

        public Builder javaExecutable(Path javaExecutable) {
            this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
            return this;
        }

        /** An extra environment variable for one service (e.g. a shorter relay interval in system tests). */
        public Builder environment(Service service, String name, String value) {
            extraEnvironment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** An extra environment variable for every service. */
        public Builder environment(String name, String value) {
            for (Service s : Service.values()) {
                environment(s, name, value);
            }
            return this;
        }

        public StackConfig build() {
            return new StackConfig(this);
        }

        private static int checkPort(int port, String what) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port of " + what + " must be between 1 and 65535, not " + port);
            }
            return port;
        }
    }
}
