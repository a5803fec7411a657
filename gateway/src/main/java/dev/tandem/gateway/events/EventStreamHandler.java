package dev.tandem.gateway.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.EventHeaders;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.web.Caller;
import dev.tandem.gateway.web.Exchange;
import dev.tandem.gateway.web.GatewayProblems;
import dev.tandem.gateway.web.RouteOrder;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.security.Scopes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/events}: the domain events as Server-Sent Events, for integrators that cannot reach Kafka. Each
 * event is a CloudEvent in structured JSON (from the record's {@code ce_*} headers and JSON payload); its SSE
 * {@code id} is the {@link StreamPosition} after it, signed ({@link EventIds}), so {@code Last-Event-ID} resumes
 * without gap or repeat, and only where the gateway has been (an unsigned id is a 400 naming the header). Only the
 * topics the caller's read scopes allow ({@code tandem.gateway.events.topics}); {@code type} and {@code subject}
 * filter (comma-separated types, exact subject). A new stream starts at the end (new events only). A comment line
 * every {@code heartbeat}. Each stream has its own Kafka consumer (assigned partitions, no group, no commits) on its
 * own thread; at most {@code max-streams} per instance.
 *
 * <p>Back-pressure: at most {@code max-pending-frames} frames wait for a stream's connection (and one poll of as many
 * records for the stream); while the client takes nothing, nothing more is read from Kafka, and after
 * {@code stalled-after} the connection is closed.
 */
@ApplicationScoped
public class EventStreamHandler implements Handler<RoutingContext> {

    public static final String PATH = "/api/v1/events";
    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final long TOPIC_CHECK_NANOS = 2_000_000_000L;
    private static final Logger LOG = Logger.getLogger(EventStreamHandler.class);

    private final GatewayConfig config;
    private final GatewayProblems problems;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final String bootstrapServers;
    private final dev.tandem.gateway.auth.AccessControl access;
    private final EventIds ids;
    private final AtomicInteger open = new AtomicInteger();
    /** Open streams per caller subject. */
    private final Map<String, AtomicInteger> perCaller = new java.util.concurrent.ConcurrentHashMap<>();

    /** Frames waiting for a stream's connection, recorded at each hand-off: its max is the most any stream held. */
    private final DistributionSummary pendingFrames;
    /** Streams closed because their client took no frames for stalled-after. */
    private final Counter stalledStreams;

    public EventStreamHandler(GatewayConfig config, GatewayProblems problems, ObjectMapper mapper, Vertx vertx,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            dev.tandem.gateway.auth.AccessControl access, EventIds ids, MeterRegistry registry) {
        this.ids = ids;
        registry.gauge("tandem.gateway.events.streams", open);
        this.pendingFrames = DistributionSummary.builder("tandem.gateway.events.frames.pending")
                .description("Frames handed to an event stream's connection and not yet written, at each hand-off")
                .register(registry);
        this.stalledStreams = Counter.builder("tandem.gateway.events.streams.stalled")
                .description("Event streams closed because their client took no frames for events.stalled-after")
                .register(registry);
        this.config = config;
        this.problems = problems;
        this.mapper = mapper;
        this.vertx = vertx;
        this.bootstrapServers = bootstrapServers;
        this.access = access;
    }

