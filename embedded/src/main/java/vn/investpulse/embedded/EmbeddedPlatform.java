package vn.investpulse.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.TopicCreator;
import vn.investpulse.contracts.Topics;

/**
 * The pipeline's infrastructure on one machine: a KRaft broker in this JVM (data under
 * {@code <dataDir>/kafka}), the Apicurio registry as a child process (data under
 * {@code <dataDir>/registry}, compatibility BACKWARD), and every topic of {@link Topics} created.
 * Started in that order, closed in reverse.
 *
 * <pre>{@code
 * try (EmbeddedPlatform platform = new EmbeddedPlatform(Path.of("data"), 9092, 8081, 3)) {
 *     platform.start();
 *     producer = new KafkaProducer<>(Map.of("bootstrap.servers", platform.bootstrapServers()),
 *             platform.serdes().keySerializer(platform.topics().registrations()),
 *             platform.serdes().valueSerializer(platform.topics().registrations()));
 * }
 * }</pre>
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPlatform.class);
    /** One broker: one replica of everything. */
    public static final short REPLICATION_FACTOR = 1;

    private final Path dataDir;
    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;
    private final Topics topics;
    private final RegistrySerdes serdes;

    /**
     * @param dataDir       root of the persistent state ({@code kafka/} and {@code registry/} inside)
     * @param kafkaPort     broker port on 127.0.0.1, 0 for a free one
     * @param registryPort  registry HTTP port on 127.0.0.1, 0 for a free one
     * @param partitions    partitions of the keyed pipeline topics
     */
    public EmbeddedPlatform(Path dataDir, int kafkaPort, int registryPort, int partitions) {
        this(dataDir, kafkaPort, 0, registryPort, partitions, Map.of());
    }

    /**
     * @param controllerPort the KRaft controller port on 127.0.0.1, 0 for a free one
     * @param brokerOverrides further broker settings
     */
    public EmbeddedPlatform(Path dataDir, int kafkaPort, int controllerPort, int registryPort, int partitions,
                            Map<String, String> brokerOverrides) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.kafka = new EmbeddedKafka(this.dataDir.resolve("kafka"), kafkaPort, controllerPort, brokerOverrides);
        int registryPortChosen = FreePorts.orFree(registryPort);
        while (registryPortChosen == kafka.port() || registryPortChosen == kafka.controllerPort()) {
            registryPortChosen = FreePorts.pick();
        }
        this.registry = new EmbeddedRegistry(this.dataDir.resolve("registry"), registryPortChosen);
        this.topics = new Topics(partitions, REPLICATION_FACTOR);
        this.serdes = new RegistrySerdes(registry.apiUrl());
    }

    /** Starts the broker, then the registry (BACKWARD rule set), then creates missing topics. */
    public synchronized void start() {
        Instant started = Instant.now();
        try {
            // The registry needs no broker: launch it first and let both boot side by side.
            registry.launch();
            kafka.start();
            registry.awaitStarted();
            TopicCreator.createMissing(TopicCreator.adminConfig(bootstrapServers()), topics);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Embedded platform ready in {} ms: Kafka {}, registry {}", Duration.between(started, Instant.now()).toMillis(),
                bootstrapServers(), registryUrl());
    }

    /**
     * For an owner that closes this platform from its own shutdown hook, after its services: the
     * registry's safety-net hook then waits up to {@code grace} before stopping the child process itself.
     */
    public void deferRegistryShutdownHook(Duration grace) {
        registry.deferShutdownHook(grace);
    }

    /** Stops the broker only (the registry keeps running): for fault-tolerance tests. */
    public synchronized void stopBroker() {
        kafka.close();
    }

    /** Starts the broker again on the same ports and data directory. */
    public synchronized void startBroker() {
        kafka.start();
    }

    /** Closes in reverse order: registry, then broker. */
    @Override
    public synchronized void close() {
        registry.close();
        kafka.close();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The Apicurio core API, e.g. {@code http://127.0.0.1:8081/apis/registry/v2}: what {@link RegistrySerdes} takes. */
    public String registryApiUrl() {
        return registry.apiUrl();
    }

    /** The registry's base URL; its web console is {@code registryUrl() + "/ui"}. */
    public String registryUrl() {
        return registry.url();
    }

    /** The Confluent-compatible API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public String ccompatUrl() {
        return registry.ccompatUrl();
    }

    public Topics topics() {
        return topics;
    }

    public RegistrySerdes serdes() {
        return serdes;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int kafkaPort() {
        return kafka.port();
    }

    public int registryPort() {
        return registry.port();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedRegistry registry() {
        return registry;
    }

    public boolean brokerRunning() {
        return kafka.isRunning();
    }

    public boolean registryReady() {
        return registry.isReady();
    }
}
