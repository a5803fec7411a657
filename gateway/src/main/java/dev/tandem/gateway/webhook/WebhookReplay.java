package dev.tandem.gateway.webhook;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.events.StructuredCloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code POST /api/v1/webhooks/{id}/replay}: the subscription's events since a time, read back from the topics
 * (each partition from {@code offsetsForTimes(since)} to its end when asked; no consumer group, nothing committed),
 * and queued again: as new deliveries, or — for events delivered or given up before — the same delivery again.
 *
 * <p>Why from Kafka rather than from the stored deliveries: the topics are the record of what happened, while the
 * deliveries only hold what matched the subscription when it was ENABLED. A replay also brings what was published
 * while it was PAUSED or DISABLED, what its previous filter left out, and events from before it existed — the usual
 * reason to replay. Its reach is the topics' retention (7 days by default).
 */
@ApplicationScoped
public class WebhookReplay {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final GatewayConfig.WebhooksConfig config;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final ObjectMapper mapper;
    private final String bootstrapServers;

    public WebhookReplay(GatewayConfig config, WebhookDeliveries deliveries, WebhookDispatcher dispatcher,
            ObjectMapper mapper, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config.webhooks();
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
        this.bootstrapServers = bootstrapServers;
    }

    ReplayResult replay(WebhookSubscription subscription, Instant since) {
        EventFilter filter = subscription.filter();
        List<WebhookDeliveries.Queued> matched = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int scanned = 0;
        boolean truncated = false;
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties())) {
            Map<TopicPartition, Long> from = new HashMap<>();
            for (String topic : config.topics()) {
                List<PartitionInfo> partitions = kafka.partitionsFor(topic, READ_TIMEOUT);
                if (partitions == null) {
                    continue;
                }
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(p -> times.put(new TopicPartition(topic, p.partition()), since.toEpochMilli()));
                kafka.offsetsForTimes(times, READ_TIMEOUT).forEach((partition, found) -> {
                    if (found != null) {
                        from.put(partition, found.offset());
                    }
                });
            }
            if (!from.isEmpty()) {
                Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(from.keySet(), READ_TIMEOUT));
                kafka.assign(from.keySet());
                from.forEach(kafka::seek);
                end.entrySet().removeIf(e -> from.get(e.getKey()) >= e.getValue());
                long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
                while (!end.isEmpty() && !truncated) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the topics could not be read back within " + READ_TIMEOUT);
                    }
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                        Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
                        if (stop == null || record.offset() >= stop) {
                            continue; // published after the replay began: the fan-out queues it
                        }
                        scanned++;
                        WebhookFanOut.Event event = WebhookFanOut.Event.of(record);
                        if (event == null || event.time().isBefore(since)
                                || !filter.matches(event.type(), event.subject())
                                || !seen.add(event.source() + '\u0000' + event.id())) {
                            continue;
                        }
                        Optional<String> body = StructuredCloudEvent.of(record, mapper);
                        if (body.isEmpty()) {
                            continue; // no CloudEvent (logged): nothing to deliver
                        }
                        if (matched.size() == config.replayMaxEvents()) {
                            truncated = true;
                            break;
                        }
                        matched.add(event.queuedFor(subscription.id(), body.get()));
                    }
                    end.entrySet().removeIf(e -> kafka.position(e.getKey(), READ_TIMEOUT) >= e.getValue());
                }
            }
        }
        int queued = QuarkusTransaction.requiringNew().call(() -> {
            try {
                return deliveries.requeue(matched);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        dispatcher.wakeUp();
        return new ReplayResult(since, scanned, matched.size(), queued, truncated);
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tandem-gateway-webhook-replay");
        return p;
    }
}
