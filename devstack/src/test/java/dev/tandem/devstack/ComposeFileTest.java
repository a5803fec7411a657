package dev.tandem.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.tandem.devstack.stack.Service;
import dev.tandem.devstack.stack.Stack;
import dev.tandem.devstack.stack.StackEndpoints;

/**
 * Keeps {@code docker-compose.yml} (which cannot be run here: no Docker engine) in line with the devstack: the same
 * services, the same settings, healthchecks everywhere, start order by health, and Dockerfiles that exist.
 */
class ComposeFileTest {

    private static final List<String> ALL = List.of("postgres", "kafka", "product-service", "project-service",
            "feedback-service", "gateway");

    private static Path repo;
    private static JsonNode services;

    @BeforeAll
    static void parse() throws IOException {
        repo = RepoRoot.findFrom(Path.of("").toAbsolutePath());
        if (repo == null) {
            repo = Path.of(System.getProperty("tandem.repo.root"));
        }
        Path compose = repo.resolve("docker-compose.yml");
        assertTrue(Files.isRegularFile(compose), "docker-compose.yml at the repository root " + repo);
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(compose.toFile());
        services = root.path("services");
        assertTrue(services.isObject(), "a services: map");
    }

    @Test
    void hasExactlyTheSixServices() {
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(ALL), names);
    }

    @Test
    void everyServiceHasAHealthcheck() {
        for (String name : ALL) {
            JsonNode test = services.path(name).path("healthcheck").path("test");
            assertFalse(test.isMissingNode() || test.isNull() || test.isEmpty(), name + " has a healthcheck test");
            String command = text(test);
            assertTrue(command.startsWith("CMD"), name + ": " + command);
        }
        assertTrue(text(services.path("postgres").path("healthcheck").path("test")).contains("pg_isready"));
        assertTrue(text(services.path("kafka").path("healthcheck").path("test")).contains("--bootstrap-server localhost:9092"));
        for (Service s : Service.values()) {
            String command = text(services.path(s.module()).path("healthcheck").path("test"));
            assertTrue(command.contains("/dev/tcp/127.0.0.1/8080") && command.contains("GET /q/health/ready")
                    && command.contains(" 200 "), s.module() + ": " + command);
        }
    }

    @Test
    void everyServiceGetsTheSameSettingsTheDevstackPasses(@org.junit.jupiter.api.io.TempDir java.nio.file.Path keysDir)
            throws IOException {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, String> jdbc = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, s.defaultPort());
            jdbc.put(s, "jdbc:postgresql://127.0.0.1:5432/" + s.database());
        }
        StackEndpoints endpoints = new StackEndpoints(ports, Map.of(), jdbc, "127.0.0.1:9092", 9092, 5432, "postgres",
                "", null, 3025, 3143, null);
        for (Service s : Service.values()) {
            Map<String, String> env = environment(s.module());
            Set<String> devstack = new java.util.HashSet<>(Stack.serviceEnvironment(s, endpoints).keySet());
            assertTrue(env.keySet().containsAll(devstack), s.module() + " lacks " + missing(devstack, env.keySet()));
            // the internal token keys: the devstack makes a pair per data folder, compose takes it from .env; the
            // bootstrap admin key is the devstack's alone
            String key = s == Service.GATEWAY ? Stack.ENV_INTERNAL_TOKEN_PRIVATE_KEY : Stack.ENV_SECURITY_PUBLIC_KEY;
            assertTrue(env.containsKey(key), s.module() + " lacks " + key);
            assertTrue(Stack.localEnvironment(s, keysDir).containsKey(key), key + " is what the devstack passes");
            devstack.add(key);
            for (String name : env.keySet()) {
                if (name.startsWith("QUARKUS_") || name.startsWith("KAFKA_") || name.startsWith("TANDEM_")) {
                    assertTrue(devstack.contains(name), s.module() + ": " + name + " is not a setting the devstack passes");
                }
            }
            assertEquals("8080", env.get("QUARKUS_HTTP_PORT"), s.module());
            assertEquals("jdbc:postgresql://postgres:5432/" + s.database(), env.get("QUARKUS_DATASOURCE_JDBC_URL"), s.module());
            assertEquals("postgres", env.get("QUARKUS_DATASOURCE_USERNAME"), s.module());
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), s.module());
        }
        Map<String, String> gateway = environment("gateway");
        assertEquals("http://product-service:8080", gateway.get("TANDEM_GATEWAY_UPSTREAMS_PRODUCT_URL"));
        assertEquals("http://project-service:8080", gateway.get("TANDEM_GATEWAY_UPSTREAMS_PROJECT_URL"));
        assertEquals("http://feedback-service:8080", gateway.get("TANDEM_GATEWAY_UPSTREAMS_FEEDBACK_URL"));
        assertEquals(environment("postgres").get("POSTGRES_PASSWORD"), environment("product-service").get("QUARKUS_DATASOURCE_PASSWORD"),
                "the services use the password the database is created with");
    }

    @Test
    void customersAreToldByMailOnlyWhenTheDeploymentSaysSo() {
        Map<String, String> feedback = environment("feedback-service");
        // off unless configured: compose has no mail server of its own, the operator names a relay in .env
        assertEquals("${TANDEM_LOOP_MAIL_ENABLED:-false}", feedback.get(Stack.ENV_LOOP_MAIL_ENABLED));
        assertEquals("false", feedback.get(Stack.ENV_MAILER_MOCK));
        for (String name : List.of(Stack.ENV_MAILER_HOST, Stack.ENV_MAILER_PORT, Stack.ENV_MAILER_FROM)) {
            assertTrue(feedback.get(name).startsWith("${"), name + " comes from the deployment's environment");
        }
        for (String other : List.of("product-service", "project-service", "gateway")) {
            assertFalse(environment(other).containsKey(Stack.ENV_MAILER_HOST), other + " sends no mail");
        }
    }

    @Test
    void everyBuiltServiceHasItsDockerfile() throws IOException {
        for (Service s : Service.values()) {
            JsonNode build = services.path(s.module()).path("build");
            assertTrue(build.isObject(), s.module() + " is built");
            Path context = repo.resolve(build.path("context").asText()).normalize();
            assertEquals(repo.resolve(s.module()), context, s.module() + " builds from its module folder");
            Path dockerfile = context.resolve(build.path("dockerfile").asText());
            assertEquals(context.resolve("src/main/docker/Dockerfile"), dockerfile);
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " exists");
            String text = Files.readString(dockerfile);
            assertTrue(text.contains("FROM eclipse-temurin:17-jre"), dockerfile.toString());
            for (String part : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                    "target/quarkus-app/quarkus/", "quarkus-run.jar")) {
                assertTrue(text.contains(part), dockerfile + " copies/runs " + part);
            }
        }
        for (String image : List.of("postgres", "kafka")) {
            assertTrue(services.path(image).path("build").isMissingNode(), image + " is an image, not built");
        }
        assertEquals("postgres:17", services.path("postgres").path("image").asText());
        assertEquals("apache/kafka:4.1.1", services.path("kafka").path("image").asText());
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        for (Service s : Service.values()) {
            JsonNode deps = services.path(s.module()).path("depends_on");
            assertTrue(deps.isObject(), s.module() + ": depends_on in the long form, with conditions");
            Set<String> needs = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> dep = it.next();
                needs.add(dep.getKey());
                assertEquals("service_healthy", dep.getValue().path("condition").asText(), s.module() + " -> " + dep.getKey());
            }
            Set<String> expected = new TreeSet<>(List.of("postgres", "kafka"));
            if (s == Service.GATEWAY) {
                expected.addAll(List.of("product-service", "project-service", "feedback-service"));
            }
            assertEquals(expected, needs, s.module());
        }
    }

    @Test
    void onlyTheGatewayIsPublishedOn8080() {
        for (String name : ALL) {
            JsonNode ports = services.path(name).path("ports");
            if (name.equals("gateway")) {
                assertEquals(1, ports.size());
                assertEquals("8080:8080", ports.get(0).asText());
            } else {
                assertTrue(ports.isMissingNode() || ports.isEmpty(), name + " publishes no port");
            }
        }
    }

    @Test
    void kafkaIsASingleKraftNode() {
        Map<String, String> env = environment("kafka");
        assertEquals("1", env.get("KAFKA_NODE_ID"));
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        assertEquals("PLAINTEXT://:9092,CONTROLLER://:9093", env.get("KAFKA_LISTENERS"));
        assertEquals("PLAINTEXT://kafka:9092", env.get("KAFKA_ADVERTISED_LISTENERS"));
        assertEquals("1@kafka:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
        assertEquals("CONTROLLER", env.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
        for (String rf : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR")) {
            assertEquals("1", env.get(rf), rf);
        }
        assertTrue(volumes("kafka").stream().anyMatch(v -> v.endsWith(":" + env.get("KAFKA_LOG_DIRS"))),
                "the log dirs are on a volume");
    }

    @Test
    void postgresKeepsItsDataOnAVolumeAndCreatesTheFourDatabases() throws IOException {
        List<String> volumes = volumes("postgres");
        assertTrue(volumes.stream().anyMatch(v -> v.endsWith(":/var/lib/postgresql/data")), volumes.toString());
        String init = volumes.stream().filter(v -> v.contains("docker-entrypoint-initdb.d")).findFirst()
                .orElseGet(() -> fail("the init script is mounted"));
        Path script = repo.resolve(init.substring(0, init.indexOf(':'))).normalize();
        assertTrue(Files.isRegularFile(script), script + " exists");
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("(?im)^\\s*CREATE\\s+DATABASE\\s+(\\w+)\\s*;").matcher(Files.readString(script));
        while (m.find()) {
            created.add(m.group(1));
        }
        Set<String> expected = new TreeSet<>();
        for (Service s : Service.values()) {
            expected.add(s.database());
        }
        assertEquals(expected, created);
    }

    // ---------------------------------------------------------------- helpers

    /** The environment: map, or list of NAME=value. */
    private static Map<String, String> environment(String service) {
        JsonNode env = services.path(service).path("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env.isObject()) {
            env.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        } else if (env.isArray()) {
            for (JsonNode item : env) {
                String s = item.asText();
                int eq = s.indexOf('=');
                result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        assertNotNull(result);
        return result;
    }

    private static List<String> volumes(String service) {
        List<String> result = new ArrayList<>();
        services.path(service).path("volumes").forEach(v -> result.add(v.asText()));
        return result;
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            return String.join(" ", parts);
        }
        return node.asText();
    }

    private static Set<String> missing(Set<String> wanted, Set<String> have) {
        Set<String> m = new TreeSet<>(wanted);
        m.removeAll(have);
        return m;
    }
}
