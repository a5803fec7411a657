package dev.tandem.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads tandem.feedback.events as an integrator would, and checks each payload against its published schema. */
final class EventReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first {@code count} records with this key that pass {@code filter}, waiting at most 30 s. */
    static List<ConsumerRecord<String, byte[]>> records(String key, int count,
                                                        Predicate<ConsumerRecord<String, byte[]>> filter) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.FEEDBACK));
            Instant deadline = Instant.now().plusSeconds(30);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (Instant.now().isBefore(deadline) && found.size() < count) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (found.size() < count && key.equals(r.key()) && filter.test(r)) {
                        found.add(r);
                    }
                }
            }
            assertEquals(count, found.size(), "events with key " + key + " within 30 s");
            return found;
        }
    }

    static List<ConsumerRecord<String, byte[]>> records(String key, int count) {
        return records(key, count, r -> true);
    }

    /** Only records of these types. */
    static Predicate<ConsumerRecord<String, byte[]>> ofType(EventType... types) {
        return r -> {
            String type = header(r, "ce_type");
            for (EventType t : types) {
                if (t.type().equals(type)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The payload, after checking the record's type and that the payload matches the type's JSON Schema. */
    static JsonNode payload(ConsumerRecord<String, byte[]> record, EventType type) throws Exception {
        assertEquals(type.type(), header(record, "ce_type"));
        assertEquals(record.key(), header(record, "ce_subject"));
        JsonNode payload = JSON.readTree(record.value());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(
                EventReader.class.getClassLoader().getResourceAsStream(type.schemaResource()));
        assertEquals(Set.of(), schema.validate(payload), type.type() + ": " + payload);
        return payload;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        if (h == null) {
            throw new AssertionError("missing header " + name);
        }
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    private EventReader() {
    }
}
