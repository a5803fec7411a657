package dev.tandem.gateway.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import dev.tandem.gateway.auth.Jwts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Server-Sent Events from the real embedded broker: resume without gap or repeat, filters, scopes. */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class EventStreamTest {

    private static final String TOPIC = "tandem.product.events";

    @Inject
    ApiKeys apiKeys;

    @Inject
    EventIds ids;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    record Event(String id, JsonPath data) {
    }

    /** An open stream: the events read so far come from a background reader. */
    final class Client implements AutoCloseable {
        private final InputStream body;
        private final BufferedReader reader;
        /** The stream's first line, naming the topics it reads. */
        final String opened;

        Client(String key, String lastEventId, String query) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                            + "/api/v1/events" + query))
                    .header("X-API-Key", key).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            body = response.body();
            reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            opened = reader.readLine(); // ": stream open …": the consumer is positioned from here on
            assertTrue(opened.startsWith(": stream open"), opened);
        }

        List<Event> read(int count) throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                List<Event> events = new ArrayList<>();
                String id = null;
                String data = null;
                try {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.startsWith("id: ")) {
                            id = line.substring(4);
                        } else if (line.startsWith("data: ")) {
                            data = line.substring(6);
                        } else if (line.isEmpty() && data != null) {
                            events.add(new Event(id, new JsonPath(data)));
                            id = null;
                            data = null;
                            if (events.size() == count) {
                                return events;
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return events;
            }).get(20, TimeUnit.SECONDS);
        }

        /** The next comment line. */
        String nextComment() throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.startsWith(":")) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    private void publish(KafkaProducer<String, byte[]> producer, String subject, String type, int n) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, subject,
                ("{\"n\":" + n + ",\"subject\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/product-service",
                "ce_type", type, "ce_subject", subject, "ce_time", "2026-01-10T12:00:00Z", "ce_sequence",
                String.format("%019d", n), "content-type", "application/json")
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        Map.of("ce_actor", "apikey:6f1c2c1e", "ce_actorname", "crm-sync", "ce_actorkind", "SYSTEM")
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private RecordMetadata published(KafkaProducer<String, byte[]> producer, String subject, int n) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, subject,
                ("{\"n\":" + n + ",\"subject\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/product-service",
                "ce_type", "dev.tandem.product.updated.v1", "ce_subject", subject)
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** A Last-Event-ID as the gateway makes them, for these positions. */
    private String idFor(Map<TopicPartition, Long> positions) {
        return ids.idOf(new StreamPosition(positions));
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    @Test
    void aClientResumingAfterADisconnectSeesNoGapAndNoRepeat() throws Exception {
        String key = TestKeys.withScopes(apiKeys, "products:read");
        String subject = "resume-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            publish(producer, "warm-up", "dev.tandem.product.created.v1", 0); // the topic exists
            String resumeFrom;
            try (Client client = new Client(key, null, "?subject=" + subject)) {
                for (int n = 1; n <= 3; n++) {
                    publish(producer, subject, "dev.tandem.product.updated.v1", n);
                }
                List<Event> first = client.read(2);
                assertEquals(List.of(1, 2), first.stream().map(e -> e.data().getInt("data.n")).toList());
                Event second = first.get(1);
                assertEquals("dev.tandem.product.updated.v1", second.data().getString("type"));
                assertEquals(subject, second.data().getString("subject"));
                assertEquals("1.0", second.data().getString("specversion"));
                assertEquals("/product-service", second.data().getString("source"));
                // who caused it: the CloudEvents extensions of the record
                assertEquals("apikey:6f1c2c1e", second.data().getString("actor"));
                assertEquals("crm-sync", second.data().getString("actorname"));
                assertEquals("SYSTEM", second.data().getString("actorkind"));
                resumeFrom = second.id();
            }
            for (int n = 4; n <= 5; n++) { // published while the client is away
                publish(producer, subject, "dev.tandem.product.updated.v1", n);
            }
            try (Client again = new Client(key, resumeFrom, "?subject=" + subject)) {
                List<Event> rest = again.read(3);
                assertEquals(List.of(3, 4, 5), rest.stream().map(e -> e.data().getInt("data.n")).toList());
            }
        }
    }

    @Test
    void typeFilterKeepsOnlyTheNamedTypes() throws Exception {
        String key = TestKeys.withScopes(apiKeys, "admin");
        String subject = "filter-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer();
             Client client = new Client(key, null, "?subject=" + subject
                     + "&type=dev.tandem.feature.created.v1,dev.tandem.feature.deleted.v1")) {
            publish(producer, subject, "dev.tandem.feature.created.v1", 1);
            publish(producer, subject, "dev.tandem.feature.updated.v1", 2);
            publish(producer, subject, "dev.tandem.feature.deleted.v1", 3);
            assertEquals(List.of(1, 3), client.read(2).stream().map(e -> e.data().getInt("data.n")).toList());
        }
    }

    @Test
    void oneCallerHoldsAtMostFiveStreamsNotEveryone() throws Exception {
        String key = apiKeys.issue("sse-many-" + UUID.randomUUID(), List.of("projects:read"), null, null, "test")
                .secret();
        List<Client> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(new Client(key, null, ""));
            }
            RestAssured.given().header("X-API-Key", key).header("Accept", "text/event-stream")
                    .get("/api/v1/events").then().statusCode(429).contentType("application/problem+json")
                    .header("Retry-After", "30");
            // another caller still gets one
            try (Client other = new Client(apiKeys.issue("sse-other-" + UUID.randomUUID(), List.of("projects:read"),
                    null, null, "test").secret(), null, "")) {
                assertTrue(other.opened.startsWith(": stream open"));
            }
        } finally {
            for (Client c : open) {
                c.close();
            }
        }
        // once closed, the slots are free again
        await("a stream opened again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    try (Client again = new Client(key, null, "")) {
                        assertTrue(again.opened.startsWith(": stream open"));
                    }
                });
    }

    @Test
    void anOpenStreamEndsWhenItsKeyIsRevoked() throws Exception {
        ApiKeys.Issued issued = apiKeys.issue("sse-revoked-" + UUID.randomUUID(), List.of("products:read"), null,
                null, "test");
        try (Client client = new Client(issued.secret(), null, "")) {
            apiKeys.revoke(issued.key().id());
            // the next heartbeat (1 s in these tests) finds the key refused and ends the stream
            String comment = client.nextComment();
            for (int beats = 0; comment != null && comment.startsWith(": heartbeat") && beats < 10; beats++) {
                comment = client.nextComment(); // bounded: a stream that never ends fails below
            }
            assertEquals(": closed, credential no longer accepted", comment);
            assertEquals(null, client.nextComment(), "the stream ended");
        }
    }

    @Test
    void anIdleStreamGetsHeartbeatComments() throws Exception {
        try (Client client = new Client(TestKeys.withScopes(apiKeys, "feedback:read"), null, "")) {
            assertEquals(": heartbeat", client.nextComment()); // every second in the tests (15 s by default)
            assertEquals(": heartbeat", client.nextComment());
        }
    }

    @Test
    void aWriteScopeStreamsItsOwnServicesTopicOnly() throws Exception {
        try (Client client = new Client(TestKeys.withScopes(apiKeys, "products:write"), null, "")) {
            assertEquals(": stream open; topics tandem.product.events", client.opened);
        }
    }

    @Test
    void theStreamNeedsAReadScopeAndAnIdItMade() {
        // every key scope includes a read now; a person's token may carry none of Tandem's scopes
        given().header("Authorization", "Bearer " + Jwts.valid("ana@example.com", "openid profile"))
                .get("/api/v1/events").then()
                .statusCode(403).body("detail", containsString("products:read"));
        given().header("X-API-Key", TestKeys.withScopes(apiKeys, "products:read"))
                .header("Last-Event-ID", "not-ours!").get("/api/v1/events").then()
                .statusCode(400).body("detail", containsString("Last-Event-ID"));
        given().get("/api/v1/events").then().statusCode(401);
    }

    @Test
    void aPositionThatRetentionRemovedResumesAtTheOldestEventLeft() throws Exception {
        String key = TestKeys.withScopes(apiKeys, "products:read");
        String subject = "retention-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            RecordMetadata first = published(producer, subject, 1);
            RecordMetadata second = published(producer, subject, 2);
            published(producer, subject, 3);
            TopicPartition partition = new TopicPartition(TOPIC, first.partition());
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(p)) { // as retention would: everything before the second event is gone
                admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(second.offset()))).all()
                        .get(10, TimeUnit.SECONDS);
            }
            try (Client client = new Client(key, idFor(Map.of(partition, first.offset())), "?subject=" + subject)) {
                assertEquals(List.of(2, 3), client.read(2).stream().map(e -> e.data().getInt("data.n")).toList(),
                        "resumed at the oldest event the topic still has");
            }
        }
    }

    @Test
    void aPositionBeyondTheEndIsClampedToTheEnd() throws Exception {
        String key = TestKeys.withScopes(apiKeys, "products:read");
        String subject = "beyond-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            RecordMetadata last = published(producer, subject, 1);
            TopicPartition partition = new TopicPartition(TOPIC, last.partition());
            try (Client client = new Client(key, idFor(Map.of(partition, last.offset() + 1_000)),
                    "?subject=" + subject)) {
                RecordMetadata next = published(producer, subject, 2);
                Event event = client.read(1).get(0);
                assertEquals(2, event.data().getInt("data.n"), "the next event is not skipped");
                assertEquals(next.offset() + 1, positionOf(event.id()).next().get(partition),
                        "the id names where the stream really is");
            }
        }
    }

    @Test
    void positionsOfTopicsTheCallerMayNotReadAndOfMissingPartitionsAreIgnored() throws Exception {
        String key = TestKeys.withScopes(apiKeys, "products:read");
        String subject = "foreign-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            RecordMetadata first = published(producer, subject, 1);
            TopicPartition partition = new TopicPartition(TOPIC, first.partition());
            TopicPartition feedback = new TopicPartition("tandem.feedback.events", 0);
            TopicPartition missing = new TopicPartition(TOPIC, 99);
            String id = idFor(Map.of(partition, first.offset(), feedback, 0L, missing, 0L));
            try (Client client = new Client(key, id, "?subject=" + subject)) {
                Event event = client.read(1).get(0);
                assertEquals(1, event.data().getInt("data.n"), "the product topic resumes where the id says");
                StreamPosition position = positionOf(event.id());
                assertTrue(position.next().keySet().stream().allMatch(tp -> tp.topic().equals(TOPIC)
                        && tp.partition() != 99), "only what the caller reads and what exists: " + position);
            }
        }
    }

    @Test
    void anIdTheGatewayDidNotSignIsRefusedNamingLastEventId() throws Exception {
        String unsigned = new StreamPosition(Map.of(new TopicPartition(TOPIC, 0), 5L)).encode();
        // (not RestAssured: a stream that were opened would never end)
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/events"))
                .header("X-API-Key", TestKeys.withScopes(apiKeys, "products:read"))
                .header("Last-Event-ID", unsigned).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertEquals(400, response.statusCode(), "an unsigned (old or forged) position is refused");
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            JsonPath problem = new JsonPath(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("Last-Event-ID", problem.getString("errors[0].field"));
            assertTrue(problem.getString("detail").contains("Last-Event-ID"), problem.getString("detail"));
        }
    }

    /** The position an event id names. */
    private StreamPosition positionOf(String id) {
        return ids.positionOf(id).orElseThrow(() -> new AssertionError("not an id of the gateway: " + id));
    }

    @Test
    void positionsRoundTripAndForeignIdsAreRefused() {
        StreamPosition position = new StreamPosition(Map.of(
                new TopicPartition("tandem.product.events", 0), 42L,
                new TopicPartition("tandem.feedback.events", 2), 7L));
        assertEquals(position, StreamPosition.decode(position.encode()).orElseThrow());
        for (String foreign : new String[] {"", "abc", "dG9waWM6eDox", "dG9waWM6MDotNQ"}) {
            assertTrue(StreamPosition.decode(foreign).isEmpty(), foreign);
        }
        // the ids the stream sends are signed: only an id the gateway made names a position
        String id = ids.idOf(position);
        assertEquals(position, ids.positionOf(id).orElseThrow());
        String payload = id.substring(0, id.lastIndexOf('.'));
        String tag = id.substring(id.lastIndexOf('.') + 1);
        String otherPayload = new StreamPosition(Map.of(new TopicPartition("tandem.product.events", 0), 0L)).encode();
        for (String forged : new String[] {payload, otherPayload + "." + tag, payload + "." + tag.substring(1),
                payload + ".", payload + "." + "A".repeat(tag.length()), "." + tag}) {
            assertTrue(ids.positionOf(forged).isEmpty(), forged);
        }
    }
}
