package vn.investpulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConfigReaderTest {

    static final Setting<Integer> PORT = Setting.port("PULSE_HTTP_PORT", 8080, "HTTP port");
    static final Setting<Duration> INTERVAL = Setting.duration("PULSE_EMIT_INTERVAL", Duration.ofMillis(500), "emit interval");
    static final Setting<String> TOKEN = Setting.string("PULSE_API_TOKEN", null, "API token").asSecret();
    static final Setting<String> URL = Setting.string("PULSE_STORE_URL", null, "JDBC URL").asRequired();
    static final Setting<Long> BODY = Setting.bytes("PULSE_MAX_BODY_BYTES", 1024, "max body");

    @Test
    void defaultsApplyWhenUnset() {
        ConfigReader r = new ConfigReader(new ConfigSource(Map.of("PULSE_STORE_URL", "jdbc:h2:mem:x")));
        assertThat(r.get(PORT)).isEqualTo(8080);
        assertThat(r.get(INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(r.get(TOKEN)).isNull();
        r.validate();
    }

    @Test
    void everyProblemIsReportedAtOnceWithTheSettingName() {
        ConfigReader r = new ConfigReader(new ConfigSource(Map.of(
                "PULSE_HTTP_PORT", "80800", "PULSE_EMIT_INTERVAL", "soon", "PULSE_MAX_BODY_BYTES", "big")));
        r.get(PORT);
        r.get(INTERVAL);
        r.get(URL);
        r.get(BODY);
        assertThatThrownBy(r::validate)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4))
                .hasMessageContaining("PULSE_HTTP_PORT='80800': a port is a number from 1 to 65535")
                .hasMessageContaining("PULSE_EMIT_INTERVAL='soon': must be a duration")
                .hasMessageContaining("PULSE_STORE_URL: required")
                .hasMessageContaining("PULSE_MAX_BODY_BYTES='big'");
    }

    @Test
    void secretsAreNeverShown() {
        Setting<Integer> secretNumber = Setting.positiveInt("PULSE_SECRET_N", 1, "n").asSecret();
        ConfigReader r = new ConfigReader(new ConfigSource(Map.of("PULSE_SECRET_N", "hunter2", "PULSE_API_TOKEN", "s3cr3t")));
        r.get(secretNumber);
        r.get(TOKEN);
        assertThatThrownBy(r::validate).hasMessageContaining("PULSE_SECRET_N=****").hasMessageNotContaining("hunter2");
        r.log(LoggerFactory.getLogger(ConfigReaderTest.class), "test"); // must not throw; masked output
    }

    @Test
    void unitsAreUnderstood() {
        assertThat(Setting.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Setting.parseDuration("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Setting.parseSize("20MB")).isEqualTo(20L * 1024 * 1024);
        assertThat(Setting.list("PULSE_X", "a, b,,c", "x").parser().apply("a, b,,c")).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void kafkaClientSettingsPassThroughExceptReservedOnes() {
        ConfigSource source = new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", "kafka:29092",
                "PULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PULSE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "PULSE_KAFKA_PORT", "9092",
                "PULSE_REGISTRY_CLIENT_AUTH_USERNAME", "bi"));
        assertThat(source.kafkaClientSettings(Set.of("PULSE_KAFKA_PORT"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "kafka:29092", "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"));
        assertThat(source.registryClientSettings()).containsEntry("apicurio.auth.username", "bi");
    }

    @Test
    void environmentOverridesTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pulse.properties");
        Files.writeString(file, "PULSE_HTTP_PORT=9000\nPULSE_EMIT_INTERVAL=2s\n");
        ConfigSource source = ConfigSource.from(Map.of(ConfigSource.CONFIG_FILE_ENV, file.toString(), "PULSE_HTTP_PORT", "9100",
                "HOME", "/root"));
        ConfigReader r = new ConfigReader(source);
        assertThat(r.get(PORT)).isEqualTo(9100);
        assertThat(r.get(INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(source.raw("HOME")).isNull();
    }
}
