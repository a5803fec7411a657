package dev.tandem.devstack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tandem.devstack.infra.Ports;
import dev.tandem.devstack.stack.LogSink;
import dev.tandem.devstack.stack.Service;
import dev.tandem.devstack.stack.StackConfig;
import dev.tandem.devstack.stack.StackException;

class DevStackTest {

    @TempDir
    Path repo;

    @BeforeEach
    void fakeBuiltServices() throws IOException {
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("devstack"));
        Files.writeString(repo.resolve("devstack").resolve("pom.xml"), "<project/>");
        for (Service s : Service.values()) {
            Files.createDirectories(s.runnableJar(repo).getParent());
            Files.writeString(s.runnableJar(repo), "not really a jar");
        }
    }

    /** Every port free, so only what a test occupies is in use. */
    private StackConfig.Builder freePorts() {
        return StackConfig.forTests(repo).toBuilder();
    }

    @Test
    void preflightRefusesAServicePortThatIsInUseNamingTheVariableToChange() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0)); // the wildcard address, as a Quarkus service binds
            int port = taken.getLocalPort();
            StackConfig config = freePorts().port(Service.PRODUCT, port).build();
            StackException e = assertThrows(StackException.class, () -> DevStack.preflight(config));
            assertEquals("port " + port + " (product-service) is in use — stop what uses it or set TANDEM_PRODUCT_PORT",
                    e.getMessage());
        }
    }

    @Test
    void preflightRefusesAPostgresPortHeldOnLoopbackOnly() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            StackConfig config = freePorts().postgresPort(port).build();
            StackException e = assertThrows(StackException.class, () -> DevStack.preflight(config));
            assertEquals("port " + port + " (PostgreSQL) is in use — stop what uses it or set TANDEM_PG_PORT", e.getMessage());
        }
    }

    @Test
    void preflightRefusesAMailPortThatIsInUseNamingTheVariableToChange() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            StackConfig config = freePorts().smtpPort(port).build();
            StackException e = assertThrows(StackException.class, () -> DevStack.preflight(config));
            assertEquals("port " + port + " (mail (SMTP)) is in use — stop what uses it or set TANDEM_SMTP_PORT",
                    e.getMessage());
        }
    }

    @Test
    void theSummarySaysWhereTheMailsCanBeRead() {
        Map<Service, Integer> ports = new java.util.EnumMap<>(Service.class);
        Map<Service, String> jdbc = new java.util.EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, s.defaultPort());
            jdbc.put(s, "jdbc:postgresql://127.0.0.1:5432/" + s.database());
        }
        Path data = Path.of("").toAbsolutePath().resolve(".devstack");
        dev.tandem.devstack.stack.StackEndpoints e = new dev.tandem.devstack.stack.StackEndpoints(ports, Map.of(),
                jdbc, "127.0.0.1:9092", 9092, 5432, "postgres", "", data, 3025, 3143, data.resolve("mail"));
        assertEquals("127.0.0.1:3025 — received mails in .devstack/mail/ (and IMAP 127.0.0.1:3143, login = password"
                + " = the address)", DevStack.mailLine(e));
    }

    @Test
    void preflightNamesTheEarlierDevstacksProcessWhenItsPidFileSaysSo() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            Path dataDir = repo.resolve(".devstack");
            Path pidFile = dataDir.resolve("pids").resolve("gateway.pid");
            Files.createDirectories(pidFile.getParent());
            long myPid = ProcessHandle.current().pid(); // alive, standing in for a leftover gateway
            Files.writeString(pidFile, myPid + "\n");
            StackConfig config = freePorts().temporaryData(false).dataDir(dataDir).port(Service.GATEWAY, port).build();
            StackException e = assertThrows(StackException.class, () -> DevStack.preflight(config));
            assertTrue(e.getMessage().startsWith("port " + port + " (gateway) is in use — stop what uses it or set TANDEM_GATEWAY_PORT"
                    + " (probably left running by an earlier devstack: pid " + myPid), e.getMessage());
        }
    }

    @Test
    void preflightPassesWhenEverythingIsFreeAndBuilt() {
        assertDoesNotThrow(() -> DevStack.preflight(freePorts().build()));
    }

    @Test
    void preflightRefusesMissingJarsWithTheBuildCommand() throws IOException {
        Files.delete(Service.FEEDBACK.runnableJar(repo));
        StackException e = assertThrows(StackException.class, () -> DevStack.preflight(freePorts().build()));
        assertTrue(e.getMessage().startsWith("feedback-service is not built (feedback-service/target/quarkus-app/quarkus-run.jar is missing)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("./mvnw -DskipTests install"), e.getMessage());
    }

    @Test
    void preflightRefusesTwoComponentsOnOnePort() {
        int port = Ports.free();
        StackConfig config = freePorts().port(Service.PRODUCT, port).port(Service.PROJECT, port).build();
        StackException e = assertThrows(StackException.class, () -> DevStack.preflight(config));
        assertEquals("port " + port + " is given to both product-service and project-service — set TANDEM_PROJECT_PORT"
                + " or TANDEM_PRODUCT_PORT to another port", e.getMessage());
    }

    @Test
    void replicasComeFromTheOptionOrTheEnvironmentAndTheFurtherInstancesListenTenPortsAbove() {
        List<String> options = new java.util.ArrayList<>(List.of("--reset", "--replicas", "2"));
        assertEquals(java.util.Optional.of(2), DevStack.replicasOption(options));
        assertEquals(List.of("--reset"), options, "the option and its value are taken out");
        assertEquals(java.util.Optional.of(3), DevStack.replicasOption(new java.util.ArrayList<>(List.of("--replicas=3"))));
        StackException tooMany = assertThrows(StackException.class,
                () -> DevStack.replicasOption(new java.util.ArrayList<>(List.of("--replicas", "9"))));
        assertEquals("--replicas must be a number from 1 to 3, not '9'", tooMany.getMessage());
        assertThrows(StackException.class, () -> DevStack.replicasOption(new java.util.ArrayList<>(List.of("--replicas"))));

        StackConfig config = DevStack.configFrom(Map.of("TANDEM_REPLICAS", "2"), repo).build();
        assertEquals(2, config.replicas());
        assertEquals(8091, config.port(new dev.tandem.devstack.stack.Instance(Service.PRODUCT, 1)));
        assertEquals(8090, config.port(new dev.tandem.devstack.stack.Instance(Service.GATEWAY, 1)));
        assertEquals(8, config.instances().size());
        assertTrue(config.portAssignments().stream().anyMatch(a -> a.component().equals("feedback-service-2")
                && a.port() == 8093), config.portAssignments().toString());
    }

    @Test
    void defaultsAreTheFixedPortsAndTheRepositorysDevstackFolder() {
        StackConfig config = DevStack.configFrom(Map.of(), repo).build();
        assertEquals(8080, config.port(Service.GATEWAY));
        assertEquals(8081, config.port(Service.PRODUCT));
        assertEquals(8082, config.port(Service.PROJECT));
        assertEquals(8083, config.port(Service.FEEDBACK));
        assertEquals(5432, config.postgresPort());
        assertEquals(9092, config.kafkaPort());
        assertEquals(3025, config.smtpPort());
        assertEquals(3143, config.imapPort());
        assertEquals(repo.toAbsolutePath().resolve(".devstack"), config.dataDir());
        assertEquals(List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=48m"), config.jvmOptions());
        assertEquals(Duration.ofSeconds(180), config.readyTimeout());
        assertEquals(false, config.temporaryData());
    }

    @Test
    void environmentOverridesEverySetting() {
        Map<String, String> env = new HashMap<>();
        env.put("TANDEM_GATEWAY_PORT", "18080");
        env.put("TANDEM_PRODUCT_PORT", "18081");
        env.put("TANDEM_PROJECT_PORT", "18082");
        env.put("TANDEM_FEEDBACK_PORT", " 18083 ");
        env.put("TANDEM_PG_PORT", "15432");
        env.put("TANDEM_KAFKA_PORT", "19092");
        env.put("TANDEM_SMTP_PORT", "13025");
        env.put("TANDEM_IMAP_PORT", "13143");
        env.put("TANDEM_DATA_DIR", repo.resolve("elsewhere").toString());
        env.put("TANDEM_READY_TIMEOUT", "30");
        env.put("TANDEM_SERVICE_JAVA_OPTS", "-Xmx512m  -XX:+UseG1GC");
        StackConfig config = DevStack.configFrom(env, repo).build();
        assertEquals(18080, config.port(Service.GATEWAY));
        assertEquals(18081, config.port(Service.PRODUCT));
        assertEquals(18082, config.port(Service.PROJECT));
        assertEquals(18083, config.port(Service.FEEDBACK));
        assertEquals(15432, config.postgresPort());
        assertEquals(19092, config.kafkaPort());
        assertEquals(13025, config.smtpPort());
        assertEquals(13143, config.imapPort());
        assertEquals(repo.resolve("elsewhere"), config.dataDir());
        assertEquals(Duration.ofSeconds(30), config.readyTimeout());
        assertEquals(List.of("-Xmx512m", "-XX:+UseG1GC"), config.jvmOptions());
    }

    @Test
    void aBadPortValueIsRefusedWithTheVariableName() {
        StackException e = assertThrows(StackException.class,
                () -> DevStack.configFrom(Map.of("TANDEM_KAFKA_PORT", "90920"), repo));
        assertEquals("TANDEM_KAFKA_PORT must be a port number between 1 and 65535, not '90920'", e.getMessage());
        e = assertThrows(StackException.class, () -> DevStack.configFrom(Map.of("TANDEM_PRODUCT_PORT", "abc"), repo));
        assertEquals("TANDEM_PRODUCT_PORT must be a port number between 1 and 65535, not 'abc'", e.getMessage());
    }

    @Test
    void helpPrintsUsageAndUnknownOptionsAreRefused() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        DevStack devStack = new DevStack(Map.of(), LogSink.discard(), false);
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertEquals(0, devStack.run(new String[] {"--help"}, System.nanoTime()));
        } finally {
            System.setOut(original);
        }
        String usage = captured.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Usage: ./run"), usage);
        for (String name : List.of("TANDEM_GATEWAY_PORT", "TANDEM_PRODUCT_PORT", "TANDEM_PROJECT_PORT", "TANDEM_FEEDBACK_PORT",
                "TANDEM_PG_PORT", "TANDEM_KAFKA_PORT", "TANDEM_SMTP_PORT", "TANDEM_IMAP_PORT", "TANDEM_DATA_DIR",
                "--reset")) {
            assertTrue(usage.contains(name), name);
        }
        StackException e = assertThrows(StackException.class, () -> devStack.run(new String[] {"--frobnicate"}, 0));
        assertEquals("unknown option --frobnicate — see --help", e.getMessage());
    }

    @Test
    void theRepositoryRootIsFoundFromBelowIt() throws IOException {
        Path deep = Files.createDirectories(repo.resolve("product-service").resolve("src"));
        assertEquals(repo.toAbsolutePath().normalize(), RepoRoot.findFrom(deep));
        assertEquals(null, RepoRoot.findFrom(repo.getRoot()));
    }

    @Test
    void debugOnlyWhenAskedFor() {
        assertTrue(DevStack.isDebug(Map.of("TANDEM_DEBUG", "1")));
        assertTrue(DevStack.isDebug(Map.of("TANDEM_DEBUG", "true")));
        assertEquals(false, DevStack.isDebug(Map.of()));
        assertEquals(false, DevStack.isDebug(Map.of("TANDEM_DEBUG", "0")));
    }
}
