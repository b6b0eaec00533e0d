package vn.investpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.investpulse.config.ConfigException;
import vn.investpulse.config.ConfigSource;

class DashboardConfigTest {

    @Test
    void defaultsMatchTheAlertsPaceRuleAndServeApisFromTheSameOrigin() {
        DashboardConfig config = DashboardConfig.defaults();

        assertThat(config.paceFactor()).isEqualByComparingTo("0.8");
        assertThat(config.apiBaseUrl()).isEmpty();
        assertThat(config.httpPort()).isEqualTo(8080);
    }

    @Test
    void readsOverridesAndDropsATrailingSlash() {
        DashboardConfig config = DashboardConfig.from(new ConfigSource(Map.of(
                "PULSE_DASHBOARD_PACE_FACTOR", "1",
                "PULSE_DASHBOARD_API_BASE_URL", "http://pipeline.local:8080/",
                "PULSE_HTTP_PORT", "9000")));

        assertThat(config.paceFactor()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(config.apiBaseUrl()).isEqualTo("http://pipeline.local:8080");
        assertThat(config.httpPort()).isEqualTo(9000);
    }

    @Test
    void reportsEveryBadSettingAtOnce() {
        ConfigSource source = new ConfigSource(Map.of(
                "PULSE_DASHBOARD_PACE_FACTOR", "1.5",
                "PULSE_DASHBOARD_API_BASE_URL", "ftp://nowhere",
                "PULSE_HTTP_PORT", "70000"));

        assertThatThrownBy(() -> DashboardConfig.from(source))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PULSE_DASHBOARD_PACE_FACTOR")
                .hasMessageContaining("PULSE_DASHBOARD_API_BASE_URL")
                .hasMessageContaining("PULSE_HTTP_PORT");
    }
}
