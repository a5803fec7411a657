package dev.tandem.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads tandem.product.events with a plain Kafka consumer, as an integrator would. */
public final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventLog() {
    }

    /**
     * An event as read from the broker.
     *
     * @param actor     its {@code ce_actor} (the actor's subject)
     * @param actorName its {@code ce_actorname}
     */
    public record Event(String type, long sequence, JsonNode payload, String actor, String actorName) {
    }

    /**
     * The events of one aggregate (record key), in offset order, read until {@code count} of them are there (at most
     * 30 s). Each payload is validated against its type's JSON Schema.
     */
    public static List<Event> eventsOf(String key, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PRODUCT));
            Instant deadline = Instant.now().plusSeconds(30);
            while (events.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        events.add(toEvent(r));
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        if (events.size() < count) {
            throw new AssertionError("expected " + count + " events with key " + key + " within 30 s, got "
                    + events.stream().map(Event::type).toList());
        }
        return events;
    }

    private static Event toEvent(ConsumerRecord<String, byte[]> r) throws Exception {
        String type = header(r, "ce_type");
        assertEquals(r.key(), header(r, "ce_subject"));
        JsonNode payload = JSON.readTree(r.value());
        EventType eventType = EventType.of(type).orElseThrow(() -> new AssertionError("undocumented type " + type));
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(
                EventLog.class.getClassLoader().getResourceAsStream(eventType.schemaResource()));
        assertEquals(Set.of(), schema.validate(payload), type + " " + payload);
        return new Event(type, Long.parseLong(header(r, "ce_sequence")), payload, header(r, "ce_actor"),
                header(r, "ce_actorname"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        if (h == null) {
            throw new AssertionError("missing header " + name);
        }
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
