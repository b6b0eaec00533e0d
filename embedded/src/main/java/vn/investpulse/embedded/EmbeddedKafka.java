package vn.investpulse.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka 4.3 broker in this JVM: one KRaft node that is both broker and controller
 * (node id 1), listening on 127.0.0.1 only. Its log directory is the data directory given by the
 * caller; a directory that already holds {@code meta.properties} is reused as is, so topics and
 * records survive a restart.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = new EmbeddedKafka(Path.of("data/kafka"), 9092, 0)) {
 *     kafka.start();                      // returns once the broker answers describeCluster
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    public static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(180);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    /**
     * @param dataDir        the broker's log directory (created if missing, formatted once)
     * @param port           the client port on 127.0.0.1, or 0 for a free one
     * @param controllerPort the KRaft controller port on 127.0.0.1, or 0 for a free one
     * @param overrides      further broker settings, e.g. {@code log.retention.bytes}
     */
    public EmbeddedKafka(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = FreePorts.orFree(port);
        int controller = FreePorts.orFree(controllerPort);
        // Two free-port picks can collide; the controller must not take the client port.
        while (controller == this.port) {
            controller = FreePorts.pick();
        }
        this.controllerPort = controller;
        this.overrides = Map.copyOf(overrides);
    }

    public EmbeddedKafka(Path dataDir, int port, int controllerPort) {
        this(dataDir, port, controllerPort, Map.of());
    }

    /** Formats the data directory if it is new, starts the broker and waits until it serves clients. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Instant started = Instant.now();
        requirePortFree(port, "Kafka");
        requirePortFree(controllerPort, "Kafka controller");
        KafkaConfig config = new KafkaConfig(brokerSettings(), false);
        formatIfNew(config);
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        server = raftServer;
        try {
            raftServer.startup();
            awaitReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Kafka broker ready on {} (data {}) in {} ms", bootstrapServers(), dataDir,
                Duration.between(started, Instant.now()).toMillis());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down and waits for it; safe to call twice. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        try {
            stopping.shutdown();
            stopping.awaitShutdown();
            LOG.info("Kafka broker on 127.0.0.1:{} stopped", port);
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker on 127.0.0.1:{} did not stop cleanly: {}", port, e.toString());
        }
    }

    private Map<String, String> brokerSettings() {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        // A static single-voter quorum: the controller address lives in the config, not in the log,
        // so the controller port may differ from one run to the next on the same data directory.
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", BROKER_LISTENER + "://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", dataDir.toString());
        // One node: every internal topic has a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("num.partitions", "1");
        // Consumers in tests and in the local runtime join at once instead of waiting 3 s.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly from the typed registry, never by a typo in a consumer.
        props.put("auto.create.topics.enable", "false");
        // A laptop-sized broker: few threads, small segments.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        props.putAll(overrides);
        return props;
    }

    private void formatIfNew(KafkaConfig config) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dataDir, e);
        }
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            LOG.info("Kafka data directory {} is already formatted: reusing it", dataDir);
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(dataDir.toString()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka data directory " + dataDir + ": " + e.getMessage(), e);
        }
        LOG.info("Formatted Kafka data directory {} (cluster id {})", dataDir, clusterId);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        Exception last = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    var nodes = admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                } catch (Exception e) {
                    last = e;
                }
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " not ready after " + STARTUP_DEADLINE.toSeconds()
                + " s" + (last == null ? "" : ": " + last.getMessage()), last);
    }

    private static void requirePortFree(int port, String what) {
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException(what + " port " + port + " on 127.0.0.1 is already in use"
                    + " (another instance running? choose another port with the PULSE_*_PORT settings)");
        }
    }
}
