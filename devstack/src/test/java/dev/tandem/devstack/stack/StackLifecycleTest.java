package dev.tandem.devstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@link Stack} lifecycle with real PostgreSQL and Kafka but stand-in services ({@link FakeService}),
 * so it runs without the services being built.
 */
class StackLifecycleTest {

    @TempDir
    Path root;

    @BeforeAll
    static void quietInfrastructureLogs() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private StackConfig config(Map<Service, String> modes, Duration readyTimeout) throws IOException {
        FakeRepo.create(root, modes);
        return StackConfig.forTests(root).toBuilder()
                .output(output::add)
                .readyTimeout(readyTimeout)
                .stopTimeout(Duration.ofSeconds(10))
                .environment(Service.PROJECT, "TANDEM_EXTRA", "yes")
                .build();
    }

    private final StackListener recorder = new StackListener() {
        @Override
        public void serviceReady(Instance instance, Duration took) {
            events.add("ready " + instance.name());
        }

        @Override
        public void stopping(String what) {
            events.add("stopping " + what.replaceAll(" \\(pid \\d+\\)", ""));
        }

        @Override
        public void killed(String what) {
            events.add("killed " + what);
        }
    };

    @Test
    void startsPostgresKafkaAndFourServicesWiresTheEnvironmentAndStopsInOrder() throws Exception {
        StackConfig config = config(Map.of(), Duration.ofSeconds(60));
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        Path dataDir;
        try (Stack stack = Stack.start(config, recorder)) {
            StackEndpoints e = stack.endpoints();
            assertTrue(stack.isRunning());
            dataDir = e.dataDir();
            assertTrue(Files.isDirectory(dataDir.resolve("postgres")), "PostgreSQL data under the temp data dir");
            assertTrue(dataDir.getFileName().toString().startsWith("tandem-stack-"));
            for (Service s : Service.values()) {
                assertEquals(config.port(s), e.port(s));
                pids.put(s, stack.pid(s));
                Map<String, String> env = env(e.url(s) + "/env");
                assertEquals(String.valueOf(config.port(s)), env.get("QUARKUS_HTTP_PORT"));
                assertEquals("jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/" + s.database(),
                        env.get("QUARKUS_DATASOURCE_JDBC_URL"));
                assertEquals("postgres", env.get("QUARKUS_DATASOURCE_USERNAME"));
                assertEquals("127.0.0.1:" + config.kafkaPort(), env.get("KAFKA_BOOTSTRAP_SERVERS"));
                assertEquals(s == Service.GATEWAY, env.containsKey("TANDEM_GATEWAY_UPSTREAMS_PRODUCT_URL"), s.module());
                assertEquals(s == Service.FEEDBACK, env.containsKey("QUARKUS_MAILER_HOST"), s.module());
                try (Connection c = DriverManager.getConnection(e.jdbcUrl(s), e.postgresUser(), e.postgresPassword());
                     ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                    assertTrue(rs.next());
                    assertEquals(s.database(), rs.getString(1));
                }
            }
            Map<String, String> gatewayEnv = env(e.gatewayUrl() + "/env");
            assertEquals(e.productUrl(), gatewayEnv.get("TANDEM_GATEWAY_UPSTREAMS_PRODUCT_URL"));
            assertEquals(e.projectUrl(), gatewayEnv.get("TANDEM_GATEWAY_UPSTREAMS_PROJECT_URL"));
            assertEquals(e.feedbackUrl(), gatewayEnv.get("TANDEM_GATEWAY_UPSTREAMS_FEEDBACK_URL"));
            Map<String, String> feedbackEnv = env(e.feedbackUrl() + "/env");
            assertEquals("true", feedbackEnv.get("TANDEM_LOOP_MAIL_ENABLED"));
            assertEquals("127.0.0.1", feedbackEnv.get("QUARKUS_MAILER_HOST"));
            assertEquals(String.valueOf(config.smtpPort()), feedbackEnv.get("QUARKUS_MAILER_PORT"));
            assertEquals("false", feedbackEnv.get("QUARKUS_MAILER_MOCK"));
            assertEquals(Stack.MAIL_FROM, feedbackEnv.get("QUARKUS_MAILER_FROM"));
            // what arrives at the stack's SMTP port is readable by tests and, as .eml files, by people
            assertEquals(config.smtpPort(), e.smtpPort());
            com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail("buyer@acme.example", "tandem@localhost",
                    "Released", "Hi", new com.icegreen.greenmail.util.ServerSetup(e.smtpPort(), StackEndpoints.HOST,
                            "smtp"));
            assertEquals(List.of("buyer@acme.example"),
                    stack.receivedMail().stream().map(m -> m.recipient()).toList());
            assertEquals(dataDir.resolve("mail"), e.mailFolder());
            try (java.util.stream.Stream<Path> eml = Files.list(e.mailFolder())) {
                assertEquals(1, eml.filter(f -> f.toString().endsWith(".eml")).count());
            }
            assertEquals("yes", env(e.projectUrl() + "/env").get("TANDEM_EXTRA"));
            assertFalse(env(e.productUrl() + "/env").containsKey("TANDEM_EXTRA"));

            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrapServers());
            try (Admin admin = Admin.create(props)) {
                assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            }
            assertTrue(output.contains("product    | fake product-service listening on " + config.port(Service.PRODUCT)),
                    "prefixed child output, got " + output);
            assertTrue(output.contains("gateway    | fake gateway listening on " + config.port(Service.GATEWAY)));
        }
        for (Service s : Service.values()) {
            assertFalse(ProcessHandle.of(pids.get(s)).map(ProcessHandle::isAlive).orElse(false), s + " still runs");
            assertTrue(output.contains(LogPrefixer.forService(s, false).apply("fake " + s.module() + " stopping on signal")),
                    s + " was stopped with SIGTERM and its last lines were forwarded");
        }
        assertFalse(Files.exists(dataDir), "temporary data removed on close");
        List<String> stops = events.stream().filter(ev -> ev.startsWith("stopping")).toList();
        assertEquals(List.of("stopping gateway", "stopping product-service", "stopping project-service",
                "stopping feedback-service", "stopping Kafka", "stopping PostgreSQL", "stopping mail server"), stops);
        assertTrue(events.containsAll(List.of("ready product-service", "ready project-service",
                "ready feedback-service", "ready gateway")));
    }

    @Test
    void aServiceThatExitsEarlyFailsTheStartWithItsLast40LinesAndEverythingIsStopped() throws Exception {
        StackConfig config = config(Map.of(Service.PRODUCT, "crash"), Duration.ofSeconds(60));
        Stack stack = new Stack(config, recorder);
        StackException e = assertThrows(StackException.class, stack::start);
        String message = e.getMessage();
        assertTrue(message.startsWith("product-service exited with code 3 before it was ready"), message);
        assertTrue(message.contains("Its last 40 log lines:"), message);
        assertTrue(message.contains("boom line #44#"), message);
        assertTrue(message.contains("boom line #5#"), message);
        assertFalse(message.contains("boom line #4#"), "only the last 40 lines: " + message);
        assertFalse(stack.isRunning());
        for (Service s : Service.values()) {
            long pid = stack.pid(s);
            assertTrue(pid > 0);
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), s + " still runs");
        }
        assertTrue(events.contains("stopping Kafka") && events.contains("stopping PostgreSQL"), events.toString());
        assertTrue(Ports.isFreeNow(config.postgresPort()) && Ports.isFreeNow(config.kafkaPort()));
    }

    @Test
    void aServiceThatNeverGetsReadyTimesOutNamingWhatItAnswered() throws Exception {
        StackConfig config = config(Map.of(Service.FEEDBACK, "never-ready"), Duration.ofSeconds(4));
        StackException e = assertThrows(StackException.class, () -> Stack.start(config, recorder));
        assertTrue(e.getMessage().startsWith("feedback-service was not ready after 4.0 s (GET http://127.0.0.1:"
                + config.port(Service.FEEDBACK) + "/q/health/ready: HTTP 503 {\"status\":\"DOWN\""), e.getMessage());
        assertTrue(e.getMessage().contains("fake feedback-service listening"), e.getMessage());
    }

    @Test
    void aSupervisedServiceThatIsKilledIsStartedAgainWhileTheOthersKeepServing() throws Exception {
        StackConfig config = config(Map.of(), Duration.ofSeconds(60)).toBuilder().supervise(true).build();
        List<String> restarts = Collections.synchronizedList(new ArrayList<>());
        StackListener listener = new StackListener() {
            @Override
            public void serviceRestarting(Instance instance, int exitCode, Duration delay) {
                restarts.add("restarting " + instance.name() + " " + exitCode);
            }

            @Override
            public void serviceRestarted(Instance instance, long pid, Duration took) {
                restarts.add("ready " + instance.name());
            }
        };
        try (Stack stack = Stack.start(config, listener)) {
            long killed = stack.pid(Service.PROJECT);
            long gateway = stack.pid(Service.GATEWAY);
            ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!restarts.contains("ready project-service") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(List.of("restarting project-service 137", "ready project-service"), restarts);
            long again = stack.pid(Service.PROJECT);
            assertTrue(again != killed && ProcessHandle.of(again).map(ProcessHandle::isAlive).orElse(false));
            assertEquals("yes", env(stack.endpoints().projectUrl() + "/env").get("TANDEM_EXTRA"),
                    "started again with the same environment");
            assertEquals(gateway, stack.pid(Service.GATEWAY), "the others were left alone");
            assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.endpoints().gatewayUrl() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    @Test
    void whatADevstackKilledHardLeftRunningIsRecognisedAndStoppedByTheNextStart() throws Exception {
        StackConfig config = config(Map.of(), Duration.ofSeconds(60)).toBuilder().temporaryData(false)
                .dataDir(root.resolve("data")).build();
        Stack stack = Stack.start(config, recorder);
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            pids.put(s, stack.pid(s));
        }
        // as if this devstack had been SIGKILLed: its children and its PostgreSQL run on, nobody owns the folder
        List<String> said = new ArrayList<>();
        List<String> stopped = Leftovers.stop(config, said::add);

        assertEquals(5, stopped.size(), stopped.toString());
        assertTrue(stopped.get(4).startsWith("PostgreSQL (pid "), stopped.toString());
        for (Service s : Service.values()) {
            assertFalse(ProcessHandle.of(pids.get(s)).map(ProcessHandle::isAlive).orElse(false), s + " still runs");
            assertFalse(Files.exists(Stack.pidFile(config.dataDir(), s)));
        }
        assertTrue(Ports.isFreeNow(config.postgresPort()), "PostgreSQL stopped");
        assertTrue(said.get(0).startsWith("stopping what an earlier devstack left running: "), said.toString());
        stack.close();

        // a live devstack owning the folder is never interfered with
        // (a process whose command line names the devstack's main class, as a running devstack's does)
        Process owner = new ProcessBuilder("bash", "-c", "exec -a dev.tandem.devstack.DevStack sleep 60").start();
        try {
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!Leftovers.commandLine(owner.toHandle()).startsWith("dev.tandem.devstack.DevStack")
                    && System.nanoTime() < until) {
                Thread.sleep(20); // until the exec happened
            }
            Files.createDirectories(Leftovers.ownerFile(config.dataDir()).getParent());
            Files.writeString(Leftovers.ownerFile(config.dataDir()), owner.pid() + "\n");
            StackException refused = assertThrows(StackException.class, () -> Leftovers.stop(config, said::add));
            assertTrue(refused.getMessage().startsWith("another devstack (pid " + owner.pid() + ") is running"),
                    refused.getMessage());
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void withTwoReplicasEveryServiceRunsTwiceTheGatewayKnowsBothAndAKilledReplicaAloneIsRestarted() throws Exception {
        StackConfig config = config(Map.of(), Duration.ofSeconds(60)).toBuilder().replicas(2).supervise(true).build();
        List<String> restarts = Collections.synchronizedList(new ArrayList<>());
        StackListener listener = new StackListener() {
            @Override
            public void serviceReady(Instance instance, Duration took) {
                events.add("ready " + instance.name());
            }

            @Override
            public void serviceRestarted(Instance instance, long pid, Duration took) {
                restarts.add("ready " + instance.name());
            }
        };
        try (Stack stack = Stack.start(config, listener)) {
            StackEndpoints e = stack.endpoints();
            assertEquals(8, events.size(), events.toString());
            Instance second = new Instance(Service.PRODUCT, 1);
            assertTrue(events.contains("ready product-service-2") && events.contains("ready gateway-2"), events.toString());
            assertTrue(e.port(second) != e.port(Service.PRODUCT));
            assertEquals(String.valueOf(e.port(second)), env(e.url(second) + "/env").get("QUARKUS_HTTP_PORT"));
            Map<String, String> gateway = env(e.gatewayUrl() + "/env");
            assertEquals(e.productUrl() + "," + e.url(second), gateway.get("TANDEM_GATEWAY_UPSTREAMS_PRODUCT_URL"));
            assertEquals("true", gateway.get("TANDEM_GATEWAY_BOOTSTRAP_ADMIN_KEY"));
            Map<String, String> gateway2 = env(e.url(new Instance(Service.GATEWAY, 1)) + "/env");
            assertEquals(gateway.get("TANDEM_GATEWAY_UPSTREAMS_FEEDBACK_URL"), gateway2.get("TANDEM_GATEWAY_UPSTREAMS_FEEDBACK_URL"));
            assertEquals("false", gateway2.get("TANDEM_GATEWAY_BOOTSTRAP_ADMIN_KEY"), "only the first gateway creates the admin key");

            long first = stack.pid(Service.PRODUCT);
            long killed = stack.pid(second);
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!restarts.contains("ready product-service-2") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(List.of("ready product-service-2"), restarts);
            assertTrue(stack.pid(second) != killed && stack.isAlive(second) && stack.isReady(second));
            assertEquals(first, stack.pid(Service.PRODUCT), "the first product-service was left alone");
        }
    }

    @Test
    void theBrokerCanBeStoppedAndStartedAgainWithItsData() throws Exception {
        StackConfig config = config(Map.of(), Duration.ofSeconds(60));
        try (Stack stack = Stack.start(config, recorder)) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers());
            try (Admin admin = Admin.create(props)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("kept", 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            boolean[] awayMeanwhile = new boolean[1];
            stack.restartKafka(() -> awayMeanwhile[0] = Ports.isFreeNow(config.kafkaPort()));
            assertTrue(awayMeanwhile[0], "the broker's port was free while it was away");
            try (Admin admin = Admin.create(props)) {
                assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("kept"), "the data survived");
            }
        }
    }

    private static Map<String, String> env(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        Map<String, String> env = new java.util.HashMap<>();
        for (String line : r.body().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    /** Tiny alias so the assertions read well. */
    private static final class Ports {
        static boolean isFreeNow(int port) {
            return dev.tandem.devstack.infra.Ports.isFree(port);
        }
    }
}
