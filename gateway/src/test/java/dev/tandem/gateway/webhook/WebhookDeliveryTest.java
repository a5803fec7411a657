package dev.tandem.gateway.webhook;

import static dev.tandem.gateway.webhook.WebhookFixtures.as;
import static dev.tandem.gateway.webhook.WebhookFixtures.create;
import static dev.tandem.gateway.webhook.WebhookFixtures.eventually;
import static dev.tandem.gateway.webhook.WebhookFixtures.verifies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import dev.tandem.gateway.webhook.WebhookReceiver.Answer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Webhook deliveries end to end: events published to the real embedded broker, a real HTTP receiver on 127.0.0.1,
 * the gateway's real database. Retries, time limits and give-up use the test schedule of {@link TestUpstreams}
 * (1 s per attempt, retried for 4 s, disabled after 3 given up).
 */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COMMITTED = "dev.tandem.feature.committed.v1";
    private static final String UPDATED = "dev.tandem.feature.updated.v1";

    @Inject
    ApiKeys apiKeys;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookRetention retention;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private WebhookFixtures events;
    private WebhookReceiver receiver;

    @BeforeAll
    void start() throws Exception {
        events = new WebhookFixtures(bootstrap);
        receiver = new WebhookReceiver();
    }

    @AfterAll
    void stop() {
        receiver.close();
        events.close();
    }

    private String admin() {
        return TestKeys.admin(apiKeys);
    }

    private WebhookFixtures.Subscription subscribe(String path, String types, String subject) {
        return create(as(admin()), "{\"url\":\"" + receiver.url(path) + "\",\"eventTypes\":" + types
                + (subject == null ? "" : ",\"subjects\":[\"" + subject + "\"]") + "}");
    }

    private JsonPath deliveries(String subscriptionId) {
        return as(admin()).get(WebhookResource.PATH + "/" + subscriptionId + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void anEventArrivesAsASignedStructuredCloudEventThatVerifiesWithTheSecret() throws Exception {
        String path = "/signed-" + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        WebhookFixtures.Subscription sub = subscribe(path, "[\"dev.tandem.feature.*\"]", subject);

        Instant published = Instant.now();
        events.publish("dev.tandem.product.created.v1", subject, 1); // not a feature event: not sent
        WebhookFixtures.Published event = events.publish(COMMITTED, subject, 2);
        WebhookReceiver.Received r = receiver.await(path, 1, WAIT).get(0);
        System.out.printf("[webhooks] first delivery %d ms after publishing%n",
                Duration.between(published, r.at()).toMillis());

        assertEquals("application/cloudevents+json", r.header("Content-Type"));
        assertEquals(event.id(), r.header("webhook-id"), "webhook-id is the CloudEvent id");
        long timestamp = Long.parseLong(r.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "unix seconds of the attempt");
        assertTrue(r.header("webhook-signature").matches("v1,[A-Za-z0-9+/]{43}="), r.header("webhook-signature"));
        assertTrue(verifies(sub.secret(), r), "the signature verifies with the subscription's secret");
        assertFalse(verifies(WebhookSignatures.newSecret(), r), "and with no other");

        JsonPath body = new JsonPath(r.text());
        assertEquals("1.0", body.getString("specversion"));
        assertEquals(event.id(), body.getString("id"));
        assertEquals(COMMITTED, body.getString("type"));
        assertEquals(subject, body.getString("subject"));
        assertEquals("/tandem/product-service", body.getString("source"));
        assertEquals("0000000000000000002", body.getString("sequence"));
        assertEquals(2, body.getInt("data.n"), "data is the event's JSON payload");

        JsonPath log = eventually(WAIT, "the delivery recorded as DELIVERED", () -> {
            JsonPath d = deliveries(sub.id());
            return "DELIVERED".equals(d.getString("items[0].state")) ? d : null;
        });
        assertEquals(1, log.getList("items").size(), "the product event was not queued");
        assertEquals(event.id(), log.getString("items[0].eventId"));
        assertEquals(COMMITTED, log.getString("items[0].eventType"));
        assertEquals(subject, log.getString("items[0].subject"));
        assertEquals(200, log.getInt("items[0].statusCode"));
        assertEquals(1, log.getInt("items[0].attempts"));
        assertTrue(log.getInt("items[0].latencyMs") >= 0);
        assertNotNull(log.getString("items[0].attemptedAt"));
        Thread.sleep(500);
        assertEquals(1, receiver.received(path).size(), "delivered once");
    }

    @Test
    void aDeliveryIsRetriedAfter500sAndAfterTimeoutsWithTheSameWebhookId() throws Exception {
        String flaky = "/flaky-" + UUID.randomUUID();
        String slow = "/slow-" + UUID.randomUUID();
        receiver.on(flaky, (n, r) -> n <= 2 ? Answer.status(500) : Answer.status(204));
        receiver.on(slow, (n, r) -> n <= 2 ? Answer.slow(TestUpstreams.WEBHOOK_TIMEOUT_MILLIS + 500)
                : Answer.status(200));
        String flakySubject = UUID.randomUUID().toString();
        String slowSubject = UUID.randomUUID().toString();
        WebhookFixtures.Subscription flakySub = subscribe(flaky, "[\"" + COMMITTED + "\"]", flakySubject);
        WebhookFixtures.Subscription slowSub = subscribe(slow, "[\"" + COMMITTED + "\"]", slowSubject);

        WebhookFixtures.Published a = events.publish(COMMITTED, flakySubject, 1);
        WebhookFixtures.Published b = events.publish(COMMITTED, slowSubject, 1);
        List<WebhookReceiver.Received> flakyAttempts = receiver.await(flaky, 3, WAIT);
        List<WebhookReceiver.Received> slowAttempts = receiver.await(slow, 3, WAIT);
        for (WebhookReceiver.Received r : flakyAttempts) {
            assertEquals(a.id(), r.header("webhook-id"), "stable across retries");
            assertTrue(verifies(flakySub.secret(), r));
        }
        for (WebhookReceiver.Received r : slowAttempts) {
            assertEquals(b.id(), r.header("webhook-id"));
            assertTrue(verifies(slowSub.secret(), r));
        }
        System.out.printf("[webhooks] after two 500s delivered %d ms after the first attempt; after two timeouts "
                + "%d ms%n", Duration.between(flakyAttempts.get(0).at(), flakyAttempts.get(2).at()).toMillis(),
                Duration.between(slowAttempts.get(0).at(), slowAttempts.get(2).at()).toMillis());

        JsonPath flakyLog = delivered(flakySub.id());
        assertEquals(3, flakyLog.getInt("attempts"));
        assertEquals(List.of(204, 500, 500), flakyLog.getList("attemptLog.statusCode"), "newest first");
        assertEquals(List.of(true, false, false), flakyLog.getList("attemptLog.succeeded"));
        assertEquals("HTTP 500: answer 500", flakyLog.getString("attemptLog[1].error"));

        JsonPath slowLog = delivered(slowSub.id());
        assertEquals(3, slowLog.getInt("attempts"));
        assertNull(slowLog.get("attemptLog[1].statusCode"), "no answer within the time limit");
        assertEquals("no complete answer within " + TestUpstreams.WEBHOOK_TIMEOUT_MILLIS + " ms",
                slowLog.getString("attemptLog[1].error"));
        assertTrue(slowLog.getInt("attemptLog[1].latencyMs") >= TestUpstreams.WEBHOOK_TIMEOUT_MILLIS - 50);
    }

    /** The only delivery of a subscription once DELIVERED, read alone (with its attempts). */
    private JsonPath delivered(String subscriptionId) throws InterruptedException {
        String deliveryId = eventually(WAIT, "delivered", () -> {
            JsonPath d = deliveries(subscriptionId);
            return "DELIVERED".equals(d.getString("items[0].state")) ? d.getString("items[0].id") : null;
        });
        return as(admin()).get(WebhookResource.PATH + "/" + subscriptionId + "/deliveries/" + deliveryId).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aSubscriptionThatKeepsFailingIsDisabledAndThatIsAnEvent() throws Exception {
        String path = "/down-" + UUID.randomUUID();
        receiver.on(path, (n, r) -> Answer.status(503));
        List<String> subjects = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        WebhookFixtures.Subscription sub = create(as(admin()), "{\"url\":\"" + receiver.url(path)
                + "\",\"eventTypes\":[\"" + UPDATED + "\"],\"subjects\":[\"" + String.join("\",\"", subjects) + "\"]}");
        Instant start = Instant.now();
        for (String subject : subjects) {
            events.publish(UPDATED, subject, 1);
        }
        JsonPath disabled = eventually(WAIT, "the subscription DISABLED", () -> {
            JsonPath s = as(admin()).get(WebhookResource.PATH + "/" + sub.id()).then().statusCode(200).extract()
                    .jsonPath();
            return "DISABLED".equals(s.getString("status")) ? s : null;
        });
        System.out.printf("[webhooks] disabled %d ms after its first events, after %d attempts%n",
                Duration.between(start, Instant.now()).toMillis(), receiver.received(path).size());
        assertEquals("3 events in a row were given up after every retry (4 seconds each)",
                disabled.getString("disabledReason"));
        assertNotNull(disabled.getString("disabledAt"));
        assertEquals(List.of("FAILED", "FAILED", "FAILED"), deliveries(sub.id()).getList("items.state"));

        KafkaEvents.Event event = KafkaEvents.first(WebhookFixtures.GATEWAY_TOPIC, KafkaEvents.withKey(sub.id()));
        assertEquals("dev.tandem.webhook.disabled.v1", event.type());
        assertEquals(sub.id(), event.subject());
        assertEquals("/tandem/gateway", event.source());
        JsonPath payload = new JsonPath(event.text());
        assertEquals(sub.id(), payload.getString("webhookId"));
        assertEquals("GIVEN_UP", payload.getString("trigger"));
        assertEquals(3, payload.getInt("consecutiveGivenUp"));
        String lastError = payload.getString("lastError");
        assertTrue(lastError.equals("HTTP 503: answer 503") || lastError.startsWith("no complete answer"), lastError);
        assertEquals(receiver.url(path), payload.getString("url"));

        int attempts = receiver.received(path).size();
        events.publish(UPDATED, subjects.get(0), 2);
        Thread.sleep(1500);
        assertEquals(attempts, receiver.received(path).size(), "nothing is sent to a DISABLED subscription");
        assertEquals(3, deliveries(sub.id()).getList("items").size(), "nor queued");

        String etag = as(admin()).get(WebhookResource.PATH + "/" + sub.id()).then().extract().header("ETag");
        as(admin()).header("If-Match", etag).contentType("application/json").body("{\"status\":\"ENABLED\"}")
                .patch(WebhookResource.PATH + "/" + sub.id()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ENABLED"))
                .body("disabledReason", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aLaterEventOfASubjectWaitsForTheEarlierOneWhileOtherSubjectsGoOn() throws Exception {
        String path = "/ordered-" + UUID.randomUUID();
        String s = UUID.randomUUID().toString();
        String t = UUID.randomUUID().toString();
        Map<String, AtomicInteger> perEvent = new ConcurrentHashMap<>();
        Set<String> failTwice = ConcurrentHashMap.newKeySet();
        receiver.on(path, (n, r) -> failTwice.contains(r.header("webhook-id"))
                && perEvent.computeIfAbsent(r.header("webhook-id"), k -> new AtomicInteger()).incrementAndGet() <= 2
                ? Answer.status(500) : Answer.status(200));
        WebhookFixtures.Subscription sub = create(as(admin()), "{\"url\":\"" + receiver.url(path)
                + "\",\"eventTypes\":[\"" + UPDATED + "\"],\"subjects\":[\"" + s + "\",\"" + t + "\"]}");

        WebhookFixtures.Published s1 = events.publish(UPDATED, s, 1);
        failTwice.add(s1.id());
        WebhookFixtures.Published s2 = events.publish(UPDATED, s, 2);
        WebhookFixtures.Published s3 = events.publish(UPDATED, s, 3);
        WebhookFixtures.Published t1 = events.publish(UPDATED, t, 1);

        List<WebhookReceiver.Received> all = receiver.await(path, 6, WAIT);
        List<String> ids = new ArrayList<>();
        all.forEach(r -> ids.add(r.header("webhook-id")));
        assertEquals(List.of(s1.id(), s1.id(), s1.id(), s2.id(), s3.id()),
                ids.stream().filter(id -> !id.equals(t1.id())).toList(),
                "subject s in order: s2 only after s1 got through");
        assertTrue(ids.indexOf(t1.id()) < ids.lastIndexOf(s1.id()), "t's event did not wait for s's: " + ids);
        eventually(WAIT, "all delivered", () -> deliveries(sub.id()).getList("items.state").stream()
                .allMatch("DELIVERED"::equals) ? true : null);
    }

    @Test
    void aDeliveryIsSentAgainOnRequestAndAReplayQueuesEverythingSinceATimeEvenFromBeforeTheSubscription()
            throws Exception {
        String path = "/replay-" + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(1);
        WebhookFixtures.Published e0 = events.publish(WebhookFixtures.PRODUCT_TOPIC, UPDATED, subject, 1, before);
        Thread.sleep(50);
        WebhookFixtures.Subscription sub = subscribe(path, "[\"" + UPDATED + "\"]", subject);
        WebhookFixtures.Published e1 = events.publish(UPDATED, subject, 2);
        WebhookFixtures.Published e2 = events.publish(UPDATED, subject, 3);
        receiver.await(path, 2, WAIT);
        JsonPath log = eventually(WAIT, "both delivered", () -> {
            JsonPath d = deliveries(sub.id());
            return d.getList("items.state").equals(List.of("DELIVERED", "DELIVERED")) ? d : null;
        });
        assertEquals(List.of(e2.id(), e1.id()), log.getList("items.eventId"), "newest first; e0 is older than the "
                + "subscription");

        String e1Delivery = log.getString("items[1].id");
        as(admin()).post(WebhookResource.PATH + "/" + sub.id() + "/deliveries/" + e1Delivery + "/redeliver").then()
                .statusCode(202).body("state", org.hamcrest.Matchers.equalTo("PENDING"));
        assertEquals(e1.id(), receiver.await(path, 3, WAIT).get(2).header("webhook-id"), "the same webhook-id again");

        eventually(WAIT, "redelivered", () -> deliveries(sub.id()).getList("items.state").stream()
                .allMatch("DELIVERED"::equals) ? true : null);
        JsonPath replay = as(admin()).contentType("application/json")
                .body("{\"since\":\"" + before.minusMillis(1) + "\"}")
                .post(WebhookResource.PATH + "/" + sub.id() + "/replay").then().statusCode(202).extract().jsonPath();
        assertEquals(3, replay.getInt("matched"));
        assertEquals(3, replay.getInt("queued"));
        assertFalse(replay.getBoolean("truncated"));
        List<WebhookReceiver.Received> all = receiver.await(path, 6, WAIT);
        assertEquals(List.of(e0.id(), e1.id(), e2.id()), all.subList(3, 6).stream()
                .map(r -> r.header("webhook-id")).toList(), "replayed in order, the older event included");
    }

    @Test
    void duringARotationEachDeliveryIsSignedWithTheNewAndThePreviousSecret() throws Exception {
        String path = "/rotate-" + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        WebhookFixtures.Subscription sub = subscribe(path, "[\"" + UPDATED + "\"]", subject);
        events.publish(UPDATED, subject, 1);
        assertTrue(verifies(sub.secret(), receiver.await(path, 1, WAIT).get(0)));

        JsonPath rotated = as(admin()).post(WebhookResource.PATH + "/" + sub.id() + "/rotate-secret").then()
                .statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
        String secret = rotated.getString("secret");
        assertTrue(secret.startsWith("whsec_") && !secret.equals(sub.secret()));
        assertNotNull(rotated.getString("previousSecretExpiresAt"));

        events.publish(UPDATED, subject, 2);
        WebhookReceiver.Received r = receiver.await(path, 2, WAIT).get(1);
        String[] signatures = r.header("webhook-signature").split(" ");
        assertEquals(2, signatures.length, r.header("webhook-signature"));
        assertTrue(verifies(secret, r), "the new secret verifies");
        assertTrue(verifies(sub.secret(), r), "and so does the previous one, while it may");
        assertFalse(verifies(secret, withSignature(r, signatures[1])), "the new secret signs first");
    }

    private static WebhookReceiver.Received withSignature(WebhookReceiver.Received r, String signature) {
        Map<String, String> headers = new java.util.TreeMap<>(r.headers());
        headers.put("webhook-signature", signature);
        return new WebhookReceiver.Received(r.path(), headers, r.body(), r.at());
    }

    @Test
    void aRedirectIsNotFollowedButRecordedAsAFailedAttempt() throws Exception {
        String path = "/moved-" + UUID.randomUUID();
        String target = "/moved-target-" + UUID.randomUUID();
        receiver.on(path, (n, r) -> new Answer(302, 0, receiver.url(target)));
        String subject = UUID.randomUUID().toString();
        WebhookFixtures.Subscription sub = subscribe(path, "[\"" + UPDATED + "\"]", subject);
        events.publish(UPDATED, subject, 1);
        receiver.await(path, 2, WAIT);
        JsonPath log = deliveries(sub.id());
        assertEquals(302, log.getInt("items[0].statusCode"));
        assertTrue(log.getString("items[0].error").startsWith("HTTP 302 (redirects are not followed)"),
                log.getString("items[0].error"));
        assertEquals(0, receiver.received(target).size(), "the redirect's target is never called");
    }

    @Test
    void aDeliveryLeftMidAttemptByAStoppedGatewayIsMadeAgainWhenItsLeaseRunsOut() throws Exception {
        String path = "/lease-" + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        WebhookFixtures.Subscription sub = subscribe(path, "[\"" + UPDATED + "\"]", subject);
        String eventId = UUID.randomUUID().toString();
        // what an instance that died while sending leaves behind: SENDING, one attempt counted, lease still running
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_delivery (id, subscription_id, event_source, event_id, event_type, subject,
                    topic, kafka_partition, kafka_offset, body, state, attempts, queued_at, next_attempt_at,
                    lease_until)
                VALUES (?, ?, '/tandem/product-service', ?, ?, ?, 'tandem.product.events', 0, 0, ?, 'SENDING', 1,
                        now(), now(), now() + interval '1 second')""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, UUID.fromString(sub.id()));
            ps.setString(3, eventId);
            ps.setString(4, UPDATED);
            ps.setString(5, subject);
            ps.setString(6, "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\"}");
            ps.executeUpdate();
        }
        Thread.sleep(500);
        assertEquals(0, receiver.received(path).size(), "not while another instance may still be sending it");
        WebhookReceiver.Received r = receiver.await(path, 1, WAIT).get(0);
        assertEquals(eventId, r.header("webhook-id"));
        assertTrue(verifies(sub.secret(), r));
        eventually(WAIT, "recorded", () -> "DELIVERED".equals(deliveries(sub.id()).getString("items[0].state"))
                ? true : null);
        assertEquals(2, deliveries(sub.id()).getInt("items[0].attempts"));
    }

    @Test
    void competingInstancesClaimDisjointDeliveriesAndOnlyTheHeadOfEachSubject() throws Exception {
        String path = "/competing-" + UUID.randomUUID();
        List<String> subjects = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        WebhookFixtures.Subscription sub = create(as(admin()), "{\"url\":\"" + receiver.url(path)
                + "\",\"eventTypes\":[\"" + UPDATED + "\"],\"subjects\":[\"" + String.join("\",\"", subjects) + "\"]}");
        List<WebhookDeliveries.Queued> queued = new ArrayList<>();
        Map<String, List<String>> bySubject = new java.util.LinkedHashMap<>();
        for (String subject : subjects) {
            for (int n = 1; n <= 3; n++) {
                String eventId = UUID.randomUUID().toString();
                bySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(eventId);
                queued.add(new WebhookDeliveries.Queued(UUID.fromString(sub.id()), "/tandem/product-service", eventId,
                        UPDATED, subject, Instant.now(), WebhookFixtures.PRODUCT_TOPIC, 0, n,
                        "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\"}"));
            }
        }
        // two more "instances" claim at the same moment as this gateway's own dispatcher, each holding its claim
        // (its transaction open) until the other has claimed too
        java.util.concurrent.CyclicBarrier bothClaimed = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Callable<List<WebhookDeliveries.Claimed>> claim = () ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                    List<WebhookDeliveries.Claimed> mine = deliveries.claim(50, Duration.ofMinutes(1));
                    bothClaimed.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return mine;
                });
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> deliveries.queue(queued));
        var a = instances.submit(claim);
        var b = instances.submit(claim);
        List<WebhookDeliveries.Claimed> claimedA = a.get(20, java.util.concurrent.TimeUnit.SECONDS).stream()
                .filter(c -> c.subscriptionId().toString().equals(sub.id())).toList();
        List<WebhookDeliveries.Claimed> claimedB = b.get(20, java.util.concurrent.TimeUnit.SECONDS).stream()
                .filter(c -> c.subscriptionId().toString().equals(sub.id())).toList();
        instances.shutdown();

        List<String> claimed = new ArrayList<>();
        claimedA.forEach(c -> claimed.add(c.eventId()));
        claimedB.forEach(c -> claimed.add(c.eventId()));
        assertEquals(claimed.size(), Set.copyOf(claimed).size(), "no delivery claimed twice: " + claimed);
        for (String eventId : claimed) {
            String subject = bySubject.entrySet().stream().filter(e -> e.getValue().contains(eventId)).findFirst()
                    .orElseThrow().getKey();
            assertEquals(bySubject.get(subject).get(0), eventId, "only the first event of a subject is claimable");
        }
        assertTrue(claimed.size() <= 3, "at most one per subject at a time: " + claimed);
        System.out.printf("[webhooks] competing claims: %d and %d of the 3 subject heads (the gateway's own "
                + "dispatcher took the rest)%n", claimedA.size(), claimedB.size());
        // the two stand-in instances "deliver" what they claimed; the gateway's own dispatcher sends the rest
        for (WebhookDeliveries.Claimed c : java.util.stream.Stream.concat(claimedA.stream(), claimedB.stream())
                .toList()) {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> deliveries.record(c, Instant.now(),
                    new WebhookSender.Outcome(200, 1, null), java.util.Optional.empty()));
        }
        eventually(WAIT, "all nine delivered", () -> deliveries(sub.id()).getList("items.state").stream()
                .filter("DELIVERED"::equals).count() == 9 ? true : null);
        List<String> sent = new ArrayList<>(claimed);
        receiver.received(path).forEach(r -> sent.add(r.header("webhook-id")));
        assertEquals(9, sent.size(), "each delivered once: " + sent);
        assertEquals(9, Set.copyOf(sent).size());
        for (List<String> events : bySubject.values()) {
            List<String> received = receiver.received(path).stream().map(r -> r.header("webhook-id"))
                    .filter(events::contains).toList();
            assertEquals(events.subList(events.size() - received.size(), events.size()), received,
                    "each subject in order");
        }
    }

    @Test
    void deliveriesPastTheirRetentionAreDeletedButPendingOnesNever() throws Exception {
        WebhookFixtures.Subscription sub = create(as(admin()), "{\"url\":\"" + receiver.url("/old")
                + "\",\"eventTypes\":[\"" + UPDATED + "\"],\"status\":\"PAUSED\"}");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_delivery (id, subscription_id, event_source, event_id, event_type, topic,
                    kafka_partition, kafka_offset, body, state, queued_at, next_attempt_at, last_attempt_at)
                VALUES (gen_random_uuid(), ?, 's', ?, 't', 'topic', 0, 0, '{}', ?, now() - ?::interval,
                        now() - ?::interval, now() - ?::interval)""")) {
            Object[][] rows = {{"old-delivered", "DELIVERED", "40 days"}, {"old-failed", "FAILED", "31 days"},
                    {"old-pending", "PENDING", "40 days"}, {"recent", "DELIVERED", "1 day"}};
            for (Object[] row : rows) {
                ps.setObject(1, UUID.fromString(sub.id()));
                ps.setString(2, (String) row[0]);
                ps.setString(3, (String) row[1]);
                ps.setString(4, (String) row[2]);
                ps.setString(5, (String) row[2]);
                ps.setString(6, (String) row[2]);
                ps.executeUpdate();
            }
        }
        assertTrue(retention.purge() >= 2);
        assertEquals(Set.of("old-pending", "recent"),
                Set.copyOf(deliveries(sub.id()).getList("items.eventId", String.class)));
    }
}
