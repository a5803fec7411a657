package dev.tandem.gateway.webhook;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.EventHeaders;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.events.StructuredCloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Turns the domain events into deliveries: a Kafka consumer in the group {@code consumer-group} (one per gateway
 * cluster, so instances share the partitions) reads the topics, and for each poll writes one {@code webhook_delivery}
 * row per matching ENABLED subscription and event in one transaction — the event as the structured CloudEvent that
 * will be sent — then commits the offsets. A subscription gets the events that happened from its creation on (a new
 * group starts at the earliest offsets, so nothing published while no gateway ran is missed). A crash between the
 * insert and the commit reads the poll again; the rows are unique per (subscription, event), so nothing is queued
 * twice. When the database is away the same poll is tried again with back-off, and nothing is committed meanwhile.
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What the fan-out needs of an ENABLED subscription. */
    record Active(UUID id, EventFilter filter, Instant createdAt) {
    }

    private final GatewayConfig.WebhooksConfig config;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final ObjectMapper mapper;
    private final String bootstrapServers;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public WebhookFanOut(GatewayConfig config, WebhookDeliveries deliveries, WebhookDispatcher dispatcher,
            ObjectMapper mapper, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config.webhooks();
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "webhook-fan-out");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties())) {
            consumer = kafka;
            // by pattern: a topic that does not exist yet (no event of that service so far) is joined when it appears,
            // without a warning on every metadata refresh meanwhile
            kafka.subscribe(Pattern.compile(config.topics().stream().map(Pattern::quote)
                    .collect(Collectors.joining("|"))));
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    int queued = fanOut(records);
                    kafka.commitSync();
                    backoff = Duration.ofMillis(200);
                    if (queued > 0) {
                        dispatcher.wakeUp();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warnf("webhooks: %d events could not be queued (%s); trying again in %d ms", records.count(),
                            e.toString(), backoff.toMillis());
                    for (TopicPartition partition : records.partitions()) {
                        kafka.seek(partition, records.records(partition).get(0).offset());
                    }
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhooks: the event consumer stopped");
        }
    }

    /** Queues a delivery per matching subscription and event of the poll; returns how many are new. */
    private int fanOut(ConsumerRecords<String, byte[]> records) {
        List<Active> active = QuarkusTransaction.requiringNew().call(() -> WebhookSubscription
                .<WebhookSubscription>list("status", WebhookSubscription.Status.ENABLED).stream()
                .map(s -> new Active(s.id(), s.filter(), s.createdAt())).toList());
        if (active.isEmpty()) {
            return 0;
        }
        List<WebhookDeliveries.Queued> queued = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Event event = Event.of(record);
            if (event == null) {
                continue;
            }
            String body = null;
            for (Active subscription : active) {
                if (!event.time().isBefore(subscription.createdAt())
                        && subscription.filter().matches(event.type(), event.subject())) {
                    if (body == null) {
                        body = StructuredCloudEvent.of(record, mapper).orElse(null);
                        if (body == null) {
                            break; // no CloudEvent (logged): nothing to deliver
                        }
                    }
                    queued.add(event.queuedFor(subscription.id(), body));
                }
            }
        }
        if (queued.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try {
                return deliveries.queue(queued);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A record's CloudEvents attributes that decide where it goes. */
    record Event(String source, String id, String type, String subject, Instant time, ConsumerRecord<String, byte[]> record) {

        /** Null for a record that is no CloudEvent (no id or type). */
        static Event of(ConsumerRecord<String, byte[]> record) {
            String id = StructuredCloudEvent.header(record.headers(), EventHeaders.ID);
            String type = StructuredCloudEvent.header(record.headers(), EventHeaders.TYPE);
            if (id == null || type == null) {
                return null;
            }
            String source = StructuredCloudEvent.header(record.headers(), EventHeaders.SOURCE);
            Instant time = Instant.ofEpochMilli(record.timestamp());
            String ceTime = StructuredCloudEvent.header(record.headers(), EventHeaders.TIME);
            if (ceTime != null) {
                try {
                    time = OffsetDateTime.parse(ceTime).toInstant();
                } catch (DateTimeParseException e) {
                    // the broker's timestamp then
                }
            }
            return new Event(source == null ? record.topic() : source, id, type,
                    StructuredCloudEvent.header(record.headers(), EventHeaders.SUBJECT), time, record);
        }

        WebhookDeliveries.Queued queuedFor(UUID subscriptionId, String body) {
            return new WebhookDeliveries.Queued(subscriptionId, source, id, type, subject, time, record.topic(),
                    record.partition(), record.offset(), body);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // a topic created after the gateway started (a service's first event) is picked up within this
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tandem-gateway-webhooks");
        // a gateway instance that dies hands its partitions to the others after 10 s, not Kafka's default 45 s (as
        // the services' consumers, platform's microprofile-config.properties)
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        return p;
    }
}
