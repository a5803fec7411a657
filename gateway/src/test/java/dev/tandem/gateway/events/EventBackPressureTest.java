package dev.tandem.gateway.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A client that opens the event stream and then stops reading, while many events are published: the gateway stops
 * reading Kafka for it once a few frames wait, holds no more than {@code max-pending-frames} of them, and after
 * {@code stalled-after} drops the stream and closes the connection.
 */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class EventBackPressureTest {

    private static final String TOPIC = "tandem.product.events";
    /** Far more than the socket buffers and the connection's write queue hold (about 4 MB on loopback). */
    private static final int EVENTS = 6_000;
    private static final int EVENT_BYTES = 2_048;

    @Inject
    ApiKeys apiKeys;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aClientThatStopsReadingIsDisconnectedAfterTheStalledPeriodWithBoundedFramesWaiting() throws Exception {
        String key = TestKeys.withScopes(apiKeys, "products:read");
        double stalledBefore = registry.counter("tandem.gateway.events.streams.stalled").count();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4_096); // before connecting: the window the client offers stays small
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), RestAssured.port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String opened = readUntil(in, ": stream open");
            assertTrue(opened.startsWith("HTTP/1.1 200"), opened);
            assertEquals(1.0, streams(), "this stream is open");

            // the client reads nothing from here on
            publish(EVENTS);

            await("the stream of the client that stopped reading dropped")
                    .atMost(Duration.ofMillis(TestUpstreams.STALLED_AFTER_MILLIS).plusSeconds(20))
                    .pollInterval(Duration.ofMillis(100)).until(this::streams, equalTo(0.0));
            assertEquals(0.0, streams(), "the gateway dropped the stream of the client that stopped reading");
            assertEquals(stalledBefore + 1, registry.counter("tandem.gateway.events.streams.stalled").count(),
                    "closed as stalled");
            var pending = registry.find("tandem.gateway.events.frames.pending").summary();
            assertTrue(pending.count() > 0, "frames were handed to the connection");
            assertTrue(pending.max() <= TestUpstreams.MAX_PENDING_FRAMES,
                    "frames waiting for the connection, at most: " + pending.max());

            // what the connection had taken comes through, then the connection ends
            socket.setSoTimeout(10_000);
            long read = 0;
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    read += n;
                }
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the connection stayed open after the stream was dropped (read " + read
                        + " bytes)");
            } catch (java.net.SocketException reset) {
                // closed by the gateway: what was still queued may be lost
            }
            assertTrue(read < (long) EVENTS * EVENT_BYTES, "the gateway did not read everything for the client: "
                    + read);
        }
    }

    private double streams() {
        return registry.get("tandem.gateway.events.streams").gauge().value();
    }

    /** Reads until {@code marker} has been seen; what was read. */
    private static String readUntil(InputStream in, String marker) throws Exception {
        StringBuilder text = new StringBuilder();
        byte[] one = new byte[1];
        while (text.indexOf(marker) < 0) {
            if (in.read(one) < 0) {
                throw new AssertionError("the stream ended before " + marker + ": " + text);
            }
            text.append((char) one[0]);
        }
        return text.toString();
    }

    private void publish(int count) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        String padding = "x".repeat(EVENT_BYTES - 64);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            String subject = "flood-" + UUID.randomUUID();
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, subject,
                        ("{\"n\":" + i + ",\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", "dev.tandem.product.updated.v1".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
    }
}
