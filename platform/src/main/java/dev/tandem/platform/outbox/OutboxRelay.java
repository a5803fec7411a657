package dev.tandem.platform.outbox;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.tandem.platform.telemetry.EventSpans;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the {@link OutboxPublisher} on one background thread: woken right after a transaction that wrote outbox rows
 * commits, and on a timer (the sweep) for anything left behind — rows of a crashed instance, or rows the broker did
 * not acknowledge.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    EventSource eventSource;

    @Inject
    OpenTelemetry openTelemetry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tandem.outbox.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "tandem.outbox.sweep-interval", defaultValue = "PT2S")
    Duration sweepInterval;

    @ConfigProperty(name = "tandem.outbox.batch-size", defaultValue = "500")
    int batchSize;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private Thread worker;
    private Producer<String, byte[]> producer;
    private OutboxPublisher publisher;
    private Counter published;
    private Counter failed;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("outbox relay disabled (tandem.outbox.enabled=false)");
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        publisher = new OutboxPublisher(dataSource, producer, eventSource.source(), batchSize,
                new EventSpans(openTelemetry));
        published = meters.counter("tandem.outbox.published");
        failed = meters.counter("tandem.outbox.failed");
        meters.gauge("tandem.outbox.pending", pending);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to publish now; called after a commit that wrote outbox rows. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void loop() {
        long failuresInARow = 0;
        while (running) {
            try {
                Duration wait = failuresInARow == 0 ? sweepInterval
                        : sweepInterval.multipliedBy(Math.min(1L << Math.min(failuresInARow, 4), 16));
                wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                OutboxPublisher.BatchResult result;
                do {
                    result = publisher.publishBatch();
                    published.increment(result.published());
                    failed.increment(result.failed());
                } while (running && result.claimed() == batchSize && result.failed() == 0);
                failuresInARow = result.failed() == 0 ? 0 : failuresInARow + 1;
                pending.set(publisher.pending());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failuresInARow++;
                if (running) {
                    LOG.warnf("outbox relay: %s (retrying)", e.getMessage());
                }
            }
        }
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, eventSource.serviceName() + "-outbox");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // A relay batch is sent at once (then flushed): big producer batches make few, large broker appends.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return p;
    }
}
