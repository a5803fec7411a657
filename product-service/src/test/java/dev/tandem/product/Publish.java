package dev.tandem.product;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.platform.events.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes events of other services to the real broker, as those services would (CloudEvents headers, key =
 * subject). Everything goes to partition 0, so an event's effect proves that every event sent before it was handled.
 */
public final class Publish {

    private Publish() {
    }

    /** Publishes with a new event id; returns the id (send it again with {@link #again} to redeliver). */
    public static String event(String topic, String type, UUID subject, long version, String json) {
        String id = UUID.randomUUID().toString();
        again(id, topic, type, subject, version, json);
        return id;
    }

    /** Publishes with the given event id: the same id as before is a redelivery. */
    public static void again(String eventId, String topic, String type, UUID subject, long version, String json) {
        String source = topic.contains("feedback") ? "/tandem/feedback-service" : "/tandem/project-service";
        // ce_sequence starts at 1; the aggregate's version starts at 0
        EventEnvelope envelope = new EventEnvelope(eventId, source, type, subject.toString(), Instant.now(),
                version + 1, null);
        KafkaEvents.send(new ProducerRecord<>(topic, 0, subject.toString(), json.getBytes(StandardCharsets.UTF_8),
                envelope.toHeaders()));
    }

    /** Polls until the condition holds (30 s at most). */
    public static void awaitTrue(String what, Supplier<Boolean> condition) {
        await(what).atMost(KafkaEvents.WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> Boolean.TRUE.equals(condition.get()));
    }
}
