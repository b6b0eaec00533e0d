package vn.investpulse.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.embedded.EmbeddedPlatform;

/**
 * What a pipeline service gets from the local runtime once the infrastructure is up.
 *
 * @param config   the runtime's own settings
 * @param source   the settings for the services: the user's environment, with the broker and the
 *                 registry of this runtime filled in ({@value #BOOTSTRAP_SERVERS}, {@value #REGISTRY_URL},
 *                 {@value #TOPIC_PARTITIONS}); read each service's typed config from it
 * @param platform the running broker and registry
 */
public record RuntimeContext(LocalConfig config, ConfigSource source, EmbeddedPlatform platform) {

    public static final String BOOTSTRAP_SERVERS = "PULSE_KAFKA_BOOTSTRAP_SERVERS";
    public static final String REGISTRY_URL = "PULSE_REGISTRY_URL";
    public static final String TOPIC_PARTITIONS = "PULSE_TOPIC_PARTITIONS";

    /** The services' settings: the user's, plus where this runtime's broker and registry are. */
    static RuntimeContext wire(LocalConfig config, ConfigSource userSource, EmbeddedPlatform platform) {
        ConfigSource wired = userSource
                .with(BOOTSTRAP_SERVERS, platform.bootstrapServers())
                .with(REGISTRY_URL, platform.registryApiUrl())
                .with(TOPIC_PARTITIONS, Integer.toString(config.partitions()));
        return new RuntimeContext(config, wired, platform);
    }

    public Topics topics() {
        return platform.topics();
    }

    public RegistrySerdes serdes() {
        return platform.serdes();
    }

    public String bootstrapServers() {
        return platform.bootstrapServers();
    }

    /** A directory of its own under the data directory for a service's state (Kafka Streams stores, H2 files). */
    public Path stateDir(String service) {
        Path dir = config.dataDir().resolve(service);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
