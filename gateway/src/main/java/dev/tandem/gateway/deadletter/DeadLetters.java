package dev.tandem.gateway.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.tandem.events.EventHeaders;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.platform.paging.Cursor;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The dead-letter topics of Tandem's consumers ({@code <topic>.<consumer group>.dlq}, written by the platform inbox
 * with the reason in {@code dead-letter-reason}), read straight from the broker, and their redrive: the record goes
 * back to its original topic with its key, value and CloudEvents headers ({@code ce_id} included), so every inbox
 * that already applied it de-duplicates it and the consumer that could not apply it tries again. Which records were
 * redriven is kept in {@code dead_letter_redrive}, since the topics are append-only.
 *
 * <p>Reads are bounded: a page reads at most {@code limit} records per partition, from the position its cursor names
 * (one position per partition), never a whole topic. Every call to the broker is bounded by
 * {@code tandem.gateway.dead-letters.broker-timeout}; past it, {@link BrokerUnavailable}.
 */
@ApplicationScoped
public class DeadLetters {

    /** {@code tandem.product.events.feedback-service.dlq} → topic and consuming service. */
    static final Pattern DLQ = Pattern.compile("(.+)\\.([A-Za-z0-9_-]+)\\.dlq");
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** A cursor holds a position per partition of the dead-letter topics: longer than the platform's usual bound. */
    static final int MAX_CURSOR_LENGTH = 8192;
    /** Cursor kinds: where a newest-first page continues (exclusive upper bounds), where a redrive goes on. */
    private static final String BEFORE = "before";
    private static final String FROM = "from";

    /** One dead letter as the admin API shows it. */
    public record DeadLetter(String id, String service, String topic, String dlqTopic, int dlqPartition,
                             long dlqOffset, String eventId, String eventType, String subject, String source,
                             String reason, Instant deadLetteredAt, Integer originalPartition, Long originalOffset,
                             Instant redrivenAt, String redrivenBy) {
    }

    /**
     * One page of dead letters.
     *
     * @param nextCursor where the next page starts; null on the last page
     * @param total      how many dead letters the topics hold (of the service, when one was named)
     */
    public record Page(List<DeadLetter> items, String nextCursor, long total) {
    }

    /** What a bulk redrive sent back, and where the next call goes on (null when nothing is left). */
    public record Redriven(List<DeadLetter> items, String nextCursor) {
    }

