package vn.investpulse.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.investpulse.contracts.RegistrySerdes;

/**
 * The one shared producer of ingest (idempotent, acks=all): every record of an upload is sent, then
 * {@link #publish} waits until the broker has acknowledged all of them, so the API answers only about
 * records that are durably in Kafka. Thread-safe: HTTP requests share it.
 */
public final class RecordPublisher implements AutoCloseable {

    /** Generous: a 100,000-row upload on a busy 2-core machine; the producer retries within it. */
    public static final Duration ACK_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaProducer<String, SpecificRecord> producer;
    /** kafka_producer_* meters of {@link #producer}, on the process's /metrics. */
    private final AutoCloseable producerMetrics;

    public RecordPublisher(String bootstrapServers, RegistrySerdes serdes, Map<String, Object> clientOverrides) {
        Map<String, Object> config = new HashMap<>(clientOverrides);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "pulse-ingest");
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(config, new StringSerializer(), cachingSerializer(serdes));
        this.producerMetrics = vn.investpulse.observability.PulseMetrics.bind(producer);
    }

    /** The registry value serializer of {@link RegistrySerdes} (which asks the registry once per (topic, schema)). */
    @SuppressWarnings("unchecked")
    public static Serializer<SpecificRecord> cachingSerializer(RegistrySerdes serdes) {
        return (Serializer<SpecificRecord>) serdes.serde(SpecificRecord.class, false).serializer();
    }

    /**
     * Sends the records in order and waits for every acknowledgement.
     *
     * @throws PublishException when any record could not be written (the caller answers 503; re-sending is
     *                          safe, the processor deduplicates by event id)
     */
    public List<RecordMetadata> publish(List<ProducerRecord<String, SpecificRecord>> records) {
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, SpecificRecord> record : records) {
                CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        ack.completeExceptionally(error);
                    } else {
                        ack.complete(metadata);
                    }
                });
                acks.add(ack);
            }
            producer.flush();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return acks.stream().map(CompletableFuture::join).toList();
        } catch (ExecutionException e) {
            throw new PublishException("the broker did not acknowledge every record: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("the broker did not acknowledge every record within " + ACK_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for the broker", e);
        } catch (RuntimeException e) {
            throw new PublishException("cannot send to Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        try {
            producerMetrics.close();
        } catch (Exception e) {
            // only meters: nothing to release that matters at shutdown
        }
    }

    /** Records could not be written; nothing is known about which ones were. */
    public static final class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
