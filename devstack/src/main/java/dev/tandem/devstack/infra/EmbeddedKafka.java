package dev.tandem.devstack.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>Used by every service's tests, the system tests and the devstack, so all of them talk to the same kind of
 * broker that production runs. The storage is formatted on first use only, so a persistent data folder keeps
 * its topics and offsets across restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private final boolean deleteOnClose;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, int brokerPort, int controllerPort, boolean deleteOnClose) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.deleteOnClose = deleteOnClose;
    }

    /** A throw-away broker on free ports in a fresh temporary folder, removed on close. */
    public static EmbeddedKafka temporary() throws IOException {
        return new EmbeddedKafka(Files.createTempDirectory("tandem-kafka-"), Ports.free(), Ports.free(), true);
    }

    /** A broker whose data lives in {@code dataDir} and survives restarts. */
    public static EmbeddedKafka persistent(Path dataDir, int brokerPort) throws IOException {
        Files.createDirectories(dataDir);
        return new EmbeddedKafka(dataDir, brokerPort, Ports.free(), false);
    }

    public synchronized EmbeddedKafka start() throws Exception {
        if (server != null) {
            return this;
        }
        Path logDir = dataDir.resolve("log");
        Files.createDirectories(logDir);
        Properties props = brokerProperties(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return this;
    }

    private Properties brokerProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", "1");
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    private void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(Set.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (deleteOnClose) {
            Files2.deleteRecursively(dataDir);
        }
    }

}
