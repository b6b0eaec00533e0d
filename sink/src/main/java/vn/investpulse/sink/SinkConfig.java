package vn.investpulse.sink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigReader;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.config.Setting;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.store.StoreDialect;
import vn.investpulse.sink.write.RetryPolicy;

/**
 * The sink's typed, validated configuration. Build it with {@link #from(ConfigSource)}: every setting has
 * a default in code (see the table in sink/README-BI.md), problems are collected and reported at once, and
 * the settings are logged with the store password masked.
 *
 * @param kafkaClientSettings further consumer/producer settings passed through as {@code PULSE_KAFKA_<NAME>}
 */
public record SinkConfig(
        String bootstrapServers,
        String registryUrl,
        Path dataDir,
        StoreConfig store,
        String groupId,
        int batchSize,
        Duration pollTimeout,
        RetryPolicy retry,
        int httpPort,
        int topicPartitions,
        Map<String, Object> kafkaClientSettings) {

    private static final Logger LOG = LoggerFactory.getLogger(SinkConfig.class);

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("PULSE_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
            "Kafka bootstrap servers");
    public static final Setting<String> REGISTRY_URL = Setting.string("PULSE_REGISTRY_URL", "http://localhost:8081/apis/registry/v2",
            "schema registry: the Apicurio core API (…/apis/registry/v2) or the server's base URL");
    public static final Setting<Path> DATA_DIR = Setting.path("PULSE_DATA_DIR", "./data",
            "data directory; the embedded store is <dataDir>/store/pulse.mv.db");
    public static final Setting<String> STORE_URL = Setting.string("PULSE_STORE_URL", null,
            "JDBC URL of the store: jdbc:postgresql://host:5432/db, or jdbc:h2:file:...; default the H2 file under PULSE_DATA_DIR");
    public static final Setting<String> STORE_USER = Setting.string("PULSE_STORE_USER", null,
            "store user (default: sa for the embedded H2 store)");
    public static final Setting<String> STORE_PASSWORD = Setting.string("PULSE_STORE_PASSWORD", null, "store password").asSecret();
    public static final Setting<String> STORE_SCHEMA = Setting.string("PULSE_STORE_SCHEMA", null,
            "schema holding the sink's tables (default: the connection's, e.g. public)");
    public static final Setting<Integer> STORE_POOL_SIZE = Setting.positiveInt("PULSE_STORE_POOL_SIZE", 4,
            "maximum store connections (HikariCP)");
    public static final Setting<String> GROUP_ID = Setting.string("PULSE_SINK_GROUP_ID", "pulse-sink",
            "consumer group; also the key of the offsets stored in the database");
    public static final Setting<Integer> BATCH_SIZE = Setting.positiveInt("PULSE_SINK_BATCH_SIZE", 1000,
            "maximum records per poll, written as one database transaction");
    public static final Setting<Duration> POLL_TIMEOUT = Setting.duration("PULSE_SINK_POLL_TIMEOUT", Duration.ofMillis(500),
            "longest wait for records in one poll");
    public static final Setting<Integer> MAX_RETRIES = new Setting<>("PULSE_SINK_MAX_RETRIES",
            "retries of a batch when the store connection is lost, before the sink stops", "8", false, false, s -> {
                int n;
                try {
                    n = Integer.parseInt(s.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number");
                }
                if (n < 0) {
                    throw new IllegalArgumentException("must be 0 or more");
                }
                return n;
            });
    public static final Setting<Duration> RETRY_BACKOFF = Setting.duration("PULSE_SINK_RETRY_BACKOFF", Duration.ofMillis(200),
            "first retry delay; doubles on each retry");
    public static final Setting<Duration> RETRY_BACKOFF_MAX = Setting.duration("PULSE_SINK_RETRY_BACKOFF_MAX", Duration.ofSeconds(10),
            "longest retry delay");
    public static final Setting<Integer> HTTP_PORT = Setting.port("PULSE_SINK_HTTP_PORT", 8086,
            "HTTP port of the standalone sink (health, status)");
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.positiveInt("PULSE_TOPIC_PARTITIONS", 3,
            "partitions of the keyed pipeline topics");

    /** Every setting this service reads, in reading order: the settings table (docs/settings.md) is checked against it. */
    public static java.util.List<Setting<?>> all() {
        return java.util.List.of(BOOTSTRAP_SERVERS, REGISTRY_URL, DATA_DIR, STORE_URL, STORE_USER, STORE_PASSWORD, STORE_SCHEMA, STORE_POOL_SIZE,
                GROUP_ID, BATCH_SIZE, POLL_TIMEOUT, MAX_RETRIES, RETRY_BACKOFF, RETRY_BACKOFF_MAX, HTTP_PORT, TOPIC_PARTITIONS);
    }

    /** The pipeline's own settings, not passed through to the Kafka clients. */
    private static final Set<String> RESERVED = Set.of(BOOTSTRAP_SERVERS.env());
    static final int MAX_BATCH_SIZE = 50_000;

    public SinkConfig {
        kafkaClientSettings = Map.copyOf(kafkaClientSettings);
    }

    public static SinkConfig from(ConfigSource source) {
        ConfigReader r = new ConfigReader(source);
        String bootstrap = r.get(BOOTSTRAP_SERVERS);
        String registry = r.get(REGISTRY_URL);
        Path dataDir = r.get(DATA_DIR);
        String storeUrl = r.get(STORE_URL);
        String user = r.get(STORE_USER);
        String password = r.get(STORE_PASSWORD);
        String schema = r.get(STORE_SCHEMA);
        Integer poolSize = r.get(STORE_POOL_SIZE);
        String group = r.get(GROUP_ID);
        Integer batchSize = r.check(r.get(BATCH_SIZE), BATCH_SIZE, n -> n <= MAX_BATCH_SIZE, "must be at most " + MAX_BATCH_SIZE);
        Duration poll = r.check(r.get(POLL_TIMEOUT), POLL_TIMEOUT, d -> !d.isZero(), "must be more than 0");
        Integer maxRetries = r.get(MAX_RETRIES);
        Duration backoff = r.get(RETRY_BACKOFF);
        Duration backoffMax = r.get(RETRY_BACKOFF_MAX);
        Integer httpPort = r.get(HTTP_PORT);
        Integer partitions = r.get(TOPIC_PARTITIONS);
        if (backoff != null && backoffMax != null) {
            r.check(backoffMax.compareTo(backoff) >= 0, RETRY_BACKOFF_MAX, "must be at least PULSE_SINK_RETRY_BACKOFF (" + backoff + ")");
        }
        if (registry != null) {
            r.check(registry.startsWith("http://") || registry.startsWith("https://"), REGISTRY_URL, "must be an http:// or https:// URL");
        }
        if (storeUrl == null && dataDir != null) {
            storeUrl = StoreConfig.embeddedUrl(dataDir);
        }
        if (storeUrl != null) {
            String url = storeUrl;
            r.check(url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:"), STORE_URL,
                    "must start with jdbc:postgresql: or jdbc:h2:");
        }
        r.validate();
        boolean h2 = storeUrl.startsWith("jdbc:h2:");
        if (user == null && h2) {
            user = "sa";
        }
        if (password == null && h2) {
            password = "";
        }
        r.log(LOG, "sink");
        StoreConfig store = new StoreConfig(storeUrl, user, password, schema, poolSize);
        StoreDialect.forUrl(store.jdbcUrl());
        return new SinkConfig(bootstrap, registryApiUrl(registry), dataDir, store, group, batchSize, poll,
                new RetryPolicy(maxRetries, backoff, backoffMax), httpPort, partitions, source.kafkaClientSettings(RESERVED));
    }

    /** The Apicurio core API URL {@link vn.investpulse.contracts.RegistrySerdes} takes, from a base or full URL. */
    static String registryApiUrl(String url) {
        String trimmed = url.replaceAll("/+$", "");
        return trimmed.contains("/apis/") ? trimmed : trimmed + "/apis/registry/v2";
    }

    /** The Confluent-compatible API of the same registry, for subscribers. */
    public String ccompatUrl() {
        return registryUrl.replaceAll("/apis/registry/v2$", "") + "/apis/ccompat/v7";
    }
}
