package dev.tandem.devstack.stack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.tandem.devstack.infra.EmbeddedKafka;
import dev.tandem.devstack.infra.EmbeddedMail;
import dev.tandem.devstack.infra.InternalTokenKeys;
import dev.tandem.devstack.infra.EmbeddedPostgresServer;
import dev.tandem.devstack.infra.Ports;
import dev.tandem.devstack.infra.ReceivedMail;

/**
 * The whole Tandem stack on one machine, without Docker: a real PostgreSQL server (one database per service), a
 * real Kafka broker and a real mail server (SMTP and IMAP, GreenMail) started in this JVM, and each of the four
 * services launched as its own JVM from its Quarkus fast-jar ({@code <module>/target/quarkus-app/quarkus-run.jar}),
 * configured only through environment variables. Used by the one-command run ({@code DevStack}) and by the system tests.
 *
 * <pre>{@code
 * try (Stack stack = Stack.start(StackConfig.forTests(repoRoot))) {
 *     String gateway = stack.endpoints().gatewayUrl();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the services (SIGTERM, then a kill after the stop timeout), then Kafka, then PostgreSQL,
 * then the mail server.
 */
public final class Stack implements AutoCloseable {

    public static final String ENV_HTTP_PORT = "QUARKUS_HTTP_PORT";
    public static final String ENV_JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";
    public static final String ENV_DB_USERNAME = "QUARKUS_DATASOURCE_USERNAME";
    public static final String ENV_DB_PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";
    public static final String ENV_KAFKA_BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_TRUSTED_PROXIES = "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES";
    public static final String ENV_UPSTREAM_PRODUCT = "TANDEM_GATEWAY_UPSTREAMS_PRODUCT_URL";
    public static final String ENV_UPSTREAM_PROJECT = "TANDEM_GATEWAY_UPSTREAMS_PROJECT_URL";
    public static final String ENV_UPSTREAM_FEEDBACK = "TANDEM_GATEWAY_UPSTREAMS_FEEDBACK_URL";
    public static final String ENV_INTERNAL_TOKEN_PRIVATE_KEY = "TANDEM_GATEWAY_INTERNAL_TOKEN_PRIVATE_KEY";
    public static final String ENV_SECURITY_PUBLIC_KEY = "TANDEM_SECURITY_PUBLIC_KEY";
    public static final String ENV_BOOTSTRAP_ADMIN_KEY = "TANDEM_GATEWAY_BOOTSTRAP_ADMIN_KEY";
    public static final String ENV_BOOTSTRAP_ADMIN_KEY_FILE = "TANDEM_GATEWAY_BOOTSTRAP_ADMIN_KEY_FILE";
    public static final String ENV_MAILER_HOST = "QUARKUS_MAILER_HOST";
    public static final String ENV_MAILER_PORT = "QUARKUS_MAILER_PORT";
    public static final String ENV_MAILER_FROM = "QUARKUS_MAILER_FROM";
    public static final String ENV_MAILER_MOCK = "QUARKUS_MAILER_MOCK";
    public static final String ENV_LOOP_MAIL_ENABLED = "TANDEM_LOOP_MAIL_ENABLED";
    /** The sender of the customers' mails in the local run ({@code .localhost} is reserved for local use). */
    public static final String MAIL_FROM = "Tandem <no-reply@tandem.localhost>";

    /** How many of a failed service's last log lines a startup error shows. */
    public static final int TAIL_LINES = 40;

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STILL_WAITING_EVERY = Duration.ofSeconds(15);

    private enum State { NEW, STARTING, RUNNING, CLOSED }

