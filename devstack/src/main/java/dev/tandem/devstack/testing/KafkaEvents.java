package dev.tandem.devstack.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.EventHeaders;
import dev.tandem.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The tests' one reader of the real broker: reads topics from their beginning with a plain {@link KafkaConsumer},
 * as an integrator would, decodes each record's CloudEvents binary-binding headers into an {@link Event} and waits,
 * bounded, until what it read satisfies the test; a test that waits in vain fails with what was read. Also sends
 * the records a test feeds to a consumer under test.
 *
 * <p>The reader assigns itself every partition of its topics (no consumer group to join, which alone can take
 * seconds on a busy machine), so the whole wait is spent reading; it reads committed records only. With
 * {@link #checkingContract()} every event it answers is also checked against the published event contract
 * ({@code EventType} and the JSON Schemas of the {@code events} module).
 *
 * <pre>{@code
 * List<Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, featureId, 3);
 * try (KafkaEvents dlq = KafkaEvents.on(topic + ".dlq")) {
 *     Event dead = dlq.awaitAtLeast(1, KafkaEvents.withKey(key)).get(0);
 * }
 * }</pre>
 */
public final class KafkaEvents implements AutoCloseable {

    /** How long a test waits for events unless it says otherwise. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** Every record. */
    public static final Predicate<Event> ALL = e -> true;

