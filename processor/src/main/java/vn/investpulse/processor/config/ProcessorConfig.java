package vn.investpulse.processor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigReader;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.config.Setting;

/**
 * The processor's settings, parsed and validated once at startup ({@link #from(ConfigSource)} throws a
 * {@link vn.investpulse.config.ConfigException} listing every problem, then logs them with secrets masked).
 * Kafka client settings pass through as {@code PULSE_KAFKA_<NAME>} (e.g. {@code PULSE_KAFKA_SECURITY_PROTOCOL}).
 *
 * @param applicationServer {@code host:port} of this instance's HTTP API for interactive-query routing, or null
 */
public record ProcessorConfig(
        String bootstrapServers,
        String registryUrl,
        String applicationId,
        Path stateDir,
        Duration emitInterval,
        int httpPort,
        String applicationServer,
        int numStandbyReplicas,
        Duration commitInterval,
        Duration rateWait,
        int numStreamThreads,
        int topicPartitions,
        short replicationFactor,
        Map<String, Object> kafkaClientSettings,
        Map<String, Object> registryClientSettings) {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorConfig.class);
    private static final Pattern HOST_PORT = Pattern.compile("[^:/\\s]+:\\d{1,5}");
    /**
     * Longest a transaction may stay open before the coordinator aborts it. Kafka Streams' exactly-once default is 10 s;
     * on a loaded machine one commit interval plus an emission can take longer, and then every abort fences the producer,
     * migrates the task and redoes the same work, over and over (seen in the fault tests and the benchmark, issue 9).
     * A restart on the same state directory fences a killed instance's open transaction at once, so a longer timeout
     * costs nothing there. {@code PULSE_KAFKA_TRANSACTION_TIMEOUT_MS} overrides it.
     */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The producer's batch size. Every registration crosses one partition twice (the authority repartition, then the
     * entries' changelog), and a producer sends at most one batch per partition per request: at Kafka's 16 KB about
     * a hundred records go per request, and a replay's hop to the authority partition was limited by those round
     * trips (the benchmark's floor, issue 9: 57,000-61,000 events/s at 16 KB, 71,000-114,000 with larger batches).
     * 256 KB stays below half a G1 region of a heap of 1 GB or more (larger buffers are humongous objects); a live
     * record still goes out at the commit, whatever the batch size. {@code PULSE_KAFKA_BATCH_SIZE} overrides it.
     */
    static final int BATCH_SIZE_BYTES = 256 * 1024;

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("PULSE_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
            "Kafka bootstrap servers");
    public static final Setting<String> REGISTRY_URL = Setting.string("PULSE_REGISTRY_URL", "http://localhost:8081/apis/registry/v2",
            "Apicurio registry core API (…/apis/registry/v2)");
    public static final Setting<String> APPLICATION_ID = Setting.string("PULSE_APPLICATION_ID", "invest-pulse-processor",
            "Kafka Streams application.id: consumer group and prefix of internal topics; keep it stable");
    public static final Setting<Path> STATE_DIR = Setting.path("PULSE_STATE_DIR", "./data/processor",
            "Kafka Streams state directory (task locks and checkpoints; the stores are in memory)");
    public static final Setting<Duration> EMIT_INTERVAL = Setting.duration("PULSE_EMIT_INTERVAL", Duration.ofMillis(100),
            "wall-clock interval at which changed indicators are recomputed and emitted");
    public static final Setting<Integer> HTTP_PORT = Setting.port("PULSE_HTTP_PORT", 8080, "HTTP port of the standalone processor");
    public static final Setting<String> APPLICATION_SERVER = Setting.string("PULSE_APPLICATION_SERVER", null,
            "host:port of this instance's HTTP API, advertised for interactive-query routing when several instances run");
    public static final Setting<Integer> NUM_STANDBY_REPLICAS = new Setting<>("PULSE_NUM_STANDBY_REPLICAS",
            "warm copies of each store on other instances, for fast fail-over", "0", false, false, ProcessorConfig::nonNegative);
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("PULSE_COMMIT_INTERVAL", Duration.ofSeconds(1),
            "Kafka Streams commit interval (with exactly_once_v2 also the transaction length) while a backlog is read; "
                    + "a live registration and every emission ask for their commit at once");
    public static final Setting<Duration> RATE_WAIT = Setting.duration("PULSE_FX_RATE_WAIT", Duration.ofMinutes(1),
            "how long a registration without an FX rate in force at its date waits for one before it goes to the DLQ "
                    + "(0s: at once)");
    public static final Setting<Integer> NUM_STREAM_THREADS = Setting.positiveInt("PULSE_NUM_STREAM_THREADS", 1,
            "Kafka Streams threads");
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.positiveInt("PULSE_TOPIC_PARTITIONS", 3,
            "partitions of the keyed pipeline topics (as created by the runtime)");
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.positiveInt("PULSE_TOPIC_REPLICATION_FACTOR", 1,
            "replication factor of the pipeline topics and of the processor's internal topics");

    /** Every setting this service reads, in reading order: the settings table (docs/settings.md) is checked against it. */
    public static java.util.List<Setting<?>> all() {
        return java.util.List.of(BOOTSTRAP_SERVERS, REGISTRY_URL, APPLICATION_ID, STATE_DIR, EMIT_INTERVAL, HTTP_PORT, APPLICATION_SERVER,
                NUM_STANDBY_REPLICAS, COMMIT_INTERVAL, RATE_WAIT, NUM_STREAM_THREADS, TOPIC_PARTITIONS, REPLICATION_FACTOR);
    }

    public ProcessorConfig {
        kafkaClientSettings = Map.copyOf(kafkaClientSettings);
        registryClientSettings = Map.copyOf(registryClientSettings);
    }

    public static ProcessorConfig from(ConfigSource source) {
        ConfigReader r = new ConfigReader(source);
        String bootstrap = r.get(BOOTSTRAP_SERVERS);
        String registry = r.get(REGISTRY_URL);
        r.check(registry == null || registry.startsWith("http://") || registry.startsWith("https://"), REGISTRY_URL,
                "must be an http:// or https:// URL such as http://localhost:8081/apis/registry/v2");
        String applicationId = r.check(r.get(APPLICATION_ID), APPLICATION_ID, v -> v.matches("[A-Za-z0-9._-]+"),
                "may only contain letters, digits, '.', '_' and '-'");
        Path stateDir = r.get(STATE_DIR);
        Duration emit = r.check(r.get(EMIT_INTERVAL), EMIT_INTERVAL,
                d -> d.compareTo(Duration.ofMillis(10)) >= 0 && d.compareTo(Duration.ofMinutes(10)) <= 0, "must be between 10ms and 10m");
        Integer port = r.get(HTTP_PORT);
        String server = r.check(r.get(APPLICATION_SERVER), APPLICATION_SERVER, v -> HOST_PORT.matcher(v).matches(),
                "must be host:port, e.g. processor-1:8080");
        Integer standbys = r.get(NUM_STANDBY_REPLICAS);
        Duration commit = r.check(r.get(COMMIT_INTERVAL), COMMIT_INTERVAL, d -> !d.isZero(), "must be positive");
        Duration rateWait = r.check(r.get(RATE_WAIT), RATE_WAIT, d -> !d.isNegative() && d.compareTo(Duration.ofDays(1)) <= 0,
                "must be between 0s and 1d");
        Integer threads = r.get(NUM_STREAM_THREADS);
        Integer partitions = r.get(TOPIC_PARTITIONS);
        Integer replication = r.check(r.get(REPLICATION_FACTOR), REPLICATION_FACTOR, v -> v <= Short.MAX_VALUE, "too large");
        r.validate();
        r.log(LOG, "processor");
        return new ProcessorConfig(bootstrap, registry, applicationId, stateDir, emit, port, server, standbys, commit, rateWait, threads,
                partitions, replication.shortValue(), source.kafkaClientSettings(Set.of(BOOTSTRAP_SERVERS.env())),
                source.registryClientSettings());
    }

    /** The defaults, for a local setup; tests override with {@link ConfigSource#with(String, String)}. */
    public static ProcessorConfig defaults() {
        return from(new ConfigSource(Map.of()));
    }

    /** The Kafka Streams properties of production (tests pass these same properties to TopologyTestDriver). */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.putAll(kafkaClientSettings);
        if (!p.containsKey(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)
                && !p.containsKey(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG))) {
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(TRANSACTION_TIMEOUT.toMillis()));
        }
        if (!p.containsKey(ProducerConfig.BATCH_SIZE_CONFIG) && !p.containsKey(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG))) {
            p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), Integer.toString(BATCH_SIZE_BYTES));
        }
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, Integer.toString(numStandbyReplicas));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(numStreamThreads));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(replicationFactor));
        // Figures come from effectiveDate, not record time; record time only orders input partitions. A broken
        // timestamp must not drop a registration, so it takes the partition time instead of failing or skipping.
        p.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, UsePartitionTimeOnInvalidTimestamp.class.getName());
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
        // The authority task processes whatever it has buffered, without waiting to fetch its other partitions first:
        // the only order that matters across them (a registration after its FX rate) is made irrelevant by letting a
        // registration wait for its rate (topology.Placement, PULSE_FX_RATE_WAIT). The default (0) checked the empty
        // reference partitions for every record, formatting two log texts each: about 8 % of a replay's stream thread.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1");
        if (applicationServer != null) {
            p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return p;
    }

    private static int nonNegative(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v < 0) {
                throw new IllegalArgumentException("must be 0 or more");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }
}
