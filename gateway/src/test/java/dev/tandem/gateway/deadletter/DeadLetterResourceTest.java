package dev.tandem.gateway.deadletter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Dead letters on the real embedded broker, as an operator lists and redrives them. */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class DeadLetterResourceTest {

    private static final String TOPIC = "tandem.product.events";
    private static final String DLQ = TOPIC + ".feedback-service.dlq";

    @Inject
    ApiKeys apiKeys;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anOperatorListsADeadLetterWithItsReasonAndRedrivesItWithTheSameEventId() throws Exception {
        String admin = TestKeys.admin(apiKeys);
        String eventId = UUID.randomUUID().toString();
        String subject = UUID.randomUUID().toString();
        deadLetter(eventId, subject, "unreadable ProductCreated payload: boom");

        JsonPath list = given().header("Authorization", "Bearer " + admin).queryParam("service", "feedback-service")
                .get(DeadLetterResource.PATH).then().statusCode(200).extract().jsonPath();
        String id = list.getString("items.find { it.eventId == '" + eventId + "' }.id");
        assertTrue(id != null && id.startsWith(DLQ + ":0:"), "listed: " + list.prettify());
        given().header("Authorization", "Bearer " + admin).get(DeadLetterResource.PATH + "/" + id).then()
                .statusCode(200)
                .body("service", equalTo("feedback-service"))
                .body("topic", equalTo(TOPIC))
                .body("eventType", equalTo("dev.tandem.product.created.v1"))
                .body("subject", equalTo(subject))
                .body("reason", equalTo("unreadable ProductCreated payload: boom"))
                .body("originalPartition", equalTo(2))
                .body("originalOffset", equalTo(41))
                .body("redrivenAt", nullValue());

        given().header("Authorization", "Bearer " + admin).post(DeadLetterResource.PATH + "/" + id + "/redrive")
                .then().statusCode(200).body("id", equalTo(id)).body("redrivenAt", notNullValue())
                .body("redrivenBy", notNullValue());

        KafkaEvents.Event back = readBack(eventId);
        assertEquals(subject, back.key(), "same key, so the same partition as the aggregate's other events");
        assertEquals("{\"productId\":\"" + subject + "\"}", back.text());
        assertNull(back.header("dead-letter-reason"), "the dead-letter headers stay behind");
        assertEquals("dev.tandem.product.created.v1", back.type());
        given().header("Authorization", "Bearer " + admin).queryParam("service", "feedback-service")
                .get(DeadLetterResource.PATH).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.redrivenAt", notNullValue());
    }

    @Test
    void aBulkRedriveSendsBackOnlyWhatWasNotRedrivenYet() throws Exception {
        String admin = TestKeys.admin(apiKeys);
        String first = UUID.randomUUID().toString();
        deadLetter(first, UUID.randomUUID().toString(), "rule refused it");
        JsonPath result = given().header("Authorization", "Bearer " + admin).queryParam("service", "feedback-service")
                .post(DeadLetterResource.PATH + "/redrive").then().statusCode(200).extract().jsonPath();
        assertTrue(result.getList("items.eventId").contains(first), result.prettify());
        readBack(first);

        String second = UUID.randomUUID().toString();
        deadLetter(second, UUID.randomUUID().toString(), "rule refused it");
        given().header("Authorization", "Bearer " + admin).queryParam("service", "feedback-service")
                .post(DeadLetterResource.PATH + "/redrive").then().statusCode(200)
                .body("redriven", equalTo(1)).body("items.eventId", hasItem(second));
    }

    @Test
    void onlyAdminsSeeDeadLettersAndBadInputIsNamed() {
        given().header("Authorization", "Bearer " + TestKeys.withScopes(apiKeys, "products:write"))
                .get(DeadLetterResource.PATH).then().statusCode(403);
        String admin = TestKeys.admin(apiKeys);
        given().header("Authorization", "Bearer " + admin).queryParam("limit", "0").get(DeadLetterResource.PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", "Bearer " + admin).post(DeadLetterResource.PATH + "/redrive").then()
                .statusCode(400).body("errors[0].field", equalTo("service"));
        given().header("Authorization", "Bearer " + admin).get(DeadLetterResource.PATH + "/" + DLQ + ":0:999999")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + admin).get(DeadLetterResource.PATH + "/not-a-dead-letter")
                .then().statusCode(404);
    }

    @Test
    void theListIsPagedNewestFirstWithACursorAcrossPartitions() throws Exception {
        String admin = TestKeys.admin(apiKeys);
        String service = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        String dlq = TOPIC + "." + service + ".dlq";
        createTopic(dlq, 2);
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) { // alternating partitions, one second apart
            String eventId = UUID.randomUUID().toString();
            deadLetter(dlq, i % 2, t0.plusSeconds(i), eventId, UUID.randomUUID().toString(), "refused " + i);
            published.add(0, eventId); // newest first
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", "Bearer " + admin).queryParam("service", service)
                    .queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var response = request.get(DeadLetterResource.PATH).then().statusCode(200).extract();
            JsonPath page = response.jsonPath();
            List<String> ids = page.getList("items.eventId");
            assertTrue(ids.size() <= 3, page.prettify());
            assertEquals(7, page.getInt("total"), "dead letters on the service's topics: " + page.prettify());
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                assertTrue(response.header("Link").contains("rel=\"next\""), response.header("Link"));
                assertTrue(response.header("Link").contains("limit=3"), response.header("Link"));
            } else {
                assertNull(response.header("Link"), "no next page, no Link");
            }
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(published, seen, "every dead letter once, newest first");
        assertEquals(3, pages);
    }

    @Test
    void pagingParametersAreCheckedAndNamed() {
        String admin = TestKeys.admin(apiKeys);
        for (String limit : List.of("0", "501", "many")) {
            given().header("Authorization", "Bearer " + admin).queryParam("limit", limit).get(DeadLetterResource.PATH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        given().header("Authorization", "Bearer " + admin).queryParam("limit", 500).get(DeadLetterResource.PATH)
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + admin).queryParam("cursor", "not-a-cursor")
                .get(DeadLetterResource.PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aBulkRedriveGoesOldestFirstOnePageAtATime() throws Exception {
        String admin = TestKeys.admin(apiKeys);
        String service = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        String dlq = TOPIC + "." + service + ".dlq";
        createTopic(dlq, 2);
        Instant t0 = Instant.parse("2026-12-01T11:00:00Z");
        List<String> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String eventId = UUID.randomUUID().toString();
            deadLetter(dlq, i % 2, t0.plusSeconds(i), eventId, UUID.randomUUID().toString(), "refused " + i);
            oldestFirst.add(eventId);
        }
        List<String> redriven = new ArrayList<>();
        String cursor = null;
        int calls = 0;
        do {
            var request = given().header("Authorization", "Bearer " + admin).queryParam("service", service)
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath result = request.post(DeadLetterResource.PATH + "/redrive").then().statusCode(200).extract()
                    .jsonPath();
            redriven.addAll(result.getList("items.eventId"));
            assertEquals(result.getList("items").size(), result.getInt("redriven"));
            cursor = result.getString("nextCursor");
            calls++;
        } while (cursor != null && calls < 10);
        assertEquals(oldestFirst, redriven);
        assertEquals(3, calls);
        // all of them were redriven: another bulk redrive sends nothing
        given().header("Authorization", "Bearer " + admin).queryParam("service", service)
                .post(DeadLetterResource.PATH + "/redrive").then().statusCode(200).body("redriven", equalTo(0));
    }

    private void createTopic(String topic, int partitions) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** A record as the platform inbox dead-letters it: the original headers plus SmallRye's dead-letter-*. */
    private void deadLetter(String eventId, String subject, String reason) throws Exception {
        deadLetter(DLQ, 0, null, eventId, subject, reason);
    }

    private void deadLetter(String dlq, int partition, Instant at, String eventId, String subject, String reason)
            throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(dlq, partition, at == null ? null : at.toEpochMilli(),
                subject, "{\"productId\":\"" + subject + "\"}");
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", eventId);
        header(r, "ce_source", "/tandem/product-service");
        header(r, "ce_type", "dev.tandem.product.created.v1");
        header(r, "ce_subject", subject);
        header(r, "dead-letter-reason", reason);
        header(r, "dead-letter-topic", TOPIC);
        header(r, "dead-letter-partition", "2");
        header(r, "dead-letter-offset", "41");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(r).get();
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The record with this ce_id on the original topic, read from its beginning. */
    private static KafkaEvents.Event readBack(String eventId) {
        try (KafkaEvents reader = KafkaEvents.on(TOPIC)) {
            List<KafkaEvents.Event> found = reader.awaitAtLeast(1, e -> eventId.equals(e.id()), Duration.ofSeconds(20));
            assertEquals(1, found.size(), "sent back once to " + TOPIC + ": " + found);
            return found.get(0);
        }
    }
}