    private static final Duration POLL = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One record as an integrator sees it: where it was read, its CloudEvents attributes (null when the record has no
     * such header) and its data.
     *
     * @param sequence  the {@code sequence} extension ({@code ce_sequence}, zero-padded on the wire); 0 when absent
     * @param actor     the {@code actor} extension: the subject of who caused the change
     * @param actorName the {@code actorname} extension
     * @param actorKind the {@code actorkind} extension ({@code SYSTEM} or {@code PERSON})
     * @param payload   the record value as JSON; null when it is empty or not JSON
     * @param value     the record value as sent
     * @param headers   every header of the record, for those this record does not name
     */
    public record Event(String topic, int partition, long offset, String key, String specVersion, String id,
                        String source, String type, String subject, String time, long sequence, String actor,
                        String actorName, String actorKind, String traceparent, String contentType,
                        JsonNode payload, byte[] value, Headers headers) {

        /** The text of the last header of this name; null when there is none. */
        public String header(String name) {
            return KafkaEvents.text(headers, name);
        }

        public boolean is(EventType eventType) {
            return eventType.type().equals(type);
        }

        /** The payload, after checking that this is an event of {@code expected}. */
        public JsonNode payloadOf(EventType expected) {
            if (!is(expected)) {
                throw new AssertionError("expected a " + expected.type() + ", read " + this);
            }
            return payload;
        }

        /** The record value as UTF-8 text; null for an empty record. */
        public String text() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return (type == null ? "record" : type) + " key " + key + (sequence > 0 ? " #" + sequence : "")
                    + " (" + topic + "/" + partition + "@" + offset + ")";
        }
    }

    private final List<String> topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> assigned = new ArrayList<>();
    private final Set<String> assignedTopics = new HashSet<>();
    private final List<Event> read = new ArrayList<>();
    private final Set<Event> checked = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean checkingContract;

    private KafkaEvents(String bootstrapServers, Collection<String> topics) {
        this.topics = List.copyOf(topics);
        consumer = consumer(bootstrapServers);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tandem-test-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // only what producers committed: the outbox relay is not transactional, but an integrator reads this way
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Every partition of the broker's topics whose names pass {@code topicNames}, with its end offset now: a
     * snapshot to read what happened after it with {@link #between}.
     */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, Predicate<String> topicNames) {
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : c.listTopics(WAIT).keySet().stream().filter(topicNames).sorted().toList()) {
                for (PartitionInfo info : c.partitionsFor(topic, WAIT)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            return new HashMap<>(c.endOffsets(partitions, WAIT));
        }
    }

    /**
     * The events between two {@link #endOffsets} snapshots: of each partition in {@code to}, from its offset in
     * {@code from} (0 when the partition is new) up to, not including, its offset in {@code to}; read within
     * {@code atMost}, else the wait fails.
     */
    public static List<Event> between(String bootstrapServers, Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to, Duration atMost) {
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>(to.keySet());
            c.assign(partitions);
            partitions.forEach(tp -> c.seek(tp, from.getOrDefault(tp, 0L)));
            Awaitility.await("the events between two offset snapshots").atMost(atMost).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                        for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
                            if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
                                events.add(decode(r));
                            }
                        }
                        return partitions.stream().allMatch(tp -> c.position(tp) >= to.get(tp));
                    });
        }
        return List.copyOf(events);
    }

    /** A reader of these topics on the broker of the running Quarkus test ({@code kafka.bootstrap.servers}). */
    public static KafkaEvents on(String... topics) {
        return on(bootstrapServers(), List.of(topics));
    }

    /** A reader of these topics on the given broker. */
    public static KafkaEvents on(String bootstrapServers, Collection<String> topics) {
        return new KafkaEvents(bootstrapServers, topics);
    }

    /**
     * From now on every event this reader answers must keep the published contract: a documented type on its
     * topic, all required CloudEvents attributes, subject = record key, and a payload valid against the type's
     * JSON Schema. For the services' own topics; test topics and dead-letter topics carry anything.
     */
    public KafkaEvents checkingContract() {
        checkingContract = true;
        return this;
    }

    /**
     * The events of one aggregate (record key) on one of Tandem's topics, in the order published, once at least
     * {@code count} are there ({@link #WAIT} at most): all of them read by then, each checked against the contract.
     */
    public static List<Event> eventsOf(String topic, String key, int count) {
        return eventsOf(topic, withKey(key), count);
    }

    /** The first event of {@code type} about one aggregate, like {@link #eventsOf(String, String, int)}. */
    public static Event eventOf(String topic, String key, EventType type) {
        return eventsOf(topic, withKey(key).and(ofType(type)), 1).get(0);
    }

    /** Like {@link #eventsOf(String, String, int)}, for the events that pass {@code filter}. */
    public static List<Event> eventsOf(String topic, Predicate<Event> filter, int count) {
        try (KafkaEvents reader = on(topic).checkingContract()) {
            return reader.awaitAtLeast(count, filter);
        }
    }

    /** The first record on {@code topic} that passes {@code filter}, waiting {@link #WAIT} at most; unchecked. */
    public static Event first(String topic, Predicate<Event> filter) {
        try (KafkaEvents reader = on(topic)) {
            return reader.awaitAtLeast(1, filter).get(0);
        }
    }

    public static Predicate<Event> withKey(String key) {
        return e -> key.equals(e.key());
    }

    public static Predicate<Event> ofType(EventType... types) {
        return e -> {
            for (EventType t : types) {
                if (e.is(t)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Reads until at least {@code count} events pass {@code filter} ({@link #WAIT} at most); answers them all. */
    public List<Event> awaitAtLeast(int count, Predicate<Event> filter) {
        return awaitAtLeast(count, filter, WAIT);
    }

    public List<Event> awaitAtLeast(int count, Predicate<Event> filter, Duration atMost) {
        return await(filter, events -> events.size() >= count, atMost, "at least " + count + " events");
    }

    /**
     * Reads until {@code done} holds for the events that pass {@code filter}, {@code atMost} that long; answers
     * those events in the order read (a partition's in offset order). Everything read earlier counts too. With
     * {@link #checkingContract()}, an event that breaks the contract fails the wait as soon as it is read.
     *
     * @param what what is awaited, for the failure message
     */
    public List<Event> await(Predicate<Event> filter, Predicate<List<Event>> done, Duration atMost, String what) {
        List<Event> matching = new ArrayList<>();
        take(read, filter, matching);
        List<Event> view = Collections.unmodifiableList(matching);
        try {
            polling(atMost).until(() -> {
                take(poll(), filter, matching);
                return done.test(view);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited " + atMost.toSeconds() + " s for " + what + " on " + topics + "; read "
                    + matching.size() + " of them" + (matching.isEmpty() ? "" : ": " + describe(matching)) + " (of "
                    + read.size() + " records)");
        }
        return List.copyOf(matching);
    }

    /**
     * Reads whatever arrives within {@code duration}, then answers every event read so far that passes
     * {@code filter}: for what must not arrive (a duplicate, an event of a rolled-back change, a dead letter).
     */
    public List<Event> readFor(Duration duration, Predicate<Event> filter) {
        polling(duration.plus(WAIT)).during(duration).until(() -> {
            poll();
            return true;
        });
        List<Event> matching = new ArrayList<>();
        take(read, filter, matching);
        return List.copyOf(matching);
    }

    /**
     * Bounded polling of the consumer, in this thread (a consumer is not shared between threads): at once while
     * records come in, every 100 ms while none of the topics exists yet.
     */
    private ConditionFactory polling(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval((count, previous) -> assigned.isEmpty() ? Duration.ofMillis(100) : Duration.ofMillis(1));
    }

    private List<Event> poll() {
        assignNewPartitions();
        if (assigned.isEmpty()) {
            return List.of();
        }
        List<Event> polled = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
            polled.add(decode(r));
        }
        read.addAll(polled);
        return polled;
    }

    /** Takes, from their beginning, the partitions of the topics that did not exist at the last try. */
    private void assignNewPartitions() {
        if (assignedTopics.size() == topics.size()) {
            return;
        }
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : topics) {
            if (!assignedTopics.contains(topic)) {
                List<PartitionInfo> partitions;
                try {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                } catch (TimeoutException e) {
                    partitions = List.of();
                }
                if (!partitions.isEmpty()) {
                    assignedTopics.add(topic);
                    partitions.forEach(info -> added.add(new TopicPartition(topic, info.partition())));
                }
            }
        }
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
    }

    /** Adds the events that pass {@code filter} to {@code into}, each checked against the contract if asked to. */
    private void take(List<Event> events, Predicate<Event> filter, List<Event> into) {
        for (Event e : events) {
            if (filter.test(e)) {
                check(e);
                into.add(e);
            }
        }
    }

    private void check(Event event) {
        if (checkingContract && checked.add(event)) {
            EventContract.check(event);
        }
    }

    private static Event decode(ConsumerRecord<String, byte[]> r) {
        Headers h = r.headers();
        return new Event(r.topic(), r.partition(), r.offset(), r.key(), text(h, EventHeaders.SPEC_VERSION),
                text(h, EventHeaders.ID), text(h, EventHeaders.SOURCE), text(h, EventHeaders.TYPE),
                text(h, EventHeaders.SUBJECT), text(h, EventHeaders.TIME), sequence(h), text(h, EventHeaders.ACTOR),
                text(h, EventHeaders.ACTOR_NAME), text(h, EventHeaders.ACTOR_KIND), text(h, EventHeaders.TRACEPARENT),
                text(h, EventHeaders.CONTENT_TYPE), json(r.value()), r.value(), h);
    }

    private static long sequence(Headers headers) {
        String text = text(headers, EventHeaders.SEQUENCE);
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static JsonNode json(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String describe(List<Event> events) {
        int shown = 30;
        String listed = String.join(", ", events.stream().limit(shown).map(Event::toString).toList());
        return events.size() > shown ? listed + ", … " + (events.size() - shown) + " more" : listed;
    }

    @Override
    public void close() {
        consumer.close();
    }

    // ---- sending ----

    /** {@code kafka.bootstrap.servers} of the running Quarkus test. */
    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * Sends the records with one producer, back to back and in order, to the running test's broker, and waits
     * until the broker has taken every one (acks=all).
     */
    @SafeVarargs
    public static void send(ProducerRecord<String, byte[]>... records) {
        send(List.of(records));
    }

    public static void send(List<ProducerRecord<String, byte[]>> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (ProducerRecord<String, byte[]> r : records) {
                acks.add(producer.send(r));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sending", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the broker did not take a record: " + e.getCause(), e.getCause());
        }
    }
}