    private final StackConfig config;
    private final StackListener listener;
    private final Object lock = new Object();
    private final Object closeLock = new Object();
    private final Map<Instance, ServiceProcess> children = new LinkedHashMap<>();
    /** Each instance's environment, kept for a supervised restart. */
    private final Map<Instance, Map<String, String>> environments = new LinkedHashMap<>();
    /** Restarts in a row of each supervised instance (reset once it ran {@link #STABLE_AFTER}). */
    private final Map<Instance, Integer> restarts = new LinkedHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService supervisor =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tandem-stack-supervisor");
                t.setDaemon(true);
                return t;
            });
    private static final Duration STABLE_AFTER = Duration.ofMinutes(1);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private volatile State state = State.NEW;
    private volatile boolean closing;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafka kafka;
    private EmbeddedMail mail;
    private Path dataDir;
    private StackEndpoints endpoints;
    private Thread shutdownHook;

    public Stack(StackConfig config) {
        this(config, StackListener.NONE);
    }

    public Stack(StackConfig config, StackListener listener) {
        this.config = config;
        this.listener = listener == null ? StackListener.NONE : listener;
    }

    /** {@code new Stack(config).start()}. */
    public static Stack start(StackConfig config) {
        return new Stack(config).start();
    }

    /** {@code new Stack(config, listener).start()}. */
    public static Stack start(StackConfig config, StackListener listener) {
        return new Stack(config, listener).start();
    }

    /**
     * Starts the mail server, then PostgreSQL and Kafka (in parallel), creates the services' databases, then launches
     * the four services in parallel and waits until each reports ready. On any failure everything started so far is stopped again
     * and a {@link StackException} says what went wrong (for a service: its last {@value #TAIL_LINES} log lines).
     *
     * @return this stack, running
     */
    public Stack start() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("a Stack can be started once; this one is " + state);
            }
            state = State.STARTING;
        }
        long t0 = System.nanoTime();
        try {
            checkJarsExist(config);
            checkPortsFree(config);
            if (config.shutdownHook()) {
                shutdownHook = new Thread(this::close, "tandem-stack-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            startInfrastructure();
            launchServices();
            awaitReady();
            synchronized (lock) {
                abortIfClosing();
                state = State.RUNNING;
            }
            listener.allReady(endpoints, Duration.ofNanos(System.nanoTime() - t0));
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- preflight

    /** Fails with a message naming the service and the build command when a runnable jar is missing. */
    public static void checkJarsExist(StackConfig config) {
        List<Service> missing = new ArrayList<>();
        for (Service s : Service.values()) {
            if (!Files.isRegularFile(config.serviceJar(s))) {
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            String names = missing.stream().map(Service::module).collect(Collectors.joining(", "));
            Path example = config.repoRoot().relativize(config.serviceJar(missing.get(0)));
            throw new StackException(names + (missing.size() == 1 ? " is" : " are") + " not built (" + example
                    + " is missing): build with `./mvnw -DskipTests install` in " + config.repoRoot()
                    + " (or `./run --build`)");
        }
    }

    /**
     * Fails when two components ask for the same port, or when a port is already in use on any interface; the
     * message names the port, its component and the variable that changes it.
     */
    public static void checkPortsFree(StackConfig config) {
        Map<Integer, StackConfig.PortAssignment> seen = new LinkedHashMap<>();
        for (StackConfig.PortAssignment a : config.portAssignments()) {
            StackConfig.PortAssignment other = seen.putIfAbsent(a.port(), a);
            if (other != null) {
                throw new StackException("port " + a.port() + " is given to both " + other.component() + " and "
                        + a.component() + " — set " + a.envVar() + " or " + other.envVar() + " to another port");
            }
        }
        for (StackConfig.PortAssignment a : config.portAssignments()) {
            if (!Ports.isFreeOnAllInterfaces(a.port())) {
                throw new StackException(portInUseMessage(a));
            }
        }
    }

    /** {@code port 8081 (product-service) is in use — stop what uses it or set TANDEM_PRODUCT_PORT}. */
    public static String portInUseMessage(StackConfig.PortAssignment a) {
        return "port " + a.port() + " (" + a.component() + ") is in use — stop what uses it or set " + a.envVar();
    }

    // ---------------------------------------------------------------- start

    private void startInfrastructure() {
        try {
            Path dir = config.temporaryData()
                    ? Files.createTempDirectory(createDirs(config.dataDir()), "tandem-stack-")
                    : createDirs(config.dataDir());
            synchronized (lock) {
                dataDir = dir;
            }
        } catch (IOException e) {
            throw new StackException("cannot create the data folder " + config.dataDir() + ": " + describe(e), e);
        }
        startMail();
        String kafkaWhat = "Kafka on port " + config.kafkaPort();
        String pgWhat = "PostgreSQL on port " + config.postgresPort();
        CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(() -> {
            long t = System.nanoTime();
            listener.infraStarting(kafkaWhat);
            try {
                EmbeddedKafka k = EmbeddedKafka.persistent(dataDir.resolve("kafka"), config.kafkaPort());
                synchronized (lock) {
                    kafka = k;
                }
                k.start();
            } catch (Exception e) {
                throw new StackException("Kafka did not start on port " + config.kafkaPort() + ": " + describe(e)
                        + hint(dataDir.resolve("kafka")), e);
            }
            listener.infraReady(kafkaWhat, Duration.ofNanos(System.nanoTime() - t));
        }, runnable -> daemon(runnable, "tandem-stack-kafka-start").start());

        long t = System.nanoTime();
        listener.infraStarting(pgWhat);
        Map<Service, String> jdbcUrls = new EnumMap<>(Service.class);
        try {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), config.postgresPort());
            synchronized (lock) {
                postgres = pg;
            }
            pg.start();
            for (Service s : Service.values()) {
                jdbcUrls.put(s, pg.ensureDatabase(s.database()));
            }
        } catch (Exception e) {
            try {
                kafkaStarted.join(); // let the broker finish starting, so close() stops it cleanly
            } catch (RuntimeException ignored) {
                // PostgreSQL's failure is the one to report
            }
            throw new StackException("PostgreSQL did not start on port " + config.postgresPort() + ": " + describe(e)
                    + hint(dataDir.resolve("postgres")), e);
        }
        listener.infraReady(pgWhat, Duration.ofNanos(System.nanoTime() - t));
        try {
            kafkaStarted.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StackException se ? se : new StackException(describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while starting Kafka");
        }
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, List<Integer>> replicaPorts = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, config.port(s));
            List<Integer> more = new ArrayList<>();
            for (int i = 1; i < config.replicas(); i++) {
                more.add(config.port(new Instance(s, i)));
            }
            replicaPorts.put(s, more);
        }
        synchronized (lock) {
            abortIfClosing();
            endpoints = new StackEndpoints(ports, replicaPorts, jdbcUrls, kafka.bootstrapServers(), kafka.port(), postgres.port(),
                    EmbeddedPostgresServer.USER, "", dataDir, mail.smtpPort(), mail.imapPort(), mail.folder());
        }
    }

    /** SMTP and IMAP (GreenMail), every received mail also written to {@code <data>/mail/} as an .eml file. */
    private void startMail() {
        String what = "mail server (SMTP " + config.smtpPort() + ", IMAP " + config.imapPort() + ")";
        long t = System.nanoTime();
        listener.infraStarting(what);
        try {
            EmbeddedMail m = EmbeddedMail.on(config.smtpPort(), config.imapPort(), dataDir.resolve("mail"));
            synchronized (lock) {
                mail = m;
            }
            m.start();
        } catch (IOException | RuntimeException e) {
            throw new StackException("the mail server did not start on ports " + config.smtpPort() + " (SMTP) and "
                    + config.imapPort() + " (IMAP): " + describe(e), e);
        }
        listener.infraReady(what, Duration.ofNanos(System.nanoTime() - t));
    }

    private String hint(Path dir) {
        return config.temporaryData() ? "" : " (its data is in " + dir + "; delete that folder to start afresh)";
    }

    /** The environment the stack gives {@code service}: the whole contract between the devstack and a service. */
    public static Map<String, String> serviceEnvironment(Service service, StackEndpoints endpoints) {
        return serviceEnvironment(Instance.first(service), endpoints);
    }

    /** The environment of one instance: its own port; a gateway is given every instance of each upstream. */
    public static Map<String, String> serviceEnvironment(Instance instance, StackEndpoints endpoints) {
        Service service = instance.service();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ENV_HTTP_PORT, String.valueOf(endpoints.port(instance)));
        env.put(ENV_JDBC_URL, endpoints.jdbcUrl(service));
        env.put(ENV_DB_USERNAME, endpoints.postgresUser());
        env.put(ENV_DB_PASSWORD, endpoints.postgresPassword());
        env.put(ENV_KAFKA_BOOTSTRAP, endpoints.kafkaBootstrapServers());
        if (service != Service.GATEWAY) {
            // X-Forwarded-* (for the links a service returns) are believed only from the gateway: here on loopback
            env.put(ENV_TRUSTED_PROXIES, "127.0.0.1/32,::1/128");
        }
        if (service == Service.GATEWAY) {
            env.put(ENV_UPSTREAM_PRODUCT, endpoints.upstreamUrls(Service.PRODUCT));
            env.put(ENV_UPSTREAM_PROJECT, endpoints.upstreamUrls(Service.PROJECT));
            env.put(ENV_UPSTREAM_FEEDBACK, endpoints.upstreamUrls(Service.FEEDBACK));
        }
        if (service == Service.FEEDBACK && endpoints.hasMail()) {
            // customers are told by e-mail when a loop closes (off unless configured): here, to the stack's server
            env.put(ENV_LOOP_MAIL_ENABLED, "true");
            env.put(ENV_MAILER_HOST, StackEndpoints.HOST);
            env.put(ENV_MAILER_PORT, String.valueOf(endpoints.smtpPort()));
            env.put(ENV_MAILER_FROM, MAIL_FROM);
            env.put(ENV_MAILER_MOCK, "false");
        }
        return env;
    }

    /**
     * Settings only the local run makes for itself (a container deployment supplies them as secrets): the internal
     * token key pair of the data folder (private key to the gateway, public key to the services) and, on a first
     * start, a bootstrap admin API key that the gateway prints and writes to {@link #adminKeyFile(Path)}.
     */
    public static Map<String, String> localEnvironment(Service service, Path dataDir) throws IOException {
        InternalTokenKeys keys = InternalTokenKeys.loadOrCreate(dataDir);
        Map<String, String> env = new LinkedHashMap<>();
        if (service == Service.GATEWAY) {
            // webhooks to receivers on this machine over plain http (127.0.0.1 only), secrets sealed with a key of
            // the data folder
            env.put("TANDEM_GATEWAY_WEBHOOKS_ALLOW_HTTP", "true");
            env.put("TANDEM_GATEWAY_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
            env.put("TANDEM_GATEWAY_WEBHOOKS_SECRET_ENCRYPTION_KEY", webhookSecretKey(dataDir));
            env.put(ENV_INTERNAL_TOKEN_PRIVATE_KEY, keys.privateKey());
            env.put(ENV_BOOTSTRAP_ADMIN_KEY, "true");
            env.put(ENV_BOOTSTRAP_ADMIN_KEY_FILE, adminKeyFile(dataDir).toString());
        } else {
            env.put(ENV_SECURITY_PUBLIC_KEY, keys.publicKey());
        }
        return env;
    }

    /** The AES-256 key (base64) that seals webhook secrets: {@code <data>/keys/webhook-secret.key}, made once. */
    static String webhookSecretKey(Path dataDir) throws IOException {
        Path file = dataDir.resolve("keys").resolve("webhook-secret.key");
        if (Files.isRegularFile(file)) {
            return Files.readString(file).strip();
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String encoded = java.util.Base64.getEncoder().encodeToString(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data folder is the user's own
        }
        return encoded;
    }

    /** Where the gateway writes the admin API key it creates on the first start of a data folder. */
    public static Path adminKeyFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("admin-api-key");
    }

    /**
     * The admin API key of this run (for system tests and scripts): what the gateway wrote on the first start of
     * the data folder; empty before the gateway is ready or when the file was removed.
     */
    public java.util.Optional<String> adminApiKey() {
        if (dataDir == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Files.readString(adminKeyFile(dataDir)).strip()).filter(k -> !k.isEmpty());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private void launchServices() {
        for (Instance s : config.instances()) {
            Map<String, String> env = new LinkedHashMap<>(serviceEnvironment(s, endpoints));
            try {
                env.putAll(localEnvironment(s.service(), dataDir));
            } catch (IOException e) {
                throw new StackException("cannot create the internal token keys in " + dataDir.resolve("keys") + ": "
                        + describe(e), e);
            }
            if (s.service() == Service.GATEWAY && s.index() > 0) {
                // only the first gateway creates the bootstrap admin key (both share the gateway database)
                env.put(ENV_BOOTSTRAP_ADMIN_KEY, "false");
                env.remove(ENV_BOOTSTRAP_ADMIN_KEY_FILE);
            }
            env.putAll(config.extraEnvironment(s.service()));
            synchronized (lock) {
                environments.put(s, env);
            }
            ServiceProcess child = launch(s);
            listener.serviceStarting(s, child.pid());
        }
    }

    private ServiceProcess launch(Instance s) {
        ServiceProcess child;
        try {
            child = ServiceProcess.launch(s, config, environments.get(s), TAIL_LINES);
        } catch (IOException e) {
            throw new StackException("could not launch " + s.name() + " (" + config.javaExecutable() + " -jar "
                    + config.serviceJar(s.service()) + "): " + describe(e), e);
        }
        synchronized (lock) {
            children.put(s, child);
            if (closing) {
                child.kill();
            }
            abortIfClosing();
        }
        writePidFile(s, child.pid());
        child.process.onExit().thenAccept(p -> onExit(s, child, p.exitValue()));
        return child;
    }

    /** A service ended by itself: reported, and started again when the stack is supervised. */
    private void onExit(Instance s, ServiceProcess child, int code) {
        if (state != State.RUNNING || closing) {
            return;
        }
        if (!config.supervise()) {
            listener.serviceExited(s, code);
            return;
        }
        Duration delay;
        synchronized (lock) {
            int inARow = child.elapsed().compareTo(STABLE_AFTER) >= 0 ? 0 : restarts.getOrDefault(s, 0);
            restarts.put(s, inARow + 1);
            delay = Duration.ofSeconds(1L << Math.min(inARow, 5));
            if (delay.compareTo(MAX_RESTART_DELAY) > 0) {
                delay = MAX_RESTART_DELAY;
            }
        }
        listener.serviceRestarting(s, code, delay);
        supervisor.schedule(() -> restart(s), delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void restart(Instance s) {
        if (closing) {
            return;
        }
        ServiceProcess child;
        try {
            child = launch(s);
        } catch (StackException e) {
            if (!closing) {
                listener.serviceRestarting(s, -1, MAX_RESTART_DELAY);
                supervisor.schedule(() -> restart(s), MAX_RESTART_DELAY.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            return;
        }
        long deadline = System.nanoTime() + config.readyTimeout().toNanos();
        while (!closing && child.alive() && System.nanoTime() < deadline) {
            if (probe(s) == null) {
                listener.serviceRestarted(s, child.pid(), child.elapsed());
                return;
            }
            sleep(POLL_INTERVAL);
        }
    }

    private void awaitReady() {
        Set<Instance> pending = new LinkedHashSet<>(config.instances());
        Map<Instance, String> lastAnswer = new LinkedHashMap<>();
        long start = System.nanoTime();
        long deadline = start + config.readyTimeout().toNanos();
        long nextNotice = start + STILL_WAITING_EVERY.toNanos();
        while (!pending.isEmpty()) {
            abortIfClosing();
            for (Instance s : new ArrayList<>(pending)) {
                ServiceProcess child = children.get(s);
                String answer = probe(s);
                if (answer == null) {
                    pending.remove(s);
                    listener.serviceReady(s, child.elapsed());
                    continue;
                }
                lastAnswer.put(s, answer);
                if (!child.alive()) {
                    abortIfClosing();
                    throw new StackException(s.name() + " exited with code " + child.process.exitValue()
                            + " before it was ready (after " + seconds(child.elapsed()) + ")."
                            + tailMessage(child));
                }
            }
            long now = System.nanoTime();
            if (pending.isEmpty()) {
                break;
            }
            if (now > deadline) {
                Instance s = pending.iterator().next();
                throw new StackException(s.name() + " was not ready after " + seconds(config.readyTimeout())
                        + " (GET " + endpoints.readinessUrl(s) + ": " + lastAnswer.get(s) + ")"
                        + (pending.size() > 1 ? "; also not ready: " + pending.stream().skip(1).map(Instance::name)
                                .collect(Collectors.joining(", ")) : "")
                        + "." + tailMessage(children.get(s)));
            }
            if (now > nextNotice) {
                listener.stillWaiting(List.copyOf(pending), Duration.ofNanos(now - start));
                nextNotice = now + STILL_WAITING_EVERY.toNanos();
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** {@code null} when ready, else what the readiness endpoint answered (for messages). */
    private String probe(Instance s) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.readinessUrl(s)))
                .timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body() == null ? "" : response.body();
            if (response.statusCode() == 200 && body.replace(" ", "").contains("\"status\":\"UP\"")) {
                return null;
            }
            String compact = body.replaceAll("\\s+", " ").trim();
            return "HTTP " + response.statusCode() + (compact.isEmpty() ? "" : " " + abbreviate(compact, 300));
        } catch (ConnectException e) {
            return "connection refused (not listening yet)";
        } catch (HttpTimeoutException e) {
            return "no answer within 3 s";
        } catch (IOException e) {
            return describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + s.name());
        }
    }

    private String tailMessage(ServiceProcess child) {
        List<String> tail = child.tail(Duration.ofSeconds(2));
        if (tail.isEmpty()) {
            return " It wrote no output.";
        }
        StringBuilder sb = new StringBuilder(" Its last ").append(tail.size()).append(" log lines:");
        for (String line : tail) {
            sb.append(System.lineSeparator()).append("    ").append(line);
        }
        return sb.toString();
    }

    private void abortIfClosing() {
        if (closing) {
            throw new StackException("the stack was stopped while starting");
        }
    }

    // ---------------------------------------------------------------- running

    /** The actual URLs and ports; available once PostgreSQL and Kafka are up. */
    public StackEndpoints endpoints() {
        synchronized (lock) {
            if (endpoints == null) {
                throw new IllegalStateException("the stack has not been started");
            }
            return endpoints;
        }
    }

    public StackConfig config() {
        return config;
    }

    /** Whether every service was ready and {@link #close()} has not been called. */
    public boolean isRunning() {
        return state == State.RUNNING && !closing;
    }

    /** Whether {@link #close()} has finished (after a failed start too). */
    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Whether the (first) service's process is alive. */
    public boolean isAlive(Service service) {
        return isAlive(Instance.first(service));
    }

    /** Whether the instance's process is alive. */
    public boolean isAlive(Instance instance) {
        ServiceProcess child;
        synchronized (lock) {
            child = children.get(instance);
        }
        return child != null && child.alive();
    }

    /** Whether the instance answers its readiness check with UP right now. */
    public boolean isReady(Instance instance) {
        return endpoints != null && probe(instance) == null;
    }

    /** The process id of the (first) {@code service}'s JVM, or -1 when it was not launched. */
    public long pid(Service service) {
        return pid(Instance.first(service));
    }

    /** The process id of the instance's current JVM (a new one after a supervised restart), or -1. */
    public long pid(Instance instance) {
        synchronized (lock) {
            ServiceProcess child = children.get(instance);
            return child == null ? -1 : child.pid();
        }
    }

    /** The last {@value #TAIL_LINES} log lines of {@code service} (without prefix), e.g. to explain a test failure. */
    public List<String> recentLog(Service service) {
        synchronized (lock) {
            ServiceProcess child = children.get(Instance.first(service));
            return child == null ? List.of() : child.pump.tail();
        }
    }

    /**
     * Every mail the stack's mail server received so far (one per recipient, oldest first), e.g. the customers'
     * mails of closed loops; empty before it started.
     */
    public List<ReceivedMail> receivedMail() {
        EmbeddedMail m;
        synchronized (lock) {
            m = mail;
        }
        return m == null ? List.of() : m.received();
    }

    /**
     * Stops the Kafka broker (as a broker outage would), runs {@code whileAway}, then starts it again on the same
     * port with the same data; the services reconnect by themselves. For fault-injection tests.
     */
    public void restartKafka(Runnable whileAway) {
        EmbeddedKafka k;
        synchronized (lock) {
            k = kafka;
        }
        if (k == null) {
            throw new IllegalStateException("Kafka is not running");
        }
        listener.stopping("Kafka");
        k.close();
        try {
            whileAway.run();
        } finally {
            listener.infraStarting("Kafka on port " + endpoints.kafkaPort());
            long t = System.nanoTime();
            try {
                EmbeddedKafka again = EmbeddedKafka.persistent(dataDir.resolve("kafka"), endpoints.kafkaPort());
                synchronized (lock) {
                    kafka = again;
                }
                again.start();
            } catch (Exception e) {
                throw new StackException("Kafka did not start again: " + describe(e), e);
            }
            listener.infraReady("Kafka on port " + endpoints.kafkaPort(), Duration.ofNanos(System.nanoTime() - t));
        }
    }

    // ---------------------------------------------------------------- stop

    /**
     * Stops the services (SIGTERM to each, in parallel; killed if still running after the stop timeout), then
     * Kafka, then PostgreSQL, then the mail server; removes temporary data. Safe to call more than once and from any
     * thread; a second caller waits until the first has finished.
     */
    @Override
    public void close() {
        closing = true;
        supervisor.shutdownNow();
        synchronized (closeLock) {
            if (state == State.CLOSED) {
                return;
            }
            long t0 = System.nanoTime();
            boolean startedAnything;
            synchronized (lock) {
                startedAnything = !children.isEmpty() || kafka != null || postgres != null || mail != null;
            }
            stopServices();
            stopKafka();
            stopPostgres();
            stopMail();
            Path dir;
            synchronized (lock) {
                dir = dataDir;
                state = State.CLOSED;
            }
            if (config.temporaryData() && dir != null) {
                deleteRecursively(dir);
            }
            removeShutdownHook();
            if (startedAnything) {
                listener.stopped(Duration.ofNanos(System.nanoTime() - t0));
            }
        }
    }

    private void stopServices() {
        List<ServiceProcess> running;
        synchronized (lock) {
            running = new ArrayList<>(children.values());
        }
        // the gateway first, so it stops taking requests before its upstreams go away
        running.sort(Comparator.comparing((ServiceProcess p) -> p.instance.service() != Service.GATEWAY));
        for (ServiceProcess child : running) {
            if (child.alive()) {
                listener.stopping(child.instance.name() + " (pid " + child.pid() + ")");
                child.terminate();
            }
        }
        long deadline = System.nanoTime() + config.stopTimeout().toNanos();
        for (ServiceProcess child : running) {
            if (!child.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                listener.killed(child.instance.name() + " (pid " + child.pid() + ") did not stop within "
                        + seconds(config.stopTimeout()) + ", killed");
                child.kill();
                child.awaitExit(Duration.ofSeconds(5));
            }
        }
        for (ServiceProcess child : running) {
            child.pump.awaitEnd(Duration.ofSeconds(1));
            deletePidFile(child.instance);
        }
    }

    private void stopKafka() {
        EmbeddedKafka k;
        synchronized (lock) {
            k = kafka;
            kafka = null;
        }
        if (k != null) {
            listener.stopping("Kafka");
            try {
                k.close();
            } catch (RuntimeException e) {
                listener.killed("Kafka did not stop cleanly: " + describe(e));
            }
        }
    }

    private void stopPostgres() {
        EmbeddedPostgresServer pg;
        synchronized (lock) {
            pg = postgres;
            postgres = null;
        }
        if (pg != null) {
            listener.stopping("PostgreSQL");
            try {
                pg.close();
            } catch (Exception e) {
                listener.killed("PostgreSQL did not stop cleanly: " + describe(e));
            }
        }
    }

    private void stopMail() {
        EmbeddedMail m;
        synchronized (lock) {
            m = mail;
        }
        // the server stops, what it received stays readable through receivedMail()
        if (m != null && m.isRunning()) {
            listener.stopping("mail server");
            m.stop();
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; it will find the stack closed
            }
        }
    }

    // ---------------------------------------------------------------- pid files

    /** {@code <data>/pids/<module>.pid}: lets the next devstack name a service left running by a killed one. */
    public static Path pidFile(Path dataDir, Service service) {
        return pidFile(dataDir, Instance.first(service));
    }

    /** {@code <data>/pids/<module>[-n].pid} of one instance. */
    public static Path pidFile(Path dataDir, Instance instance) {
        return dataDir.resolve("pids").resolve(instance.name() + ".pid");
    }

    private void writePidFile(Instance s, long pid) {
        if (config.temporaryData()) {
            return;
        }
        try {
            Path file = pidFile(dataDir, s);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + System.lineSeparator());
        } catch (IOException ignored) {
            // only a convenience for messages
        }
    }

    private void deletePidFile(Instance s) {
        if (config.temporaryData() || dataDir == null) {
            return;
        }
        try {
            Files.deleteIfExists(pidFile(dataDir, s));
        } catch (IOException ignored) {
            // only a convenience for messages
        }
    }

    // ---------------------------------------------------------------- helpers

    /** {@code 7.2 s}. */
    public static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String describe(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException fse) {
            String what = e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                    .replace(" exception", "");
            return (fse.getReason() != null ? fse.getReason() : what) + ": " + fse.getFile();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !top.contains(root.getMessage())) {
            return top + " (" + root.getMessage() + ")";
        }
        return top;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static Path createDirs(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the services");
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort: a temp folder left behind is harmless
        }
    }
}
