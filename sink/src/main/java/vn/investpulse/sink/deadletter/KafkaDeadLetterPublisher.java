package vn.investpulse.sink.deadletter;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.TopicSpec;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.sink.write.DeadLetterPublisher;
import vn.investpulse.sink.write.Refusal;

/**
 * Publishes the sink's refusals to {@code pulse.sink.dlq.v1} as {@link DeadLetter}s with provenance (topic,
 * partition, offset, raw bytes, reason in English and Vietnamese) and waits for the broker's acknowledgement
 * (acks=all, idempotent producer) before the batch that moves past them commits.
 */
public final class KafkaDeadLetterPublisher implements DeadLetterPublisher, AutoCloseable {

    static final String STAGE = "sink";
    static final String CONNECTOR = "kafka";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, DeadLetter> producer;
    private final String topic;
    private final Clock clock;

    public KafkaDeadLetterPublisher(Map<String, Object> clientSettings, String bootstrapServers, TopicSpec<String, DeadLetter> topic,
                                    RegistrySerdes serdes, Clock clock) {
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis() / 2);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "pulse-sink-dlq");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), serdes.valueSerializer(topic));
        this.topic = topic.name();
        this.clock = clock;
    }

    @Override
    public void publish(List<Refusal> refusals) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(refusals.size());
        for (Refusal r : refusals) {
            sent.add(producer.send(new ProducerRecord<>(topic, key(r), deadLetter(r, clock))));
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            f.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** DLQ keys: the event id when known, else the refused record's position. */
    static String key(Refusal r) {
        return r.origin().eventId() != null ? r.origin().eventId() : r.origin().position();
    }

    static DeadLetter deadLetter(Refusal r, Clock clock) {
        return DeadLetter.newBuilder()
                .setStage(STAGE)
                .setConnector(CONNECTOR)
                .setSourceTopic(r.origin().topic())
                .setSourcePartition(r.origin().partition())
                .setSourceOffset(r.origin().offset())
                .setEventId(r.origin().eventId())
                .setRawText(r.rawText())
                .setRawBytes(r.origin().value() == null ? null : ByteBuffer.wrap(r.origin().value()))
                .setReason(r.reason())
                .setReasonVi(r.reasonVi())
                .setErrorClass(r.errorClass())
                .setTimestamp(clock.instant())
                .build();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
