package vn.investpulse.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import vn.investpulse.config.ConfigReader;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.config.Setting;

/**
 * The ingest service's typed, immutable configuration, read once from {@link ConfigSource}
 * ({@link #from(ConfigSource)}) and validated with every problem listed.
 *
 * @param apiToken            null when unset: in local mode a token is then generated and kept in
 *                            {@code <dataDir>/api-token}; outside local mode it is required
 * @param kafkaClient         pass-through Kafka client settings ({@code PULSE_KAFKA_<NAME>})
 * @param registryClient      pass-through registry serde settings ({@code PULSE_REGISTRY_CLIENT_<NAME>})
 */
public record IngestConfig(
        String bootstrapServers,
        String registryUrl,
        int httpPort,
        String apiToken,
        Path dataDir,
        long maxBodyBytes,
        Duration maxFuture,
        Duration demoTrickleInterval,
        boolean localMode,
        boolean seedReference,
        boolean demo,
        int topicPartitions,
        short replicationFactor,
        Map<String, Object> kafkaClient,
        Map<String, Object> registryClient) {

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("PULSE_KAFKA_BOOTSTRAP_SERVERS",
            "localhost:9092", "Kafka bootstrap servers");
    public static final Setting<URI> REGISTRY_URL = Setting.url("PULSE_REGISTRY_URL",
            "http://localhost:8081/apis/registry/v2", "Apicurio registry core API (…/apis/registry/v2)");
    public static final Setting<Integer> HTTP_PORT = Setting.port("PULSE_HTTP_PORT", 8080,
            "HTTP port of the standalone ingest service");
    public static final Setting<String> API_TOKEN = Setting.string("PULSE_API_TOKEN", null,
            "bearer token required by write requests; generated into <data dir>/api-token in local mode when unset").asSecret();
    public static final Setting<Path> DATA_DIR = Setting.path("PULSE_DATA_DIR", "./data",
            "directory for local state (the generated API token)");
    public static final Setting<Long> MAX_BODY_BYTES = Setting.bytes("PULSE_MAX_BODY_BYTES", 20L * 1024 * 1024,
            "largest accepted request body (413 above), e.g. 20MB");
    public static final Setting<Duration> MAX_FUTURE = Setting.duration("PULSE_MAX_FUTURE", Duration.ofDays(1),
            "how far after now an effective_at may lie before the row is refused");
    public static final Setting<Duration> DEMO_TRICKLE_INTERVAL = Setting.duration("PULSE_DEMO_TRICKLE_INTERVAL",
            Duration.ofSeconds(5), "interval between demo trickle events");
    public static final Setting<Boolean> LOCAL_MODE = Setting.bool("PULSE_LOCAL_MODE", true,
            "local mode: generate an API token when PULSE_API_TOKEN is unset (set false in production)");
    public static final Setting<Boolean> SEED_REFERENCE = Setting.bool("PULSE_SEED_REFERENCE", true,
            "publish Hai Phong's default zones and FX rates when their topics are empty");
    public static final Setting<Boolean> DEMO = Setting.bool("PULSE_DEMO", false,
            "standalone service only: load the demo dataset and start the trickle");
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.positiveInt("PULSE_TOPIC_PARTITIONS", 3,
            "partitions of the registrations topic (standalone service creates missing topics)");
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.positiveInt("PULSE_REPLICATION_FACTOR", 1,
            "replication factor of created topics");

    /** Every setting this service reads, in reading order: the settings table (docs/settings.md) is checked against it. */
    public static java.util.List<Setting<?>> all() {
        return java.util.List.of(BOOTSTRAP_SERVERS, REGISTRY_URL, HTTP_PORT, API_TOKEN, DATA_DIR, MAX_BODY_BYTES, MAX_FUTURE, DEMO_TRICKLE_INTERVAL, LOCAL_MODE,
                SEED_REFERENCE, DEMO, TOPIC_PARTITIONS, REPLICATION_FACTOR);
    }

    /** Our own settings: never passed through to the Kafka clients. */
    private static final Set<String> RESERVED = Set.of(BOOTSTRAP_SERVERS.env());

    /** The smallest sane interval: the trickle is for watching a screen move, not a load test. */
    private static final Duration MIN_TRICKLE = Duration.ofMillis(100);

    public IngestConfig {
        kafkaClient = Map.copyOf(kafkaClient);
        registryClient = Map.copyOf(registryClient);
    }

    public static IngestConfig from(ConfigSource source) {
        return read(new ConfigReader(source));
    }

    /** Reads, validates (throwing one ConfigException with every problem) and returns the config; see {@link #log}. */
    public static IngestConfig read(ConfigReader r) {
        String bootstrap = r.get(BOOTSTRAP_SERVERS);
        URI registry = r.get(REGISTRY_URL);
        Integer port = r.get(HTTP_PORT);
        String token = r.get(API_TOKEN);
        Path dataDir = r.get(DATA_DIR);
        Long maxBody = r.get(MAX_BODY_BYTES);
        Duration maxFuture = r.get(MAX_FUTURE);
        Duration trickle = r.get(DEMO_TRICKLE_INTERVAL);
        Boolean local = r.get(LOCAL_MODE);
        Boolean seed = r.get(SEED_REFERENCE);
        Boolean demo = r.get(DEMO);
        Integer partitions = r.get(TOPIC_PARTITIONS);
        Integer rf = r.get(REPLICATION_FACTOR);
        r.check(token != null || !Boolean.FALSE.equals(local), API_TOKEN, "required when PULSE_LOCAL_MODE=false");
        r.check(token == null || token.strip().length() >= 16, API_TOKEN, "must be at least 16 characters");
        r.check(trickle, DEMO_TRICKLE_INTERVAL, d -> d.compareTo(MIN_TRICKLE) >= 0, "must be at least " + MIN_TRICKLE.toMillis() + "ms");
        r.check(rf, REPLICATION_FACTOR, v -> v <= Short.MAX_VALUE, "too large");
        r.validate();
        return new IngestConfig(bootstrap, registry.toString(), port, token == null ? null : token.strip(), dataDir,
                maxBody, maxFuture, trickle, local, seed, demo, partitions, (short) (int) rf,
                r.source().kafkaClientSettings(RESERVED), r.source().registryClientSettings());
    }

    /** Logs the settings of a reader, secrets masked. */
    public static void log(ConfigReader reader, Logger log) {
        reader.log(log, "ingest");
    }

    /** A copy for tests and the local runtime: same settings, other broker and registry. */
    public IngestConfig withPlatform(String bootstrapServers, String registryUrl) {
        return new IngestConfig(bootstrapServers, registryUrl, httpPort, apiToken, dataDir, maxBodyBytes, maxFuture,
                demoTrickleInterval, localMode, seedReference, demo, topicPartitions, replicationFactor, kafkaClient,
                registryClient);
    }

    @Override
    public String toString() {
        return "IngestConfig[bootstrapServers=" + bootstrapServers + ", registryUrl=" + registryUrl + ", httpPort=" + httpPort
                + ", apiToken=" + (apiToken == null ? "(unset)" : "****") + ", dataDir=" + dataDir + ", maxBodyBytes="
                + maxBodyBytes + ", maxFuture=" + maxFuture + ", demoTrickleInterval=" + demoTrickleInterval
                + ", localMode=" + localMode + ", seedReference=" + seedReference + ", demo=" + demo + "]";
    }
}
