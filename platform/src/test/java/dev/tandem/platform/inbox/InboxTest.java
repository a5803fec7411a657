package dev.tandem.platform.inbox;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventHeaders;
import dev.tandem.platform.events.EventEnvelope;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    private static final String TOPIC = "test.inbox";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    KafkaClientService kafkaClients;

    @Test
    void aConsumerThatDiesHandsItsPartitionsOnAfterTenSecondsNotKafkasFortyFive() {
        // the platform's default reaches every channel's real consumer (connector-level configuration)
        Map<String, ?> consumer = kafkaClients.getConsumer("test-events").configuration();
        assertEquals("10000", String.valueOf(consumer.get("session.timeout.ms")), consumer.toString());
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String counter = "c-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> first = event("dev.tandem.test.counted.v1", counter, 5);
        send(first);
        send(first);
        send(event("dev.tandem.test.counted.v1", counter, 3));

        awaitValue(() -> inboxRows(counter), 2);
        // The later event of the same partition was processed, so the duplicate was seen and ignored.
        assertEquals(8, total(counter));
    }

    @Test
    void anUnknownEventTypeIsSkippedAndCounted() throws Exception {
        String counter = "u-" + UUID.randomUUID();
        double skippedBefore = skipped("dev.tandem.test.from-the-future.v1");
        send(event("dev.tandem.test.from-the-future.v1", counter, 100));
        send(event("dev.tandem.test.counted.v1", counter, 1));

        awaitValue(() -> total(counter), 1);
        assertEquals(skippedBefore + 1, skipped("dev.tandem.test.from-the-future.v1"));
        assertEquals(1, inboxRows(counter), "a skipped event is not recorded as processed");
    }

    @Test
    void anEventThatKeepsFailingGoesToTheDeadLetterTopicWithItsError() throws Exception {
        String counter = "f-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> failing = event("dev.tandem.test.failing.v1", counter, 7);
        send(failing);
        send(event("dev.tandem.test.counted.v1", counter + "-after", 1));

        KafkaEvents.Event record = KafkaEvents.first(TOPIC + ".dlq", KafkaEvents.withKey(counter));
        String reason = record.header("dead-letter-reason");
        assertTrue(reason.contains("handler refuses " + counter), reason);
        assertTrue(reason.contains("after 3 attempts"), reason);
        assertEquals(EventEnvelope.fromHeaders(failing.headers()).id(),
                EventEnvelope.fromHeaders(record.headers()).id(), "the original CloudEvents headers are kept");
        assertEquals(new String(failing.value(), StandardCharsets.UTF_8), record.text());

        awaitValue(() -> total(counter + "-after"), 1);
        assertEquals(0, total(counter), "each failed attempt was rolled back");
        assertEquals(0, inboxRows(counter));
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsDeadLetteredAtOnce() throws Exception {
        String key = "m-" + UUID.randomUUID();
        send(new ProducerRecord<>(TOPIC, 0, key, "{}".getBytes(StandardCharsets.UTF_8)));
        KafkaEvents.Event record = KafkaEvents.first(TOPIC + ".dlq", KafkaEvents.withKey(key));
        String reason = record.header("dead-letter-reason");
        assertNotNull(reason);
        assertTrue(reason.contains("ce_specversion"), reason);
    }

    @Test
    void anEventWhoseTextHasAControlCharacterIsAppliedTheTextRuleIsForRequestsOnly() throws Exception {
        String name = "t-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> record = event("dev.tandem.test.counted.v1", name, 2);
        // the payload's counter is the name followed by a BEL (escaped in the JSON, as any producer writes it)
        byte[] data = ("{\"counter\":\"" + name + "\\u0007\",\"amount\":2}").getBytes(StandardCharsets.UTF_8);
        send(new ProducerRecord<>(TOPIC, 0, name, data, record.headers()));
        awaitValue(() -> total(name + (char) 7), 2);
    }

    @Test
    void anEventArrivingWhileTheDatabaseRefusesConnectionsWaitsForItAndIsAppliedNotDeadLettered() throws Exception {
        String counter = "o-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> during = event("dev.tandem.test.counted.v1", counter, 4);
        String database = databaseName();
        try (var admin = adminConnection()) {
            admin.createStatement().execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + database + "' AND pid <> pg_backend_pid()");
            try {
                send(during);
                send(event("dev.tandem.test.counted.v1", counter, 1)); // behind it: must wait, in order
                // far longer than max-attempts (3) x backoff (10 ms) would allow before dead-lettering
                String ready = await("readiness DOWN").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                        .until(InboxTest::readiness, containsString("\"DOWN\""));
                assertTrue(ready.contains("event consumers") && ready.contains("\"DOWN\"")
                        && ready.contains(TOPIC), "not ready while waiting: " + ready);
                Thread.sleep(2_000);
            } finally {
                admin.createStatement().execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
            }
        }

        awaitValue(() -> total(counter), 5);
        assertEquals(2, inboxRows(counter));
        assertEquals(0, deadLettered("dev.tandem.test.counted.v1"), "nothing dead-lettered");
        await("readiness not DOWN").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(InboxTest::readiness, not(containsString("\"DOWN\"")));
        assertTrue(readiness().contains("\"UP\""), "ready again: " + readiness());
        try (KafkaEvents dlq = KafkaEvents.on(TOPIC + ".dlq")) {
            assertEquals(List.of(), dlq.readFor(Duration.ofSeconds(3), KafkaEvents.withKey(counter)),
                    "not on the dead-letter topic");
        }
    }

    private static String readiness() {
        return io.restassured.RestAssured.given().get("/q/health/ready").then().extract().body().asString();
    }

    private static String databaseName() {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        String path = url.substring(url.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** A connection to the server's maintenance database, which stays open while the test's database refuses. */
    private static java.sql.Connection adminConnection() throws java.sql.SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String maintenance = url.replace("/" + databaseName(), "/postgres");
        return java.sql.DriverManager.getConnection(maintenance,
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    @Test
    void aBatchWithOneFailingEventAppliesTheOthersAndDeadLettersOnlyThatOne() throws Exception {
        String run = UUID.randomUUID().toString();
        String before = "before-" + run;
        String failing = "bad-" + run;
        String after = "after-" + run;
        // sent together, so they are usually polled (and first tried) in one batch
        sendAll(List.of(event("dev.tandem.test.counted.v1", before, 2),
                event("dev.tandem.test.failing.v1", failing, 7),
                event("dev.tandem.test.counted.v1", after, 3)));

        List<KafkaEvents.Event> dead;
        try (KafkaEvents dlq = KafkaEvents.on(TOPIC + ".dlq")) {
            dead = dlq.await(e -> e.key() != null && e.key().endsWith(run),
                    ofRun -> ofRun.stream().anyMatch(e -> failing.equals(e.key())), WAIT, "the failing event");
        }
        awaitValue(() -> total(after), 3);
        assertEquals(2, total(before));
        assertEquals(1, inboxRows(before));
        assertEquals(1, inboxRows(after));
        assertEquals(0, total(failing), "the failing handler's change was rolled back");
        assertEquals(0, inboxRows(failing));
        assertEquals(List.of(failing), dead.stream().map(KafkaEvents.Event::key).toList(),
                "only the failing event is dead-lettered");
    }

    @Test
    void anIgnoredTypeIsSkippedUnreadAndChangesNothing() throws Exception {
        String key = "i-" + UUID.randomUUID();
        double skippedBefore = skipped("dev.tandem.test.not-for-us.v1");
        // only a type header and a payload no handler could read: skipped on its type alone, never dead-lettered
        ProducerRecord<String, byte[]> ignored = new ProducerRecord<>(TOPIC, 0, key,
                "not json".getBytes(StandardCharsets.UTF_8));
        ignored.headers().add(EventHeaders.TYPE, "dev.tandem.test.not-for-us.v1".getBytes(StandardCharsets.UTF_8));
        sendAll(List.of(ignored, event("dev.tandem.test.counted.v1", key, 1)));

        awaitValue(() -> total(key), 1);
        assertEquals(skippedBefore + 1, skipped("dev.tandem.test.not-for-us.v1"));
        assertEquals(1, inboxRows(key), "only the handled event is in the inbox");
        assertEquals(0, deadLettered("dev.tandem.test.not-for-us.v1"));
    }

    @Test
    void eachAggregatesEventsAreAppliedInTheirOrder() throws Exception {
        String name = "log-" + UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            markers.add("m" + i);
            records.add(appended(name, "m" + i, i));
            // other aggregates interleaved, on other partitions as well
            records.add(appended(name + "-other", "o" + i, i));
        }
        sendAll(records);

        awaitValue(() -> query("SELECT count(*) FROM test_log WHERE name = ?", name), 120);
        assertEquals(markers, log(name));
    }

    @Test
    void eventsHandledPerRunAreHandedOverTogetherInTheirOrderAroundTheOthers() throws Exception {
        String name = "runs-" + UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            // one event handled on its own in the middle ends a run; the next begins after it
            String type = i == 50 ? "dev.tandem.test.appended.v1" : "dev.tandem.test.appended-in-runs.v1";
            markers.add("m" + i);
            records.add(appended(type, name, "m" + i, i));
        }
        sendAll(records);

        awaitValue(() -> query("SELECT count(*) FROM test_log WHERE name = ?", name), 100);
        assertEquals(markers, log(name), "every event once, in the order sent");
        List<Integer> runs = log(name + "-runs").stream().map(Integer::valueOf).toList();
        assertEquals(99, runs.stream().mapToInt(Integer::intValue).sum(), "runs: " + runs);
        assertTrue(runs.stream().anyMatch(size -> size > 1), "consecutive events were handed over together: " + runs);
    }

    private static ProducerRecord<String, byte[]> event(String type, String counter, long amount) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/tandem/test", type, counter,
                Instant.now(), 1, null);
        byte[] data = ("{\"counter\":\"" + counter + "\",\"amount\":" + amount + ",\"ignoredField\":true}")
                .getBytes(StandardCharsets.UTF_8);
        // One partition for all test events keeps "processed after" meaningful.
        return new ProducerRecord<>(TOPIC, 0, counter, data, envelope.toHeaders());
    }

    private static ProducerRecord<String, byte[]> appended(String name, String marker, long sequence) {
        return appended("dev.tandem.test.appended.v1", name, marker, sequence);
    }

    private static ProducerRecord<String, byte[]> appended(String type, String name, String marker, long sequence) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/tandem/test", type, name,
                Instant.now(), sequence, null);
        byte[] data = ("{\"name\":\"" + name + "\",\"marker\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(TOPIC, null, name, data, envelope.toHeaders());
    }

    /** Sends the records with one producer, back to back, in order. */
    private static void sendAll(List<ProducerRecord<String, byte[]>> records) {
        KafkaEvents.send(records);
    }

    private List<String> log(String name) throws Exception {
        List<String> markers = new ArrayList<>();
        try (var c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT marker FROM test_log WHERE name = ? ORDER BY position")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    markers.add(rs.getString(1));
                }
            }
        }
        return markers;
    }

    private double deadLettered(String type) {
        var c = meters.find("tandem.inbox.dead-lettered").tag("type", type).counter();
        return c == null ? 0 : c.count();
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        KafkaEvents.send(record);
    }

    private double skipped(String type) {
        var c = meters.find("tandem.inbox.skipped").tag("type", type).counter();
        return c == null ? 0 : c.count();
    }

    private long total(String counter) throws Exception {
        return query("SELECT coalesce(sum(total), 0) FROM test_counter WHERE name = ?", counter);
    }

    private long inboxRows(String subject) throws Exception {
        return query("SELECT count(*) FROM inbox_event WHERE subject = ?", subject);
    }

    private long query(String sql, String arg) throws Exception {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void awaitValue(Check value, long expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(value::get, equalTo(expected));
    }

    @FunctionalInterface
    private interface Check {
        long get() throws Exception;
    }
}
