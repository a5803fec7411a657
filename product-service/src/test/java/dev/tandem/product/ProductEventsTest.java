package dev.tandem.product;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What an integrator reading tandem.product.events with a plain Kafka consumer sees after a create. */
@QuarkusTest
class ProductEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void creatingAProductPublishesProductCreatedWithCloudEventsHeaders() throws Exception {
        String key = "E" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body("{\"key\": \"" + key + "\", \"name\": \"Events\", \"targetSegments\": [\"SMB\"]}")
                .post("/api/v1/products").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, byte[]> record = readRecordWithKey(id);

        assertEquals(EventType.PRODUCT_CREATED.type(), header(record, "ce_type"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("/tandem/product-service", header(record, "ce_source"));
        assertEquals(id, header(record, "ce_subject"));
        assertEquals(1, Long.parseLong(header(record, "ce_sequence")));
        assertEquals("application/json", header(record, "content-type"));
        UUID.fromString(header(record, "ce_id"));
        Instant.parse(header(record, "ce_time"));
        assertTrue(header(record, "traceparent").startsWith("00-" + traceId + "-"),
                "the request's trace continues in the event: " + header(record, "traceparent"));

        JsonNode payload = JSON.readTree(record.value());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(
                getClass().getClassLoader().getResourceAsStream(EventType.PRODUCT_CREATED.schemaResource()));
        assertEquals(Set.of(), schema.validate(payload));
        assertEquals(id, payload.get("productId").asText());
        assertEquals(key, payload.get("key").asText());
        assertEquals("CONCEPT", payload.get("lifecycleStage").asText());
    }

    private static ConsumerRecord<String, byte[]> readRecordWithKey(String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PRODUCT));
            Instant deadline = Instant.now().plusSeconds(30);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r);
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
            throw new AssertionError("no event with key " + key + " within 30 s; saw " + seen.size() + " others");
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        if (h == null) {
            throw new AssertionError("missing header " + name);
        }
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
