package dev.tandem.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** A plain Kafka client, as an integrator would use one. */
final class KafkaSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private KafkaSupport() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Reads {@code topic} from the start until {@code count} records with this key were seen (30 s at most). */
    static List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError("only " + found.size() + " of " + count + " events with key " + key
                    + " on " + topic + " within 30 s");
        }
        return found;
    }

    static void send(ProducerRecord<String, byte[]> record) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        if (h == null) {
            throw new AssertionError("missing header " + name);
        }
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The payload, after checking that it is valid against the JSON Schema of its ce_type. */
    static JsonNode validPayload(ConsumerRecord<String, byte[]> record, EventType expected) throws IOException {
        assertEquals(expected.type(), header(record, "ce_type"));
        JsonNode payload = JSON.readTree(record.value());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(
                KafkaSupport.class.getClassLoader().getResourceAsStream(expected.schemaResource()));
        assertEquals(Set.of(), schema.validate(payload), expected.type() + " payload " + payload);
        return payload;
    }
}
