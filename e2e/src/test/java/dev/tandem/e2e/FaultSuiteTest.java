package dev.tandem.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.devstack.stack.Instance;
import dev.tandem.devstack.stack.LogSink;
import dev.tandem.devstack.stack.Service;
import dev.tandem.devstack.stack.Stack;
import dev.tandem.devstack.stack.StackConfig;
import dev.tandem.devstack.stack.StackEndpoints;
import dev.tandem.e2e.EventLog.Event;
import dev.tandem.events.EventType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Faults under a steady write load (issue #13): nothing a client was told succeeded is lost, nothing takes effect
 * twice, every replica and derived figure converges, nothing is dead-lettered.
 *
 * <p>A stack of its own (supervised, as {@code ./run} runs it), once with one instance of every service and once
 * with two ({@code --replicas 2}: the gateway balances over both, the consumers share their groups). Three client
 * threads write through the gateway the whole time: product creates, feedback linked to a feature (demand is
 * counted by product-service from feedback-service's events) and features moved to COMMITTED (project-service
 * proposes a project from product-service's events). A client retries what failed the way an integrator's would:
 * creates with the same {@code Idempotency-Key}, a status move after reading the feature again (with its new ETag).
 * A write counts as acknowledged when it was answered 2xx.
 *
 * <p>The faults, one after the other, each while the load runs: product-service's (first) instance is SIGKILLed and
 * the supervisor starts it again; the Kafka broker is stopped for 10 s and started again on its data; feedback-service's
 * database refuses every connection for 30 s ({@code ALLOW_CONNECTIONS false}, its sessions terminated). After each,
 * the load stops and the suite waits until every acknowledged write is readable, has its events on Kafka (the same
 * {@code ce_id} at most repeated; each aggregate's sequence 1..n), is in feedback-service's catalog, counted in the
 * feature's demand and proposed as a project exactly once, and no dead-letter topic holds a record. It prints, per
 * fault, what was acknowledged, lost, duplicated and how long it took to converge.
 *
 * <p>Runs beside the other system tests, and its two runs beside each other (each stack is its own, and the suite
 * mostly waits on its faults), but never beside {@link AbuseSuiteTest}, which counts slow answers
 * ({@link SystemTests#TIMED}).
 */
@Execution(ExecutionMode.CONCURRENT)
class FaultSuiteTest {

    private static final Duration CONVERGE_WITHIN = Duration.ofSeconds(180);
    private static final Duration CLIENT_GIVES_UP_AFTER = Duration.ofSeconds(150);
    private static final Path REPORT = Path.of("target", "fault-suite.txt");

    // Two methods, not one parameterised test: JUnit runs the children of a node that holds a resource lock one after
    // the other, so the lock is on each run, shared (READ) between them and exclusive to AbuseSuiteTest (READ_WRITE).

    @Test
    @DisplayName("one instance of every service: nothing acknowledged is lost or applied twice when a service, the "
            + "broker or a database fails")
    @ResourceLock(value = SystemTests.TIMED, mode = ResourceAccessMode.READ)
    void oneInstanceOfEveryService() throws Exception {
        nothingAcknowledgedIsLostOrAppliedTwiceWhenAServiceTheBrokerOrADatabaseFails(1);
    }

    @Test
    @DisplayName("two instances of every service: nothing acknowledged is lost or applied twice when a service, the "
            + "broker or a database fails")
    @ResourceLock(value = SystemTests.TIMED, mode = ResourceAccessMode.READ)
    void twoInstancesOfEveryService() throws Exception {
        nothingAcknowledgedIsLostOrAppliedTwiceWhenAServiceTheBrokerOrADatabaseFails(2);
    }

    private static void nothingAcknowledgedIsLostOrAppliedTwiceWhenAServiceTheBrokerOrADatabaseFails(int replicas)
            throws Exception {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        StackConfig config = StackConfig.forTests(repoRoot).toBuilder().replicas(replicas).supervise(true)
                .output(LogSink.toFile(Path.of("target", "fault-stack-" + replicas + ".log"))).build();
        try (Stack stack = Stack.start(config)) {
            Rig rig = new Rig(stack);
            List<Outcome> outcomes = new ArrayList<>();
            Instance victim = Instance.first(Service.PRODUCT);
            outcomes.add(rig.underLoad("SIGKILL " + victim.name() + ", restarted", () -> {
                long pid = stack.pid(victim);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                awaitTrue(() -> stack.pid(victim) != pid && stack.isReady(victim), Duration.ofSeconds(150),
                        victim.name() + " to be restarted and ready");
            }));
            outcomes.add(rig.underLoad("broker stopped 10 s, started again",
                    () -> stack.restartKafka(() -> sleep(Duration.ofSeconds(10)))));
            outcomes.add(rig.underLoad("feedback database refuses connections 30 s",
                    () -> refuseConnections(stack.endpoints(), Service.FEEDBACK.database(), Duration.ofSeconds(30))));
            report(replicas, outcomes);
            for (Outcome o : outcomes) {
                assertTrue(o.converged(), o.fault() + ": did not converge within " + CONVERGE_WITHIN.toSeconds()
                        + " s; still open: " + o.open());
                assertEquals(0, o.lost(), o.fault() + ": lost " + o.open());
                assertEquals(0, o.appliedTwice(), o.fault() + ": applied twice or out of order " + o.open());
                assertEquals(0, o.deadLetters(), o.fault() + ": dead-lettered");
                assertEquals(List.of(), o.refusals(), o.fault() + ": writes refused with a 4xx");
                assertTrue(o.acknowledged() > 0, o.fault() + ": nothing acknowledged, the load did not run");
            }
        }
    }

    // ---------------------------------------------------------------- one fault

    record Outcome(String fault, int replicas, int products, int links, int commits, int lost, int duplicates,
                   int appliedTwice, long deadLetters, boolean converged, Duration convergedAfter, List<String> open,
                   List<String> refusals, int retries) {

        int acknowledged() {
            return products + links + commits;
        }
    }

    /** The stack under test, the client's own key and the records every phase writes against. */
    private static final class Rig {

        private final Stack stack;
        private final StackEndpoints endpoints;
        private final Client client;
        private final String productId;
        private final String customerId;

        Rig(Stack stack) {
            this.stack = stack;
            this.endpoints = stack.endpoints();
            String admin = awaitAdminKey(stack);
            ObjectNode keyRequest = GatewayClient.object().put("name", "fault-suite").put("rateLimitPerMinute", 1_000_000);
            keyRequest.putArray("scopes").add("products:read").add("products:write").add("projects:read")
                    .add("feedback:read").add("feedback:write");
            Client adminClient = new Client(endpoints.gatewayUrl(), admin);
            this.client = new Client(endpoints.gatewayUrl(),
                    adminClient.once("POST", "/api/v1/admin/api-keys", keyRequest, null, null).expect(201)
                            .path("secret").asText());
            this.productId = client.retrying("POST", "/api/v1/products", GatewayClient.object()
                    .put("key", "FS" + hex(6)).put("name", "Fault suite").put("vision", "Nothing lost")
                    .put("owner", "pm@example.com"), UUID.randomUUID().toString()).expect(201).path("id").asText();
            ObjectNode customer = GatewayClient.object().put("externalCrmId", "crm-" + UUID.randomUUID())
                    .put("name", "Fault Customer").put("segment", "SMB").put("tier", "GROWTH")
                    .put("contactEmail", "faults@example.com");
            customer.set("annualRevenue", GatewayClient.money("10000.00", "EUR"));
            this.customerId = client.retrying("POST", "/api/v1/customers", customer, UUID.randomUUID().toString())
                    .expect(201).path("id").asText();
            awaitTrue(() -> client.once("GET", "/api/v1/catalog/products/" + productId, null, null, null).status() == 200,
                    Duration.ofSeconds(60), "feedback-service's catalog to hold the product");
        }

        Outcome underLoad(String fault, Runnable inject) throws Exception {
            String feature = createFeature("Demand " + fault);
            awaitTrue(() -> client.once("GET", "/api/v1/catalog/features/" + feature, null, null, null).status() == 200,
                    Duration.ofSeconds(60), "the catalog to hold the phase's feature");
            Load load = new Load(client, productId, customerId, feature);
            load.start(3);
            sleep(Duration.ofSeconds(5));
            inject.run();
            sleep(Duration.ofSeconds(5));
            load.stop(CLIENT_GIVES_UP_AFTER.plusSeconds(30));
            long stopped = System.nanoTime();
            Check check = new Check(client, endpoints, productId, feature, load);
            boolean converged = check.until(CONVERGE_WITHIN);
            Duration after = Duration.ofNanos(System.nanoTime() - stopped);
            return new Outcome(fault, stack.config().replicas(), load.products.size(), load.links.size(),
                    load.commits.size(), check.lost(), check.duplicates, check.appliedTwice, check.deadLetters,
                    converged, after, check.open(), List.copyOf(load.refusals), load.retries.get());
        }

        private String createFeature(String title) {
            return client.retrying("POST", "/api/v1/features", featureBody(productId, title),
                    UUID.randomUUID().toString()).expect(201).path("id").asText();
        }
    }

    static ObjectNode featureBody(String productId, String title) {
        return GatewayClient.object().put("productId", productId).put("title", title).put("problem", "Customers ask")
                .put("reach", 10).put("impact", 1).put("confidence", 100).put("effort", 1);
    }

    // ---------------------------------------------------------------- the load

    /** Client threads writing in turn: a product, a linked feedback, a feature moved to COMMITTED. */
    private static final class Load {

        final List<String> products = Collections.synchronizedList(new ArrayList<>());
        /** Feedback ids whose link to the phase's feature was acknowledged. */
        final List<String> links = Collections.synchronizedList(new ArrayList<>());
        /** Features acknowledged as COMMITTED. */
        final List<String> commits = Collections.synchronizedList(new ArrayList<>());
        final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger retries;
        private final Client client;
        private final String productId;
        private final String customerId;
        private final String feature;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Load(Client client, String productId, String customerId, String feature) {
            this.client = client;
            this.productId = productId;
            this.customerId = customerId;
            this.feature = feature;
            this.retries = client.retries;
            client.retries.set(0);
        }

        void start(int workers) {
            for (int w = 0; w < workers; w++) {
                int first = w;
                Thread t = new Thread(() -> {
                    for (int op = first; running; op++) {
                        try {
                            switch (op % 3) {
                                case 0 -> createProduct();
                                case 1 -> linkFeedback();
                                default -> commitFeature();
                            }
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "fault-load-" + w);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        void stop(Duration wait) throws InterruptedException {
            running = false;
            long deadline = System.nanoTime() + wait.toNanos();
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }

        private void createProduct() {
            ObjectNode body = GatewayClient.object().put("key", "F" + hex(9)).put("name", "Load product")
                    .put("vision", "Survives faults").put("owner", "pm@example.com");
            body.putArray("targetSegments").add("SMB");
            Answer a = client.retrying("POST", "/api/v1/products", body, UUID.randomUUID().toString());
            if (acknowledged(a, 201, "create product")) {
                products.add(a.body().path("id").asText());
            }
        }

        private void linkFeedback() {
            Answer created = client.retrying("POST", "/api/v1/feedback", GatewayClient.object().put("source", "SUPPORT")
                    .put("externalReference", "FS-" + UUID.randomUUID()).put("customerId", customerId)
                    .put("productId", productId).put("title", "Slow payouts").put("text", "Please make it faster."),
                    UUID.randomUUID().toString());
            if (!acknowledged(created, 201, "create feedback")) {
                return;
            }
            String id = created.body().path("id").asText();
            Answer linked = client.retrying("POST", "/api/v1/feedback/" + id + "/links", GatewayClient.object()
                    .put("featureId", feature).put("importance", "IMPORTANT").put("linkedBy", "fault-suite"),
                    UUID.randomUUID().toString());
            if (acknowledged(linked, 201, "link feedback " + id)) {
                links.add(id);
            }
        }

        private void commitFeature() {
            Answer created = client.retrying("POST", "/api/v1/features", featureBody(productId, "Committed " + hex(4)),
                    UUID.randomUUID().toString());
            if (!acknowledged(created, 201, "create feature")) {
                return;
            }
            String id = created.body().path("id").asText();
            for (String status : List.of("CANDIDATE", "PLANNED", "COMMITTED")) {
                if (!client.moveTo("/api/v1/features/" + id, status, refusals)) {
                    return;
                }
            }
            commits.add(id);
        }

        private boolean acknowledged(Answer a, int expected, String what) {
            if (a != null && a.status() == expected) {
                return true;
            }
            if (a != null) { // null: the client gave up on a write that kept failing, it was never acknowledged
                refusals.add(what + " → " + a.status() + " " + a.body());
            }
            return false;
        }
    }

    // ---------------------------------------------------------------- the checks

    /** Everything that must hold once the load has stopped; re-checked until it does (what held stays checked). */
    private static final class Check {

        private final Client client;
        private final StackEndpoints endpoints;
        private final String productId;
        private final String feature;
        private final Load load;
        private final Set<String> readable = new HashSet<>();
        private final Set<String> inCatalog = new HashSet<>();
        private final List<String> open = new ArrayList<>();
        int duplicates;
        int appliedTwice;
        long deadLetters;

        Check(Client client, StackEndpoints endpoints, String productId, String feature, Load load) {
            this.client = client;
            this.endpoints = endpoints;
            this.productId = productId;
            this.feature = feature;
            this.load = load;
        }

        boolean until(Duration within) {
            try (EventLog log = new EventLog(endpoints.kafkaBootstrapServers())) {
                // in this thread: the event log's consumer is not to be shared between threads
                await("every acknowledged write applied once").atMost(within).pollInSameThread()
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
                            open.clear();
                            checkOnce(log);
                            return open.isEmpty() && appliedTwice == 0 && deadLetters == 0;
                        });
                return true;
            } catch (ConditionTimeoutException e) {
                return false;
            }
        }

        int lost() {
            return open.size();
        }

        List<String> open() {
            return open.size() > 20 ? List.copyOf(open.subList(0, 20)) : List.copyOf(open);
        }

        private void checkOnce(EventLog log) {
            for (String id : List.copyOf(load.products)) {
                if (!readable.contains(id)) {
                    if (client.once("GET", "/api/v1/products/" + id, null, null, null).status() == 200) {
                        readable.add(id);
                    } else {
                        open.add("product " + id + " not readable");
                    }
                }
                if (!inCatalog.contains(id)) {
                    if (client.once("GET", "/api/v1/catalog/products/" + id, null, null, null).status() == 200) {
                        inCatalog.add(id);
                    } else {
                        open.add("product " + id + " not in feedback-service's catalog");
                    }
                }
            }
            int twice = 0;
            Answer demand = client.once("GET", "/api/v1/features/" + feature, null, null, null);
            int counted = demand.body().path("demand").path("feedbackCount").asInt(-1);
            if (counted != load.links.size()) {
                open.add("feature " + feature + " counts " + counted + " linked feedback, acknowledged "
                        + load.links.size());
                twice += Math.max(0, counted - load.links.size());
            }
            Map<String, Integer> proposals = proposals();
            for (String f : List.copyOf(load.commits)) {
                int n = proposals.getOrDefault(f, 0);
                if (n == 0) {
                    open.add("no project proposed for committed feature " + f);
                } else if (n > 1) {
                    twice += n - 1;
                }
            }
            Set<String> subjects = new LinkedHashSet<>();
            subjects.addAll(load.products);
            subjects.addAll(load.links);
            subjects.addAll(load.commits);
            List<Event> events = log.readFor(Duration.ofSeconds(1), subjects);
            expectEvent(events, load.products, EventType.PRODUCT_CREATED.type());
            expectEvent(events, load.links, EventType.FEEDBACK_LINKED.type());
            expectEvent(events, load.commits, EventType.FEATURE_COMMITTED.type());
            duplicates = 0;
            Map<String, Event> byId = new HashMap<>();
            Map<String, List<Long>> sequences = new HashMap<>();
            for (Event e : events) {
                if (byId.putIfAbsent(e.cloudEvent().getSource() + " " + e.id(), e) != null) {
                    duplicates++; // redelivered with the same ce_id: consumers' inboxes drop it
                    continue;
                }
                sequences.computeIfAbsent(e.topic() + " " + e.subject(), k -> new ArrayList<>()).add(e.sequence());
            }
            for (Map.Entry<String, List<Long>> entry : sequences.entrySet()) {
                List<Long> seq = entry.getValue();
                for (int i = 0; i < seq.size(); i++) {
                    if (seq.get(i) != i + 1) {
                        open.add(entry.getKey() + ": event sequence " + seq + " (a gap, a repeat under a new id, or a step back)");
                        if (seq.get(i) <= i) {
                            twice++; // an event repeated under another id, or out of order
                        }
                        break;
                    }
                }
            }
            appliedTwice = twice;
            deadLetters = deadLetters();
            if (deadLetters > 0) {
                open.add(deadLetters + " record(s) on dead-letter topics");
            }
        }

        private void expectEvent(List<Event> events, List<String> subjects, String type) {
            Set<String> seen = new HashSet<>();
            events.stream().filter(e -> type.equals(e.type())).forEach(e -> seen.add(e.subject()));
            for (String s : List.copyOf(subjects)) {
                if (!seen.contains(s)) {
                    open.add("no " + type + " for " + s + " on Kafka");
                }
            }
        }

        /** How many projects were proposed for each feature of the product (every page). */
        private Map<String, Integer> proposals() {
            Map<String, Integer> count = new HashMap<>();
            String cursor = null;
            do {
                Answer page = client.once("GET", "/api/v1/projects?productId=" + productId + "&limit=200"
                        + (cursor == null ? "" : "&cursor=" + cursor), null, null, null);
                if (page.status() != 200) {
                    open.add("projects of the product: HTTP " + page.status());
                    return count;
                }
                for (JsonNode p : page.body().path("items")) {
                    String f = p.path("proposedForFeatureId").asText(null);
                    if (f != null) {
                        count.merge(f, 1, Integer::sum);
                    }
                }
                cursor = page.body().path("nextCursor").asText(null);
            } while (cursor != null);
            return count;
        }

        private long deadLetters() {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
            try (Admin admin = Admin.create(props)) {
                Set<String> dlq = new HashSet<>();
                for (String topic : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
                    if (topic.endsWith(".dlq")) {
                        dlq.add(topic);
                    }
                }
                if (dlq.isEmpty()) {
                    return 0;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(dlq).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                        d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                        .mapToLong(r -> r.offset()).sum();
            } catch (Exception e) {
                open.add("dead-letter topics could not be read: " + e);
                return 0;
            }
        }
    }

    // ---------------------------------------------------------------- the client

    record Answer(int status, JsonNode body, String etag) {

        JsonNode expect(int expected) {
            assertEquals(expected, status, "HTTP " + status + " " + body);
            return body;
        }
    }

    /** An integrator's HTTP client: it retries what failed for a reason that may pass, as a client should. */
    private static final class Client {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final String baseUrl;
        private final String apiKey;
        final AtomicInteger retries = new AtomicInteger();

        Client(String baseUrl, String apiKey) {
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
        }

        /** One request; a transport failure is answered as status 0. */
        Answer once(String method, String path, JsonNode body, String idempotencyKey, String ifMatch) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Accept", "application/json, application/problem+json");
            if (idempotencyKey != null) {
                r.header("Idempotency-Key", idempotencyKey);
            }
            if (ifMatch != null) {
                r.header("If-Match", ifMatch);
            }
            if (body != null) {
                r.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            } else {
                r.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String text = response.body();
                JsonNode json;
                try {
                    json = text == null || text.isBlank() ? GatewayClient.object() : GatewayClient.JSON.readTree(text);
                } catch (IOException notJson) {
                    json = GatewayClient.object().put("text", text);
                }
                return new Answer(response.statusCode(), json, response.headers().firstValue("ETag").orElse(null));
            } catch (IOException e) {
                return new Answer(0, GatewayClient.object().put("error", e.toString()), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, GatewayClient.object().put("error", "interrupted"), null);
            }
        }

        /**
         * A create, sent again with the same Idempotency-Key while it fails with a transport error, 5xx, 429 or a
         * 409 (the same key still in progress); {@code null} when it never succeeded within the client's patience.
         */
        Answer retrying(String method, String path, JsonNode body, String idempotencyKey) {
            long deadline = System.nanoTime() + CLIENT_GIVES_UP_AFTER.toNanos();
            while (true) {
                Answer a = once(method, path, body, idempotencyKey, null);
                if (!(a.status() == 0 || a.status() >= 500 || a.status() == 429 || a.status() == 409
                        || a.status() == 408)) {
                    return a;
                }
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    return null;
                }
                retries.incrementAndGet();
                sleep(Duration.ofMillis(500));
            }
        }

        /** Moves a resource to {@code status}: read it, stop if it is there already, else POST the move with its ETag. */
        boolean moveTo(String path, String status, List<String> refusals) {
            long deadline = System.nanoTime() + CLIENT_GIVES_UP_AFTER.toNanos();
            while (System.nanoTime() < deadline) {
                Answer current = once("GET", path, null, null, null);
                if (current.status() == 200 && status.equals(current.body().path("status").asText())) {
                    return true;
                }
                if (current.status() == 200) {
                    Answer moved = once("POST", path + "/status", GatewayClient.object().put("status", status)
                            .put("reason", "fault suite"), null, current.etag());
                    if (moved.status() == 200) {
                        return true;
                    }
                    if (moved.status() >= 400 && moved.status() < 500 && moved.status() != 412 && moved.status() != 429
                            && moved.status() != 408) {
                        refusals.add("move " + path + " to " + status + " → " + moved.status() + " " + moved.body());
                        return false;
                    }
                } else if (current.status() >= 400 && current.status() < 500 && current.status() != 429) {
                    refusals.add("read " + path + " → " + current.status() + " " + current.body());
                    return false;
                }
                retries.incrementAndGet();
                sleep(Duration.ofMillis(500));
            }
            return false;
        }
    }

    // ---------------------------------------------------------------- faults and helpers

    /** The database refuses every new connection and its sessions are ended, for {@code away}; then allowed again. */
    static void refuseConnections(StackEndpoints endpoints, String database, Duration away) {
        String url = "jdbc:postgresql://" + StackEndpoints.HOST + ":" + endpoints.postgresPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, endpoints.postgresUser(), endpoints.postgresPassword());
             Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            try {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid()");
                sleep(away);
            } finally {
                st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("could not refuse connections to " + database + ": " + e, e);
        }
    }

    private static void report(int replicas, List<Outcome> outcomes) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nfault suite, %d instance(s) of every service%n", replicas));
        out.append(String.format(Locale.ROOT, "| %-46s | %12s | %8s | %5s | %7s | %4s | %10s | %12s | %7s |%n",
                "fault", "acknowledged", "products", "links", "commits", "lost", "duplicates", "dead letters",
                "converged after"));
        for (Outcome o : outcomes) {
            out.append(String.format(Locale.ROOT, "| %-46s | %12d | %8d | %5d | %7d | %4d | %10s | %12d | %7s |%n",
                    o.fault(), o.acknowledged(), o.products(), o.links(), o.commits(), o.lost(),
                    o.duplicates() + " same id" + (o.appliedTwice() > 0 ? ", " + o.appliedTwice() + " applied twice" : ""),
                    o.deadLetters(), o.converged() ? String.format(Locale.ROOT, "%.1f s", o.convergedAfter().toMillis() / 1000.0)
                            : "NOT (" + o.open().size() + " open)"));
        }
        out.append("(client retries while the faults lasted: ");
        outcomes.forEach(o -> out.append(o.retries()).append(' '));
        out.append(")").append(System.lineSeparator());
        System.out.print(out);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String awaitAdminKey(Stack stack) {
        try {
            return await("the admin API key").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200)).until(stack::adminApiKey, Optional::isPresent).get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the gateway wrote no admin API key", e);
        }
    }

    static void awaitTrue(Supplier<Boolean> condition, Duration within, String what) {
        try {
            await(what).atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(condition::get);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited " + within.toSeconds() + " s for " + what, e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hex(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length).toUpperCase(Locale.ROOT);
    }
}
