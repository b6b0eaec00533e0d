package vn.investpulse.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigException;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.sink.store.H2Dialect;
import vn.investpulse.sink.store.PostgresDialect;

class SinkConfigTest {

    @Test
    void defaultsToTheEmbeddedStoreUnderTheDataDir() {
        SinkConfig config = SinkConfig.from(new ConfigSource(Map.of("PULSE_DATA_DIR", "/var/pulse")));

        assertThat(config.store().jdbcUrl())
                .isEqualTo("jdbc:h2:file:/var/pulse/store/pulse;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(config.store().dialect()).isInstanceOf(H2Dialect.class);
        assertThat(config.store().user()).isEqualTo("sa");
        assertThat(config.groupId()).isEqualTo("pulse-sink");
        assertThat(config.batchSize()).isEqualTo(1000);
        assertThat(config.retry().maxRetries()).isEqualTo(8);
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.registryUrl()).isEqualTo("http://localhost:8081/apis/registry/v2");
        assertThat(config.ccompatUrl()).isEqualTo("http://localhost:8081/apis/ccompat/v7");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/pulse"));
    }

    @Test
    void readsEverySetting() {
        SinkConfig config = SinkConfig.from(new ConfigSource(Map.ofEntries(
                Map.entry("PULSE_STORE_URL", "jdbc:postgresql://db:5432/pulse"),
                Map.entry("PULSE_STORE_USER", "pulse"),
                Map.entry("PULSE_STORE_PASSWORD", "s3cret"),
                Map.entry("PULSE_STORE_SCHEMA", "bi"),
                Map.entry("PULSE_SINK_BATCH_SIZE", "250"),
                Map.entry("PULSE_SINK_MAX_RETRIES", "0"),
                Map.entry("PULSE_SINK_RETRY_BACKOFF", "100ms"),
                Map.entry("PULSE_SINK_RETRY_BACKOFF_MAX", "5s"),
                Map.entry("PULSE_SINK_GROUP_ID", "sink-b"),
                Map.entry("PULSE_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"),
                Map.entry("PULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                Map.entry("PULSE_REGISTRY_URL", "http://registry:8080/"))));

        assertThat(config.store().dialect()).isInstanceOf(PostgresDialect.class);
        assertThat(config.store().password()).isEqualTo("s3cret");
        assertThat(config.store().schema()).isEqualTo("bi");
        assertThat(config.batchSize()).isEqualTo(250);
        assertThat(config.retry().maxRetries()).isZero();
        assertThat(config.retry().backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(config.groupId()).isEqualTo("sink-b");
        assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.kafkaClientSettings()).containsExactly(Map.entry("security.protocol", "SASL_SSL"));
        assertThat(config.registryUrl()).isEqualTo("http://registry:8080/apis/registry/v2");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> SinkConfig.from(new ConfigSource(Map.of(
                "PULSE_STORE_URL", "jdbc:mysql://db/pulse",
                "PULSE_SINK_BATCH_SIZE", "0",
                "PULSE_SINK_MAX_RETRIES", "-1",
                "PULSE_SINK_RETRY_BACKOFF", "2s",
                "PULSE_SINK_RETRY_BACKOFF_MAX", "1s",
                "PULSE_REGISTRY_URL", "registry:8080"))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(5))
                .hasMessageContaining("PULSE_STORE_URL: must start with jdbc:postgresql: or jdbc:h2:")
                .hasMessageContaining("PULSE_SINK_BATCH_SIZE='0': must be a whole number of at least 1")
                .hasMessageContaining("PULSE_SINK_MAX_RETRIES='-1': must be 0 or more")
                .hasMessageContaining("PULSE_SINK_RETRY_BACKOFF_MAX: must be at least")
                .hasMessageContaining("PULSE_REGISTRY_URL: must be an http:// or https:// URL");
    }

    @Test
    void logsSettingsWithThePasswordMasked() {
        Logger logger = (Logger) LoggerFactory.getLogger(SinkConfig.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            SinkConfig config = SinkConfig.from(new ConfigSource(Map.of("PULSE_STORE_URL", "jdbc:postgresql://db/pulse",
                    "PULSE_STORE_USER", "pulse", "PULSE_STORE_PASSWORD", "s3cret")));
            assertThat(appender.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .contains("PULSE_STORE_PASSWORD", "****", "PULSE_STORE_URL", "jdbc:postgresql://db/pulse")
                    .doesNotContain("s3cret"));
            assertThat(config.store().toString()).doesNotContain("s3cret");
        } finally {
            logger.detachAppender(appender);
        }
    }
}
