package vn.investpulse.sink.support;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.sink.SinkConfig;
import vn.investpulse.sink.consume.RecordDecoder;
import vn.investpulse.sink.offsets.OffsetStore;
import vn.investpulse.sink.store.Store;
import vn.investpulse.sink.store.StoreConfig;

/** Producers for the sink's input topics, sink configurations, and "caught up" waits, on the shared test platform. */
public final class SinkHarness implements AutoCloseable {

    /** Generous: the test machine is shared by several builds (load averages of 20 and more were seen). */
    public static final Duration CATCH_UP = Duration.ofMinutes(3);

    private final EmbeddedPlatform platform;
    private final KafkaProducer<IndicatorKey, Indicator> indicators;
    private final KafkaProducer<String, Alert> alerts;
    private final KafkaProducer<String, DeadLetter> deadLetters;
    private final KafkaProducer<byte[], byte[]> raw;
    private final Admin admin;

    public SinkHarness(EmbeddedPlatform platform) {
        this.platform = platform;
        this.indicators = new KafkaProducer<>(producerConfig(), platform.serdes().keySerializer(platform.topics().indicators()),
                platform.serdes().valueSerializer(platform.topics().indicators()));
        this.alerts = new KafkaProducer<>(producerConfig(), new StringSerializer(), platform.serdes().valueSerializer(platform.topics().alerts()));
        this.deadLetters = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                platform.serdes().valueSerializer(platform.topics().registrationsDlq()));
        this.raw = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    /** A sink configuration on this platform writing to {@code store}, with its own consumer group. */
    public SinkConfig sinkConfig(StoreConfig store, Path dataDir, int batchSize) {
        return sinkConfig(store, dataDir, batchSize, "sink-it-" + UUID.randomUUID());
    }

    public SinkConfig sinkConfig(StoreConfig store, Path dataDir, int batchSize, String group) {
        return SinkConfig.from(ConfigSource.from(env(store, dataDir, batchSize, group)));
    }

    /** The environment a standalone sink would get for the same settings. */
    public Map<String, String> env(StoreConfig store, Path dataDir, int batchSize, String group) {
        Map<String, String> env = new HashMap<>();
        env.put("PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers());
        env.put("PULSE_REGISTRY_URL", platform.registryApiUrl());
        env.put("PULSE_DATA_DIR", dataDir.toString());
        env.put("PULSE_STORE_URL", store.jdbcUrl());
        env.put("PULSE_STORE_USER", store.user());
        env.put("PULSE_STORE_PASSWORD", store.password());
        if (store.schema() != null) {
            env.put("PULSE_STORE_SCHEMA", store.schema());
        }
        env.put("PULSE_SINK_GROUP_ID", group);
        env.put("PULSE_SINK_BATCH_SIZE", Integer.toString(batchSize));
        env.put("PULSE_SINK_RETRY_BACKOFF", "50ms");
        env.put("PULSE_SINK_RETRY_BACKOFF_MAX", "1s");
        env.put("PULSE_SINK_MAX_RETRIES", "10");
        env.put("PULSE_SINK_POLL_TIMEOUT", "200ms");
        return env;
    }

    public void send(Indicator v) {
        indicators.send(new ProducerRecord<>(Topics.INDICATORS, Fixtures.keyOf(v), v));
    }

    public void tombstone(IndicatorKey key) {
        indicators.send(new ProducerRecord<>(Topics.INDICATORS, key, null));
    }

    public void send(Alert a) {
        alerts.send(new ProducerRecord<>(Topics.ALERTS, a.getId(), a));
    }

    public void send(DeadLetter d) {
        deadLetters.send(new ProducerRecord<>(Topics.REGISTRATIONS_DLQ, d.getFile() + ":" + d.getLine(), d));
    }

    public void sendRaw(String topic, byte[] key, byte[] value) {
        raw.send(new ProducerRecord<>(topic, key, value));
    }

    public void flush() {
        indicators.flush();
        alerts.flush();
        deadLetters.flush();
        raw.flush();
    }

    /** The log-end offset (read_committed) of every partition the sink reads. */
    public Map<TopicPartition, Long> endOffsets() {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            var topics = admin.describeTopics(RecordDecoder.topicsToRead(platform.topics())).allTopicNames().get();
            topics.values().forEach(t -> t.partitions().forEach(p -> request.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public static Map<TopicPartition, Long> storedOffsets(Store store, String group) {
        try (Connection c = store.connection()) {
            Map<TopicPartition, Long> out = new OffsetStore(group, java.time.Clock.systemUTC()).all(c);
            c.commit();
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the group's offsets stored in the database reach the end of every partition the sink reads. */
    public void awaitCaughtUp(Store store, String group) {
        awaitCaughtUp(store, group, CATCH_UP);
    }

    public void awaitCaughtUp(Store store, String group, Duration atMost) {
        // The check reads the store over the pool that a test may be dropping connections of: a broken
        // connection fails this one poll (the pool then replaces it), not the test.
        await("sink " + group + " caught up").atMost(atMost).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IllegalStateException.class).until(() -> {
            Map<TopicPartition, Long> stored = storedOffsets(store, group);
            return endOffsets().entrySet().stream().allMatch(e -> stored.getOrDefault(e.getKey(), 0L) >= e.getValue());
        });
    }

    @Override
    public void close() {
        indicators.close();
        alerts.close();
        deadLetters.close();
        raw.close();
        admin.close();
    }

    /** Topic names, re-exported for brevity. */
    public static final class Topics {
        public static final String INDICATORS = vn.investpulse.contracts.Topics.INDICATORS;
        public static final String ALERTS = vn.investpulse.contracts.Topics.ALERTS;
        public static final String REGISTRATIONS_DLQ = vn.investpulse.contracts.Topics.REGISTRATIONS_DLQ;
        public static final String SINK_DLQ = vn.investpulse.contracts.Topics.SINK_DLQ;

        private Topics() {
        }
    }
}
