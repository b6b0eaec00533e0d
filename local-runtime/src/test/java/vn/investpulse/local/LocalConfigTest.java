package vn.investpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.investpulse.config.ConfigException;
import vn.investpulse.config.ConfigSource;

class LocalConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        LocalConfig config = LocalConfig.from(new ConfigSource(Map.of()));

        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.registryPort()).isEqualTo(8081);
        assertThat(config.partitions()).isEqualTo(3);
        assertThat(config.demo()).isFalse();
    }

    @Test
    void environmentOverridesDefaults() {
        LocalConfig config = LocalConfig.from(new ConfigSource(Map.of(
                "PULSE_DATA_DIR", "/var/lib/pulse",
                "PULSE_HTTP_PORT", "18080",
                "PULSE_KAFKA_PORT", "19092",
                "PULSE_REGISTRY_PORT", "18081",
                "PULSE_PARTITIONS", "6",
                "PULSE_DEMO", "yes")));

        assertThat(config).isEqualTo(new LocalConfig(Path.of("/var/lib/pulse"), 18080, 19092, 18081, 6, true));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigSource bad = new ConfigSource(Map.of(
                "PULSE_HTTP_PORT", "eighty",
                "PULSE_PARTITIONS", "0",
                "PULSE_DEMO", "maybe"));

        assertThatThrownBy(() -> LocalConfig.from(bad))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
                .hasMessageContaining("PULSE_HTTP_PORT")
                .hasMessageContaining("PULSE_PARTITIONS")
                .hasMessageContaining("PULSE_DEMO");
    }

    @Test
    void portsMustDiffer() {
        ConfigSource clash = new ConfigSource(Map.of("PULSE_REGISTRY_PORT", "9092"));

        assertThatThrownBy(() -> LocalConfig.from(clash))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PULSE_REGISTRY_PORT: must differ from PULSE_KAFKA_PORT (9092)");
    }

    @Test
    void theRuntimePortIsNotPassedToKafkaClientsAsAClientSetting() {
        Map<String, String> env = Map.of("PULSE_KAFKA_PORT", "19092", "PULSE_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");

        ConfigSource forServices = ConfigSource.from(LocalRuntime.forServices(env));

        assertThat(forServices.kafkaClientSettings(java.util.Set.of())).containsOnlyKeys("security.protocol");
    }
}