    void init(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).order(RouteOrder.HANDLER - 100).handler(this);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        List<String> topics = new ArrayList<>();
        config.events().topics().forEach((scope, topic) -> {
            if (Scopes.allows(caller.scopes(), Scopes.required(scope, true))) {
                topics.add(topic);
            }
        });
        if (topics.isEmpty()) {
            problems.send(ctx, 403, "forbidden", "Forbidden", "The event stream needs a read scope ("
                    + String.join(", ", config.events().topics().keySet().stream().sorted()
                            .map(s -> s + ":read").toList()) + ") or admin; the caller has " + caller.scopes());
            return;
        }
        String lastEventId = ctx.request().getHeader(LAST_EVENT_ID);
        Optional<StreamPosition> resume = Optional.empty();
        if (lastEventId != null && !lastEventId.isBlank()) {
            resume = ids.positionOf(lastEventId.strip());
            if (resume.isEmpty()) {
                // an id made before positions were signed, by another deployment, or altered: the client cannot
                // resume there; it reconnects without Last-Event-ID and gets new events from then on
                problems.send(ctx, 400, "validation", "Invalid request", LAST_EVENT_ID + ": not an event id this "
                        + "gateway made (or one made before ids were signed); reconnect without it to receive new "
                        + "events", List.of(new Problem.FieldError(LAST_EVENT_ID, "is not an event id this gateway "
                                + "made")), response -> {
                        });
                return;
            }
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : ctx.queryParam("type")) {
            for (String t : type.split(",")) {
                if (!t.isBlank()) {
                    types.add(t.strip());
                }
            }
        }
        String subject = ctx.request().getParam("subject");
        AtomicInteger mine = perCaller.computeIfAbsent(caller.subject(), k -> new AtomicInteger());
        if (mine.incrementAndGet() > config.events().maxStreamsPerCaller()) {
            mine.decrementAndGet();
            problems.send(ctx, 429, "too-many-streams", "Too many requests", "This caller already has "
                    + config.events().maxStreamsPerCaller() + " open event streams on this gateway; close one or "
                    + "retry later", response -> response.putHeader("Retry-After", "30"));
            return;
        }
        if (open.incrementAndGet() > config.events().maxStreams()) {
            open.decrementAndGet();
            mine.decrementAndGet();
            problems.send(ctx, 503, "too-many-streams", "Service unavailable", "This gateway serves its maximum of "
                    + config.events().maxStreams() + " event streams; retry later",
                    response -> response.putHeader("Retry-After", "30"));
            return;
        }
        Stream stream = new Stream(ctx, Vertx.currentContext(), topics, resume, types, subject,
                Exchange.of(ctx).requestId(), mine);
        Thread thread = new Thread(stream::run, "tandem-sse-" + Exchange.of(ctx).requestId());
        thread.setDaemon(true);
        thread.start();
    }

    /** One client's stream: a consumer polled on its own thread, writes handed to the request's context. */
    private final class Stream {

        private final RoutingContext ctx;
        private final Context context;
        private final List<String> topics;
        private final Optional<StreamPosition> resume;
        private final Set<String> types;
        private final String subject;
        private final String requestId;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicInteger callerStreams;
        /** Frames handed to the connection's context and not yet written. */
        private final AtomicInteger pending = new AtomicInteger();
        /** Set while the connection's write queue is full; cleared by its drain handler. */
        private final AtomicBoolean full = new AtomicBoolean();
        private volatile long stalledSince;
        private volatile KafkaConsumer<String, byte[]> consumer;

        Stream(RoutingContext ctx, Context context, List<String> topics, Optional<StreamPosition> resume,
                Set<String> types, String subject, String requestId, AtomicInteger callerStreams) {
            this.callerStreams = callerStreams;
            this.ctx = ctx;
            this.context = context;
            this.topics = topics;
            this.resume = resume;
            this.types = types;
            this.subject = subject;
            this.requestId = requestId;
        }

        void run() {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties())) {
                consumer = kafka;
                StreamPosition position = assign(kafka, new StreamPosition(Map.of()), true);
                context.runOnContext(v -> start());
                long nextTopicCheck = System.nanoTime() + TOPIC_CHECK_NANOS;
                // frames read from Kafka and not yet handed to the connection: at most one poll's worth
                // (max.poll.records = max-pending-frames); nothing more is read while any wait here
                Deque<String> backlog = new ArrayDeque<>();
                while (!closed.get()) {
                    handOff(backlog);
                    if (!backlog.isEmpty() || full.get()) {
                        // back-pressure: read nothing more until the client has taken what it was sent
                        long now = System.nanoTime();
                        if (stalledSince == 0) {
                            stalledSince = now;
                        } else if (now - stalledSince > config.events().stalledAfter().toNanos()) {
                            LOG.infof("requestId=%s event stream closed: the client took no frames for %s",
                                    requestId, config.events().stalledAfter());
                            stalledStreams.increment();
                            context.runOnContext(v -> disconnect());
                            break;
                        }
                        Thread.sleep(50);
                        continue;
                    }
                    stalledSince = 0;
                    if (kafka.assignment().size() < expectedTopics() || System.nanoTime() > nextTopicCheck) {
                        if (System.nanoTime() > nextTopicCheck) {
                            position = assign(kafka, position, false);
                            nextTopicCheck = System.nanoTime() + TOPIC_CHECK_NANOS;
                        }
                        if (kafka.assignment().isEmpty()) {
                            Thread.sleep(200); // no topic exists yet
                            continue;
                        }
                    }
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                        position = position.with(new TopicPartition(record.topic(), record.partition()),
                                record.offset() + 1);
                        if (matches(record)) {
                            String id = ids.idOf(position);
                            StructuredCloudEvent.of(record, mapper)
                                    .ifPresent(event -> backlog.add("id: " + id + "\ndata: " + event + "\n\n"));
                        }
                    }
                }
            } catch (WakeupException e) {
                // closed by the client going away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf("requestId=%s event stream failed: %s", requestId, e.toString());
                context.runOnContext(v -> {
                    if (!ctx.response().headWritten()) {
                        problems.send(ctx, 503, "events-unavailable", "Service unavailable",
                                "The event stream could not be opened; retry later");
                    } else if (!ctx.response().ended()) {
                        ctx.response().end();
                    }
                });
            } finally {
                open.decrementAndGet();
                callerStreams.decrementAndGet();
            }
        }

        /**
         * Hands waiting frames to the connection's context while fewer than {@code max-pending-frames} wait there
         * and its write queue takes more: what a client that stops reading costs is bounded by that, the write
         * queue and one poll.
         */
        private void handOff(Deque<String> backlog) {
            int max = config.events().maxPendingFrames();
            while (!backlog.isEmpty() && !full.get() && pending.get() < max) {
                String frame = backlog.poll();
                pendingFrames.record(pending.incrementAndGet());
                context.runOnContext(v -> {
                    pending.decrementAndGet();
                    write(frame);
                });
            }
        }

        /** At least one partition per topic; fewer assigned means a topic did not exist yet. */
        private int expectedTopics() {
            return topics.size();
        }

        /**
         * Assigns the partitions of the stream's topics that are not assigned yet. At the start, a partition the
         * client's {@code Last-Event-ID} names continues there (within what the partition holds, see
         * {@link #resumeAt}) and any other starts at the end (new events only); a partition that appears later (its
         * topic was created while the stream was open) is read from its beginning, since all its events are new to
         * this stream. Positions the id names for topics the caller may not read, or for partitions that do not
         * exist, are ignored.
         */
        private StreamPosition assign(KafkaConsumer<String, byte[]> kafka, StreamPosition position, boolean initial) {
            Set<TopicPartition> assigned = new java.util.HashSet<>(kafka.assignment());
            List<TopicPartition> added = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    for (PartitionInfo info : infos) {
                        TopicPartition partition = new TopicPartition(topic, info.partition());
                        if (!assigned.contains(partition)) {
                            added.add(partition);
                        }
                    }
                }
            }
            if (added.isEmpty()) {
                return position;
            }
            List<TopicPartition> all = new ArrayList<>(assigned);
            all.addAll(added);
            kafka.assign(all);
            Map<TopicPartition, Long> resumed = initial ? resumeAt(kafka, added) : Map.of();
            List<TopicPartition> fromEdge = new ArrayList<>();
            for (TopicPartition partition : added) {
                Long offset = resumed.get(partition);
                if (offset != null) {
                    kafka.seek(partition, offset);
                } else {
                    fromEdge.add(partition);
                }
            }
            if (!fromEdge.isEmpty()) { // (an empty collection would mean every assigned partition)
                if (initial) {
                    kafka.seekToEnd(fromEdge);
                } else {
                    kafka.seekToBeginning(fromEdge);
                }
            }
            Map<TopicPartition, Long> next = new HashMap<>(position.next());
            for (TopicPartition partition : added) {
                next.put(partition, kafka.position(partition));
            }
            return new StreamPosition(next);
        }

        /**
         * Where the partitions the client's id names continue: its position, but not below the oldest record the
         * partition still has (retention removed the rest: those events are gone, the stream goes on with the
         * oldest left) and not beyond its end (nothing is there yet).
         */
        private Map<TopicPartition, Long> resumeAt(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
            if (resume.isEmpty()) {
                return Map.of();
            }
            List<TopicPartition> named = partitions.stream().filter(resume.get().next()::containsKey).toList();
            if (named.size() < resume.get().next().size()) {
                LOG.debugf("requestId=%s Last-Event-ID positions ignored (not this caller's topics, or no such "
                        + "partition): %s", requestId, resume.get().next().keySet().stream()
                        .filter(tp -> !named.contains(tp)).toList());
            }
            if (named.isEmpty()) {
                return Map.of();
            }
            Map<TopicPartition, Long> first = kafka.beginningOffsets(named, Duration.ofSeconds(5));
            Map<TopicPartition, Long> end = kafka.endOffsets(named, Duration.ofSeconds(5));
            Map<TopicPartition, Long> at = new HashMap<>();
            for (TopicPartition partition : named) {
                long wanted = resume.get().next().get(partition);
                long clamped = Math.max(first.get(partition), Math.min(end.get(partition), wanted));
                if (clamped != wanted) {
                    LOG.debugf("requestId=%s Last-Event-ID position %s:%d moved to %d (partition holds %d..%d)",
                            requestId, partition, wanted, clamped, first.get(partition), end.get(partition));
                }
                at.put(partition, clamped);
            }
            return at;
        }

        private void start() {
            HttpServerResponse response = ctx.response();
            if (response.closed() || response.ended()) {
                stop();
                return;
            }
            response.setStatusCode(200).setChunked(true)
                    .putHeader("Content-Type", "text/event-stream;charset=UTF-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-Accel-Buffering", "no");
            response.write(": stream open; topics " + String.join(",", topics) + "\nretry: 3000\n\n");
            response.drainHandler(v -> full.set(false));
            String credential = dev.tandem.gateway.auth.AccessControl.credential(ctx.request());
            long timer = vertx.setPeriodic(config.events().heartbeat().toMillis(), id -> {
                write(": heartbeat\n\n");
                // the credential that opened the stream must still be good: a revoked or expired key, an expired
                // token ends it (within the key cache's TTL, as for requests)
                access.stillValid(credential).onComplete(ar -> {
                    if (ar.failed() || !ar.result()) {
                        LOG.infof("requestId=%s event stream closed: its credential is no longer accepted",
                                requestId);
                        if (!ctx.response().ended() && !ctx.response().closed()) {
                            ctx.response().write(": closed, credential no longer accepted\n\n");
                        }
                        stop();
                    }
                });
            });
            ctx.addEndHandler(ended -> {
                vertx.cancelTimer(timer);
                stop();
            });
            response.closeHandler(v -> stop());
        }

        private void write(String frame) {
            HttpServerResponse response = ctx.response();
            if (!response.closed() && !response.ended()) {
                response.write(frame).onFailure(e -> stop());
                if (response.writeQueueFull()) {
                    full.set(true);
                }
            }
        }

        /**
         * Drops a stalled client: the connection is closed rather than the response ended, since an end would only
         * queue behind what the client is not reading (HTTP/2: the stream is reset, the connection serves others).
         */
        private void disconnect() {
            stop();
            if (ctx.request().version() == HttpVersion.HTTP_2) {
                if (!ctx.response().closed()) {
                    ctx.response().reset();
                }
            } else {
                ctx.request().connection().close();
            }
        }

        private void stop() {
            if (closed.compareAndSet(false, true)) {
                KafkaConsumer<String, byte[]> kafka = consumer;
                if (kafka != null) {
                    kafka.wakeup();
                }
                if (!ctx.response().ended() && !ctx.response().closed()) {
                    ctx.response().end();
                }
            }
        }

        private boolean matches(ConsumerRecord<String, byte[]> record) {
            return (types.isEmpty() || types.contains(header(record, EventHeaders.TYPE)))
                    && (subject == null || subject.equals(header(record, EventHeaders.SUBJECT)));
        }

        private Properties properties() {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tandem-gateway-sse-" + requestId);
            // a position retention removed meanwhile continues with the oldest record left, never at the end
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // one poll never brings more frames than may wait for the connection; what the consumer fetches ahead
            // is bounded too (a stalled client must not make the gateway hold much for it)
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(1, config.events().maxPendingFrames()));
            p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1024 * 1024);
            p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
            return p;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return StructuredCloudEvent.header(record.headers(), name);
    }
}