    /** The broker did not answer within the broker timeout (or refused): the request can be tried again later. */
    public static final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String bootstrapServers;
    private final Duration timeout;
    private final EntityManager em;
    private volatile KafkaProducer<byte[], byte[]> producer;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, GatewayConfig config,
            EntityManager em) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = config.deadLetters().brokerTimeout();
        this.em = em;
    }

    /** The broker timeout, for the answer's wording. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * A page of the service's dead letters (all services when null), newest first.
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first
     */
    public Page list(String service, int limit, String cursor) {
        Map<TopicPartition, Long> before = cursor == null ? null : positions(cursor, BEFORE);
        return broker("read the dead-letter topics", () -> {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                Offsets offsets = offsets(consumer, service);
                Map<TopicPartition, long[]> windows = new HashMap<>();
                for (TopicPartition tp : offsets.partitions()) {
                    long start = offsets.start(tp);
                    Long bound = before == null ? Long.valueOf(offsets.end(tp)) : before.get(tp);
                    if (bound == null) {
                        continue; // done on an earlier page (or new since the first page)
                    }
                    long to = Math.min(bound, offsets.end(tp));
                    if (to > start) {
                        windows.put(tp, new long[] {Math.max(start, to - limit), to});
                    }
                }
                Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> read = read(consumer, windows, true);
                List<ConsumerRecord<byte[], byte[]>> page = merge(read, limit, true);
                Map<TopicPartition, Long> next = new TreeMap<>(PARTITION_ORDER);
                windows.forEach((tp, window) -> {
                    // below the oldest record this page took; a window without any record (only gaps): below it;
                    // a partition none of whose records made it onto this page: the same window again
                    long bound = lowestTaken(page, tp).orElse(read.get(tp).isEmpty() ? window[0] : window[1]);
                    if (bound > offsets.start(tp)) {
                        next.put(tp, bound);
                    }
                });
                return new Page(views(page), next.isEmpty() ? null : encode(BEFORE, next), offsets.total());
            }
        });
    }

    public Optional<DeadLetter> get(String id) {
        return locate(id).map(r -> view(r, redrives(List.of(r)).get(id)));
    }

    /**
     * Sends the dead letter back to its original topic, waits for the broker's acknowledgement and records the
     * redrive. A record redriven before is sent again (the inboxes make that harmless).
     */
    public Optional<DeadLetter> redrive(String id, String by) {
        return locate(id).map(r -> sendBack(r, by));
    }

    /**
     * Redrives the service's dead letters that were not redriven yet, oldest first, looking at most at
     * {@code limit} of them; {@link Redriven#nextCursor()} goes on from there.
     *
     * @param cursor the {@code nextCursor} of the previous call, or null to start at the oldest dead letter
     */
    public Redriven redrivePending(String service, int limit, String cursor, String by) {
        Map<TopicPartition, Long> from = cursor == null ? null : positions(cursor, FROM);
        record Batch(List<ConsumerRecord<byte[], byte[]>> page, String nextCursor) {
        }
        Batch batch = broker("read the dead-letter topics", () -> {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                Offsets offsets = offsets(consumer, service);
                Map<TopicPartition, long[]> windows = new HashMap<>();
                for (TopicPartition tp : offsets.partitions()) {
                    Long position = from == null ? Long.valueOf(offsets.start(tp)) : from.get(tp);
                    if (position == null) {
                        continue;
                    }
                    long first = Math.max(position, offsets.start(tp));
                    if (first < offsets.end(tp)) {
                        windows.put(tp, new long[] {first, Math.min(offsets.end(tp), first + limit)});
                    }
                }
                Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> read = read(consumer, windows, false);
                List<ConsumerRecord<byte[], byte[]>> page = merge(read, limit, false);
                Map<TopicPartition, Long> next = new TreeMap<>(PARTITION_ORDER);
                windows.forEach((tp, window) -> {
                    // after the newest record this call took; past a window without any record; else the same
                    long position = highestTaken(page, tp).map(o -> o + 1)
                            .orElse(read.get(tp).isEmpty() ? window[1] : window[0]);
                    if (position < offsets.end(tp)) {
                        next.put(tp, position);
                    }
                });
                return new Batch(page, next.isEmpty() ? null : encode(FROM, next));
            }
        });
        Map<String, Object[]> redriven = redrives(batch.page());
        List<DeadLetter> sent = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : batch.page()) {
            if (!redriven.containsKey(id(r.topic(), r.partition(), r.offset()))) {
                sent.add(sendBack(r, by));
            }
        }
        return new Redriven(sent, batch.nextCursor());
    }

    /** {@code <dlq topic>:<partition>:<offset>}: where the dead letter is, stable for as long as the topic keeps it. */
    static String id(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }

    private DeadLetter sendBack(ConsumerRecord<byte[], byte[]> r, String by) {
        String id = id(r.topic(), r.partition(), r.offset());
        String original = DLQ.matcher(r.topic()).replaceFirst("$1");
        ProducerRecord<byte[], byte[]> back = new ProducerRecord<>(original, null, r.key(), r.value());
        for (Header h : r.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                back.headers().add(h);
            }
        }
        try {
            producer().send(back).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable("interrupted while sending " + id + " back to " + original, e);
        } catch (java.util.concurrent.TimeoutException | ExecutionException | KafkaException e) {
            throw new BrokerUnavailable("the broker did not acknowledge " + id + " sent back to " + original
                    + " within " + timeout.toMillis() + " ms (it may still arrive: redriving again is harmless)", e);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO dead_letter_redrive (dlq_topic, dlq_partition, dlq_offset, event_id, redriven_by)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (dlq_topic, dlq_partition, dlq_offset)
                        DO UPDATE SET redriven_at = now(), redriven_by = EXCLUDED.redriven_by""")
                .setParameter(1, r.topic()).setParameter(2, r.partition()).setParameter(3, r.offset())
                .setParameter(4, header(r, EventHeaders.ID)).setParameter(5, by)
                .executeUpdate());
        return view(r, redrives(List.of(r)).get(id));
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
        if (partition < 0 || offset < 0) {
            return Optional.empty();
        }
        TopicPartition tp = new TopicPartition(parts[0], partition);
        return broker("read " + id, () -> {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                List<PartitionInfo> infos = consumer.listTopics(timeout).get(parts[0]);
                if (infos == null || infos.stream().noneMatch(p -> p.partition() == partition)) {
                    return Optional.empty();
                }
                long start = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
                long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
                if (offset < start || offset >= end) {
                    return Optional.empty(); // never written, or gone with the topic's retention
                }
                Deque<ConsumerRecord<byte[], byte[]>> read = read(consumer,
                        Map.of(tp, new long[] {offset, offset + 1}), false).get(tp);
                ConsumerRecord<byte[], byte[]> r = read.peekFirst();
                return r != null && r.offset() == offset ? Optional.of(r) : Optional.empty();
            }
        });
    }

    /** The dead-letter partitions (of the service, when named) with their first and end offsets. */
    private record Offsets(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {

        Collection<TopicPartition> partitions() {
            return starts.keySet();
        }

        long start(TopicPartition tp) {
            return starts.get(tp);
        }

        long end(TopicPartition tp) {
            return ends.get(tp);
        }

        long total() {
            return starts.keySet().stream().mapToLong(tp -> Math.max(0, end(tp) - start(tp))).sum();
        }
    }

    private Offsets offsets(KafkaConsumer<byte[], byte[]> consumer, String service) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.listTopics(timeout).forEach((topic, infos) -> {
            Matcher m = DLQ.matcher(topic);
            if (m.matches() && (service == null || service.equals(m.group(2)))) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        });
        if (partitions.isEmpty()) {
            return new Offsets(Map.of(), Map.of());
        }
        return new Offsets(withOrder(consumer.beginningOffsets(partitions, timeout)),
                withOrder(consumer.endOffsets(partitions, timeout)));
    }

    private static Map<TopicPartition, Long> withOrder(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> sorted = new TreeMap<>(PARTITION_ORDER);
        sorted.putAll(offsets);
        return sorted;
    }

    private static final Comparator<TopicPartition> PARTITION_ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    /**
     * The records of each partition in {@code [from, to)} (windows), in offset order (descending when
     * {@code newestFirst}). Reads nothing else: a partition is paused once its window is read.
     */
    private Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> read(KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, long[]> windows, boolean newestFirst) {
        Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> read = new HashMap<>();
        windows.keySet().forEach(tp -> read.put(tp, new ArrayDeque<>()));
        if (windows.isEmpty()) {
            return read;
        }
        consumer.assign(windows.keySet());
        windows.forEach((tp, window) -> consumer.seek(tp, window[0]));
        Map<TopicPartition, long[]> open = new HashMap<>(windows);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new org.apache.kafka.common.errors.TimeoutException("records of " + open.keySet()
                        + " not read within " + timeout.toMillis() + " ms");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                long[] window = windows.get(tp);
                if (window != null && r.offset() >= window[0] && r.offset() < window[1]) {
                    if (newestFirst) {
                        read.get(tp).addFirst(r);
                    } else {
                        read.get(tp).addLast(r);
                    }
                }
            }
            open.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue()[1]);
            consumer.pause(windows.keySet().stream().filter(tp -> !open.containsKey(tp)).toList());
        }
        return read;
    }

    /**
     * At most {@code limit} records over all partitions, newest (or oldest) first by timestamp; each partition's
     * records are taken in offset order, so a partition's next page starts right after what this one took.
     */
    private static List<ConsumerRecord<byte[], byte[]>> merge(
            Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> read, int limit, boolean newestFirst) {
        Comparator<ConsumerRecord<byte[], byte[]>> order = Comparator
                .<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
                .thenComparing(ConsumerRecord::topic)
                .thenComparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset);
        if (newestFirst) {
            order = order.reversed();
        }
        Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> heads = new HashMap<>();
        read.forEach((tp, records) -> heads.put(tp, new ArrayDeque<>(records)));
        List<ConsumerRecord<byte[], byte[]>> page = new ArrayList<>();
        while (page.size() < limit) {
            Deque<ConsumerRecord<byte[], byte[]>> best = null;
            for (Deque<ConsumerRecord<byte[], byte[]>> records : heads.values()) {
                if (!records.isEmpty() && (best == null || order.compare(records.peekFirst(), best.peekFirst()) < 0)) {
                    best = records;
                }
            }
            if (best == null) {
                break;
            }
            page.add(best.pollFirst());
        }
        return page;
    }

    private static Optional<Long> lowestTaken(List<ConsumerRecord<byte[], byte[]>> page, TopicPartition tp) {
        return page.stream().filter(r -> r.partition() == tp.partition() && r.topic().equals(tp.topic()))
                .map(ConsumerRecord::offset).min(Long::compare);
    }

    private static Optional<Long> highestTaken(List<ConsumerRecord<byte[], byte[]>> page, TopicPartition tp) {
        return page.stream().filter(r -> r.partition() == tp.partition() && r.topic().equals(tp.topic()))
                .map(ConsumerRecord::offset).max(Long::compare);
    }

    /** {@code ["before", "<dlq topic>", partition, offset, partition, offset, "<dlq topic>", …]}. */
    private static String encode(String kind, Map<TopicPartition, Long> positions) {
        List<Object> values = new ArrayList<>();
        values.add(kind);
        String topic = null;
        for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
            if (!e.getKey().topic().equals(topic)) {
                topic = e.getKey().topic();
                values.add(topic);
            }
            values.add(e.getKey().partition());
            values.add(e.getValue());
        }
        return new Cursor(values).encode();
    }

    /** The positions of a cursor of this kind; a 400 naming {@code cursor} for anything else. */
    private static Map<TopicPartition, Long> positions(String encoded, String kind) {
        Cursor cursor = Cursor.decode(encoded, MAX_CURSOR_LENGTH);
        if (!kind.equals(cursor.values().get(0))) {
            throw Cursor.invalid();
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        String topic = null;
        int i = 1;
        while (i < cursor.size()) {
            if (cursor.values().get(i) instanceof String s) {
                if (!DLQ.matcher(s).matches()) {
                    throw Cursor.invalid();
                }
                topic = s;
                i++;
                continue;
            }
            if (topic == null || i + 1 >= cursor.size()) {
                throw Cursor.invalid();
            }
            long partition = cursor.longValue(i);
            long offset = cursor.longValue(i + 1);
            if (partition < 0 || partition > Integer.MAX_VALUE || offset < 0) {
                throw Cursor.invalid();
            }
            positions.put(new TopicPartition(topic, (int) partition), offset);
            i += 2;
        }
        return positions;
    }

    /** The recorded redrives of these records, by dead-letter id: one range query per partition. */
    private Map<String, Object[]> redrives(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, long[]> ranges = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            ranges.merge(new TopicPartition(r.topic(), r.partition()), new long[] {r.offset(), r.offset()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<String, Object[]> byId = new HashMap<>();
        ranges.forEach((tp, range) -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT dlq_topic, dlq_partition, dlq_offset, redriven_at, redriven_by FROM dead_letter_redrive
                            WHERE dlq_topic = ?1 AND dlq_partition = ?2 AND dlq_offset BETWEEN ?3 AND ?4""")
                    .setParameter(1, tp.topic()).setParameter(2, tp.partition())
                    .setParameter(3, range[0]).setParameter(4, range[1])
                    .getResultList();
            for (Object[] row : rows) {
                byId.put(id((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).longValue()), row);
            }
        });
        return byId;
    }

    private List<DeadLetter> views(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Object[]> redrives = redrives(records);
        return records.stream().map(r -> view(r, redrives.get(id(r.topic(), r.partition(), r.offset())))).toList();
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
                r.partition(), r.offset(), header(r, EventHeaders.ID), header(r, EventHeaders.TYPE),
                header(r, EventHeaders.SUBJECT), header(r, EventHeaders.SOURCE), header(r, "dead-letter-reason"),
                Instant.ofEpochMilli(r.timestamp()), partition == null ? null : Integer.valueOf(partition),
                offset == null ? null : Long.valueOf(offset), redrivenAt, redrive == null ? null : (String) redrive[4]);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Runs a broker call; a broker that does not answer in time (or at all) is {@link BrokerUnavailable}. */
    private <T> T broker(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (KafkaException e) {
            throw new BrokerUnavailable("could not " + what + ": the Kafka broker did not answer within "
                    + timeout.toMillis() + " ms (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        int millis = (int) timeout.toMillis();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // every position is set by seek; one that retention removed meanwhile continues at the oldest record left
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(millis, 10_000));
        p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(millis, 30_000));
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_LIMIT);
        // a window ends at a partition's end more often than not: do not let the broker wait for more to arrive
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tandem-gateway-dead-letters");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    int millis = (int) timeout.toMillis();
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis * 3);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "tandem-gateway-redrive");
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
