package vn.investpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.config.ConfigException;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.ingest.http.ApiToken;

class IngestConfigTest {

    @Test
    void defaults() {
        IngestConfig config = IngestConfig.from(new ConfigSource(Map.of()));
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.registryUrl()).isEqualTo("http://localhost:8081/apis/registry/v2");
        assertThat(config.maxBodyBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(config.maxFuture()).isEqualTo(Duration.ofDays(1));
        assertThat(config.demoTrickleInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.localMode()).isTrue();
        assertThat(config.apiToken()).isNull();
    }

    @Test
    void everyProblemIsListedAtOnceAndTheTokenIsNeverShown() {
        assertThatThrownBy(() -> IngestConfig.from(new ConfigSource(Map.of(
                "PULSE_LOCAL_MODE", "false",
                "PULSE_MAX_BODY_BYTES", "lots",
                "PULSE_MAX_FUTURE", "soon",
                "PULSE_DEMO_TRICKLE_INTERVAL", "10ms"))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4))
                .hasMessageContaining("PULSE_API_TOKEN: required when PULSE_LOCAL_MODE=false")
                .hasMessageContaining("PULSE_MAX_BODY_BYTES")
                .hasMessageContaining("PULSE_MAX_FUTURE")
                .hasMessageContaining("PULSE_DEMO_TRICKLE_INTERVAL");

        assertThatThrownBy(() -> IngestConfig.from(new ConfigSource(Map.of("PULSE_API_TOKEN", "short"))))
                .hasMessageContaining("PULSE_API_TOKEN").hasMessageNotContaining("short");

        IngestConfig config = IngestConfig.from(new ConfigSource(Map.of("PULSE_API_TOKEN", "s3cret-token-0123456789",
                "PULSE_MAX_BODY_BYTES", "1MB", "PULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")));
        assertThat(config.toString()).doesNotContain("s3cret").contains("apiToken=****");
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.kafkaClient()).containsEntry("security.protocol", "SASL_SSL").doesNotContainKey("bootstrap.servers");
    }

    @Test
    void localModeGeneratesATokenOnceAndReusesIt(@TempDir Path dir) throws Exception {
        IngestConfig config = IngestConfig.from(new ConfigSource(Map.of("PULSE_DATA_DIR", dir.toString())));
        ApiToken first = ApiToken.resolve(config);
        ApiToken second = ApiToken.resolve(config);

        assertThat(first.value()).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second.value());
        assertThat(Files.readString(dir.resolve("api-token")).strip()).isEqualTo(first.value());
        assertThat(first.accepts("Bearer " + first.value())).isTrue();
        assertThat(first.accepts("bearer " + first.value())).isTrue();
        assertThat(first.accepts("Bearer " + first.value() + "x")).isFalse();
        assertThat(first.accepts(first.value())).isFalse();
        assertThat(first.accepts(null)).isFalse();
        assertThat(first.toString()).doesNotContain(first.value());
    }
}
