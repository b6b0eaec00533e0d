package vn.investpulse.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import vn.investpulse.config.ConfigSource;

/** The Kafka client settings the processor chooses itself, and that an operator's own settings replace them. */
class ProcessorConfigTest {

    private static final String PRODUCER_BATCH_SIZE = StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG);

    @Test
    void theProducerBatchesAQuarterMegabytePerPartitionUnlessTheOperatorSaysOtherwise() {
        Properties defaults = ProcessorConfig.defaults().streamsProperties();
        assertThat(defaults.getProperty(PRODUCER_BATCH_SIZE)).isEqualTo("262144");
        // Kafka Streams hands the producer-prefixed setting to its producers only: the consumers never see it.
        assertThat(new StreamsConfig(defaults).getProducerConfigs("client").get(ProducerConfig.BATCH_SIZE_CONFIG))
                .isEqualTo("262144");

        Properties operator = ProcessorConfig.from(new ConfigSource(Map.of("PULSE_KAFKA_BATCH_SIZE", "65536"))).streamsProperties();
        assertThat(operator.getProperty(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo("65536");
        assertThat(operator).doesNotContainKey(PRODUCER_BATCH_SIZE);
        assertThat(new StreamsConfig(operator).getProducerConfigs("client").get(ProducerConfig.BATCH_SIZE_CONFIG))
                .isEqualTo("65536");
    }

    @Test
    void transactionsMayStayOpenAMinuteUnlessTheOperatorSaysOtherwise() {
        assertThat(ProcessorConfig.defaults().streamsProperties().getProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG))
                .isEqualTo("60000");
        assertThat(ProcessorConfig.from(new ConfigSource(Map.of("PULSE_KAFKA_TRANSACTION_TIMEOUT_MS", "20000")))
                .streamsProperties().getProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)).isEqualTo("20000");
    }

    @Test
    void theAuthorityTaskDoesNotIdleAndARegistrationWaitsForItsRateInstead() {
        assertThat(ProcessorConfig.defaults().streamsProperties().getProperty(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo("-1");
        assertThat(ProcessorConfig.defaults().rateWait()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(ProcessorConfig.from(new ConfigSource(Map.of("PULSE_FX_RATE_WAIT", "0s"))).rateWait()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProcessorConfig.from(new ConfigSource(Map.of("PULSE_FX_RATE_WAIT", "2d"))))
                .hasMessageContaining("PULSE_FX_RATE_WAIT");
    }
}
