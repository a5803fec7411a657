package dev.tandem.gateway.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dead-letter topics of Tandem's consumers ({@code <topic>.<consumer group>.dlq}, written by the platform inbox
 * with the reason in {@code dead-letter-reason}), read straight from the broker, and their redrive: the record goes
 * back to its original topic with its key, value and CloudEvents headers ({@code ce_id} included), so every inbox
 * that already applied it de-duplicates it and the consumer that could not apply it tries again. Which records were
 * redriven is kept in {@code dead_letter_redrive}, since the topics are append-only.
 */
@ApplicationScoped
public class DeadLetters {

    /** {@code tandem.product.events.feedback-service.dlq} → topic and consuming service. */
    static final Pattern DLQ = Pattern.compile("(.+)\\.([A-Za-z0-9_-]+)\\.dlq");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One dead letter as the admin API shows it. */
    public record DeadLetter(String id, String service, String topic, String dlqTopic, int dlqPartition,
                             long dlqOffset, String eventId, String eventType, String subject, String source,
                             String reason, Instant deadLetteredAt, Integer originalPartition, Long originalOffset,
                             Instant redrivenAt, String redrivenBy) {
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager em;

    private volatile KafkaProducer<byte[], byte[]> producer;

    /** The consuming services that have a dead-letter topic, with their topics. */
    public Map<String, Set<String>> topicsByService() {
        Map<String, Set<String>> byService = new HashMap<>();
        for (String topic : listTopics()) {
            Matcher m = DLQ.matcher(topic);
            if (m.matches()) {
                byService.computeIfAbsent(m.group(2), k -> new TreeSet<>()).add(topic);
            }
        }
        return byService;
    }

    /** Every dead letter of the service (all services when null), newest first. */
    public List<DeadLetter> list(String service) {
        List<String> topics = new ArrayList<>();
        topicsByService().forEach((s, t) -> {
            if (service == null || service.equals(s)) {
                topics.addAll(t);
            }
        });
        List<DeadLetter> letters = new ArrayList<>();
        Map<String, Object[]> redrives = redrives();
        for (ConsumerRecord<byte[], byte[]> r : readAll(topics)) {
            letters.add(view(r, redrives.get(id(r.topic(), r.partition(), r.offset()))));
        }
        letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt).reversed()
                .thenComparing(DeadLetter::id, Comparator.reverseOrder()));
        return letters;
    }

    public Optional<DeadLetter> get(String id) {
        return locate(id).map(r -> view(r, redrives().get(id)));
    }

    /**
     * Sends the dead letter back to its original topic, waits for the broker's acknowledgement and records the
     * redrive. A record redriven before is sent again (the inboxes make that harmless).
     */
    @Transactional
    public Optional<DeadLetter> redrive(String id, String by) {
        Optional<ConsumerRecord<byte[], byte[]>> found = locate(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsumerRecord<byte[], byte[]> r = found.get();
        String original = DLQ.matcher(r.topic()).replaceFirst("$1");
        ProducerRecord<byte[], byte[]> back = new ProducerRecord<>(original, null, r.key(), r.value());
        for (Header h : r.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                back.headers().add(h);
            }
        }
        try {
            producer().send(back).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + id + " back to " + original + ": " + e.getMessage(), e);
        }
        em.createNativeQuery("""
                        INSERT INTO dead_letter_redrive (dlq_topic, dlq_partition, dlq_offset, event_id, redriven_by)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (dlq_topic, dlq_partition, dlq_offset)
                        DO UPDATE SET redriven_at = now(), redriven_by = EXCLUDED.redriven_by""")
                .setParameter(1, r.topic()).setParameter(2, r.partition()).setParameter(3, r.offset())
                .setParameter(4, header(r, "ce_id")).setParameter(5, by)
                .executeUpdate();
        em.flush();
        return Optional.of(view(r, redrives().get(id)));
    }

    /** {@code <dlq topic>:<partition>:<offset>}: where the dead letter is, stable for as long as the topic keeps it. */
    static String id(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }

    private Optional<ConsumerRecord<byte[], byte[]>> locate(String id) {
        String[] parts = id.split(":");
        if (parts.length != 3 || !DLQ.matcher(parts[0]).matches()) {
            return Optional.empty();
        }
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(parts[1]);
            offset = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (partition < 0 || offset < 0 || !listTopics().contains(parts[0])) {
            return Optional.empty();
        }
        TopicPartition tp = new TopicPartition(parts[0], partition);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            if (consumer.partitionsFor(parts[0], TIMEOUT).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
            if (offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(r);
                    }
                    if (r.offset() > offset) {
                        return Optional.empty(); // gone (compacted or deleted by retention)
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Every record of the topics, from their beginning to their end when asked. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(List<String> topics) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        if (topics.isEmpty()) {
            return records;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic, TIMEOUT)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, TIMEOUT));
            end.entrySet().removeIf(e -> consumer.position(e.getKey(), TIMEOUT) >= e.getValue());
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(r);
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey(), TIMEOUT) >= e.getValue());
            }
        }
        return records;
    }

    private Map<String, Object[]> redrives() {
        Map<String, Object[]> byId = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT dlq_topic, dlq_partition, dlq_offset, redriven_at, redriven_by FROM dead_letter_redrive")
                .getResultList();
        for (Object[] row : rows) {
            byId.put(id((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).longValue()), row);
        }
        return byId;
    }

    private static DeadLetter view(ConsumerRecord<byte[], byte[]> r, Object[] redrive) {
        Matcher m = DLQ.matcher(r.topic());
        m.matches();
        String partition = header(r, "dead-letter-partition");
        String offset = header(r, "dead-letter-offset");
        Instant redrivenAt = null;
        if (redrive != null) {
            Object at = redrive[3];
            redrivenAt = at instanceof Instant i ? i : at instanceof java.time.OffsetDateTime o ? o.toInstant()
                    : at instanceof java.sql.Timestamp t ? t.toInstant() : null;
        }
        return new DeadLetter(id(r.topic(), r.partition(), r.offset()), m.group(2), m.group(1), r.topic(),
                r.partition(), r.offset(), header(r, "ce_id"), header(r, "ce_type"), header(r, "ce_subject"),
                header(r, "ce_source"), header(r, "dead-letter-reason"), Instant.ofEpochMilli(r.timestamp()),
                partition == null ? null : Integer.valueOf(partition), offset == null ? null : Long.valueOf(offset),
                redrivenAt, redrive == null ? null : (String) redrive[4]);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Set<String> listTopics() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(p)) {
            return admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not list the broker's topics: " + e.getMessage(), e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() * 3);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
