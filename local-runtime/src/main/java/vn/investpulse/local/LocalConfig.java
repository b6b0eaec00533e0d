package vn.investpulse.local;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigReader;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.config.Setting;

/**
 * Settings of the all-in-one local runtime, read once at startup from the environment (or the file
 * named by {@code PULSE_CONFIG_FILE}). Every port binds 127.0.0.1 only.
 */
public record LocalConfig(Path dataDir, int httpPort, int kafkaPort, int registryPort, int partitions, boolean demo) {

    private static final Logger LOG = LoggerFactory.getLogger(LocalConfig.class);

    public static final Setting<Path> DATA_DIR = Setting.path("PULSE_DATA_DIR", "./data",
            "where the broker (kafka/), the registry (registry/) and the services keep their state; survives restarts");
    public static final Setting<Integer> HTTP_PORT = Setting.port("PULSE_HTTP_PORT", 8080,
            "HTTP port of the runtime: health, ingest API, dashboard");
    public static final Setting<Integer> KAFKA_PORT = Setting.port("PULSE_KAFKA_PORT", 9092,
            "Kafka broker port (bootstrap server 127.0.0.1:<port>)");
    public static final Setting<Integer> REGISTRY_PORT = Setting.port("PULSE_REGISTRY_PORT", 8081,
            "Apicurio schema registry port (UI at /ui, Confluent-compatible API at /apis/ccompat/v7)");
    public static final Setting<Integer> PARTITIONS = Setting.positiveInt("PULSE_PARTITIONS", 3,
            "partitions of the keyed pipeline topics (registrations, indicators) when they are first created");
    public static final Setting<Boolean> DEMO = Setting.bool("PULSE_DEMO", false,
            "feed the pipeline with generated demo registrations");

    /** Read by the embedded module when it starts the registry; listed here so it is documented with the rest. */
    public static final Setting<Path> REGISTRY_HOME = Setting.path(vn.investpulse.embedded.RegistryDistribution.HOME_ENV, null,
            "unpacked Apicurio Registry distribution to run (default: the one the build unpacked, or unpacked from ~/.m2 into ~/.cache/invest-pulse)");

    public LocalConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Every setting of the local runtime, for documentation and logging. */
    public static List<Setting<?>> settings() {
        return List.of(DATA_DIR, HTTP_PORT, KAFKA_PORT, REGISTRY_PORT, PARTITIONS, DEMO, REGISTRY_HOME);
    }

    /** Reads and checks every setting; throws a ConfigException listing all problems at once. */
    public static LocalConfig from(ConfigSource source) {
        ConfigReader reader = new ConfigReader(source);
        Path dataDir = reader.get(DATA_DIR);
        Integer http = reader.get(HTTP_PORT);
        Integer kafka = reader.get(KAFKA_PORT);
        Integer registry = reader.get(REGISTRY_PORT);
        Integer partitions = reader.get(PARTITIONS);
        Boolean demo = reader.get(DEMO);
        if (http != null && kafka != null && registry != null) {
            reader.check(!kafka.equals(http), KAFKA_PORT, "must differ from PULSE_HTTP_PORT (" + http + ")");
            reader.check(!registry.equals(http), REGISTRY_PORT, "must differ from PULSE_HTTP_PORT (" + http + ")");
            reader.check(!registry.equals(kafka), REGISTRY_PORT, "must differ from PULSE_KAFKA_PORT (" + kafka + ")");
        }
        reader.validate();
        reader.log(LOG, "Local runtime");
        return new LocalConfig(dataDir, http, kafka, registry, partitions, demo);
    }
}
