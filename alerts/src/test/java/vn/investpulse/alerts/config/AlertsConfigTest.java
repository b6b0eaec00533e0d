package vn.investpulse.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.investpulse.config.ConfigException;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.schemas.CapitalSource;

class AlertsConfigTest {

    @Test
    void defaults() {
        AlertsConfig config = AlertsConfig.defaults();
        assertThat(config.rules().thresholds()).extracting(BigDecimal::toPlainString)
                .containsExactly("50.00", "75.00", "100.00", "150.00", "200.00");
        assertThat(config.rules().paceFactor()).isEqualByComparingTo("0.8");
        assertThat(config.rules().sources()).containsExactlyInAnyOrder(CapitalSource.FDI, CapitalSource.DDI);
        assertThat(config.rules().zones().all()).isTrue();
        assertThat(config.webhookUrls()).isEmpty();
        assertThat(config.webhookMaxAttempts()).isEqualTo(5);
        assertThat(config.webhookBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.applicationId()).isEqualTo("invest-pulse-alerts");
    }

    @Test
    void overridesFromTheEnvironment() {
        AlertsConfig config = AlertsConfig.from(new ConfigSource(Map.of(
                "PULSE_ALERT_THRESHOLDS", "25, 50,100.5",
                "PULSE_ALERT_PACE_FACTOR", "1",
                "PULSE_ALERT_SOURCES", "fdi",
                "PULSE_ALERT_ZONES", "deep_c, VSIP",
                "PULSE_ALERT_WEBHOOK_URLS", "http://a.example/hook, https://b.example/x?token=1",
                "PULSE_ALERT_WEBHOOK_BACKOFF", "10ms",
                "PULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")));
        assertThat(config.rules().thresholds()).extracting(BigDecimal::toPlainString).containsExactly("25.00", "50.00", "100.50");
        assertThat(config.rules().sources()).containsExactly(CapitalSource.FDI);
        assertThat(config.rules().zones().includes("DEEP_C")).isTrue();
        assertThat(config.rules().zones().includes("NAM_DINH_VU")).isFalse();
        assertThat(config.webhookUrls()).containsExactly(URI.create("http://a.example/hook"), URI.create("https://b.example/x?token=1"));
        assertThat(config.webhookBackoff()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.kafkaClientSettings()).containsEntry("security.protocol", "SASL_SSL").doesNotContainKey("bootstrap.servers");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> AlertsConfig.from(new ConfigSource(Map.of(
                "PULSE_ALERT_THRESHOLDS", "50,40",
                "PULSE_ALERT_PACE_FACTOR", "1.5",
                "PULSE_ALERT_SOURCES", "FDI,XYZ",
                "PULSE_ALERT_WEBHOOK_URLS", "ftp://x.example/a"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PULSE_ALERT_THRESHOLDS").hasMessageContaining("strictly ascending")
                .hasMessageContaining("PULSE_ALERT_PACE_FACTOR").hasMessageContaining("(0, 1]")
                .hasMessageContaining("PULSE_ALERT_SOURCES").hasMessageContaining("XYZ")
                .hasMessageContaining("PULSE_ALERT_WEBHOOK_URLS");
    }

    @Test
    void thresholdsMustBePositiveDecimals() {
        assertThatThrownBy(() -> AlertsConfig.from(new ConfigSource(Map.of("PULSE_ALERT_THRESHOLDS", "0,50"))))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> AlertsConfig.from(new ConfigSource(Map.of("PULSE_ALERT_THRESHOLDS", "50,7O"))))
                .hasMessageContaining("'7O' is not a percentage");
        assertThatThrownBy(() -> AlertsConfig.from(new ConfigSource(Map.of("PULSE_ALERT_PACE_FACTOR", "0"))))
                .hasMessageContaining("(0, 1]");
    }
}
