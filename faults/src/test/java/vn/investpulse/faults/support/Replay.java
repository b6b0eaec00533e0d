package vn.investpulse.faults.support;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.investpulse.bench.SyntheticRegister;
import vn.investpulse.embedded.EmbeddedPlatform;

/** Writes the reference FX rates and a synthetic register to the platform's input topics, acknowledged by the broker. */
public final class Replay {

    private Replay() {
    }

    public static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    }

    /** The bundled FX rates on {@code pulse.fx-rates.v1}. */
    public static void fxRates(EmbeddedPlatform platform) {
        try (var producer = new KafkaProducer<>(producerConfig(platform.bootstrapServers()), new StringSerializer(),
                platform.serdes().valueSerializer(platform.topics().fxRates()))) {
            SyntheticRegister.fxRates().forEach(rate -> producer.send(
                    new ProducerRecord<>(platform.topics().fxRates().name(), SyntheticRegister.fxKey(rate), rate)));
            producer.flush();
        }
    }

    /** Every event of {@code register} on {@code pulse.registrations.v1}, keyed by certificate number. */
    public static void registrations(EmbeddedPlatform platform, SyntheticRegister register) {
        try (var producer = new KafkaProducer<>(producerConfig(platform.bootstrapServers()), new StringSerializer(),
                platform.serdes().valueSerializer(platform.topics().registrations()))) {
            register.forEach(e -> producer.send(new ProducerRecord<>(platform.topics().registrations().name(), e.getCertificateNo(), e),
                    (metadata, error) -> {
                        if (error != null) {
                            throw new IllegalStateException("cannot write the replay: " + error.getMessage(), error);
                        }
                    }));
            producer.flush();
        }
    }
}
