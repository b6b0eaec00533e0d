package vn.investpulse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.processor.ProcessorService;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.processor.topology.ProcessorTopology;

/**
 * The measurements on one embedded broker, on the same input topic: the limit (a plain consumer, and a trivial
 * count-by-key Streams app with exactly_once_v2) and the real processor topology replaying the register.
 */
final class BrokerBenchmarks {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerBenchmarks.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DEADLINE = Duration.ofHours(2);
    /** The output counts as finished when the indicators topic has not grown for this long after the input lag is 0. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    private final EmbeddedPlatform platform;
    private final Path work;
    private final int events;
    private final long seed;
    private final String input;

    BrokerBenchmarks(EmbeddedPlatform platform, Path work, int events, long seed) {
        this.platform = platform;
        this.work = work;
        this.events = events;
        this.seed = seed;
        this.input = platform.topics().registrations().name();
    }

    /** Writes the FX rates and the synthetic register (setup; its rate is reported for reference). */
    Results.Row produce() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (var rates = new KafkaProducer<>(config, new StringSerializer(), platform.serdes().valueSerializer(platform.topics().fxRates()))) {
            SyntheticRegister.fxRates().forEach(r -> rates.send(new ProducerRecord<>(platform.topics().fxRates().name(), SyntheticRegister.fxKey(r), r)));
        }
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), platform.serdes().valueSerializer(platform.topics().registrations()))) {
            new SyntheticRegister(seed, events, "BENCH").forEach(e -> producer.send(new ProducerRecord<>(input, e.getCertificateNo(), e)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Results.Row("0", "setup: produce the register (Avro, acks=all)", events / seconds, "events/s",
                String.format(Locale.ROOT, "%,d events in %.1f s, not a target", events, seconds));
    }

    /** (1a) Kafka's own consumer reading the input topic from the start (what ConsumerPerformance measures). */
    Results.Row plainConsumer() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 50 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        long start = System.nanoTime();
        long read = 0;
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(input).stream().map(p -> new TopicPartition(input, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < events) {
                read += consumer.poll(POLL).count();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Results.Row("1a", "limit: plain Kafka consumer on the input", read / seconds, "records/s",
                String.format(Locale.ROOT, "%,d records in %.1f s (equivalent of kafka-consumer-perf-test)", read, seconds));
    }

    /** (1b) A trivial Streams app on the same topic: count by key, exactly_once_v2, until its committed lag is 0. */
    Results.Row trivialStreamsApp() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-trivial-count");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("trivial-state").toString());
        StreamsBuilder b = new StreamsBuilder();
        b.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("input"))
                .groupByKey().count(Named.as("count-by-key"), Materialized.as("counts"));
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(b.build(), p); Admin admin = admin()) {
            streams.start();
            awaitTrue(() -> lag(admin, "bench-trivial-count", List.of(input)) == 0);
            double seconds = (System.nanoTime() - start) / 1e9;
            streams.close(Duration.ofSeconds(30));
            return new Results.Row("1b", "limit: trivial Streams app (count by key, EOS v2)", events / seconds, "events/s",
                    String.format(Locale.ROOT, "start to committed lag 0 in %.1f s", seconds));
        }
    }

    /** (2) The real processor topology (exactly_once_v2) from its start to the last indicator committed. */
    Results.Row processorReplay() {
        ProcessorConfig config = ProcessorConfig.from(new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_APPLICATION_ID", "bench-processor",
                "PULSE_STATE_DIR", work.resolve("processor-state").toString())));
        String repartition = config.applicationId() + "-" + ProcessorTopology.REPARTITION + "-repartition";
        String output = platform.topics().indicators().name();
        Instant start = Instant.now();
        try (ProcessorService processor = new ProcessorService(config, platform.topics(), platform.serdes()); Admin admin = admin()) {
            processor.start();
            awaitTrue(() -> lag(admin, config.applicationId(), List.of(input, repartition)) == 0);
            Instant inputDone = Instant.now();
            // The emitter writes on a wall-clock punctuator: wait until the output stops growing; its last growth is the end.
            long lastEnd = end(admin, output);
            Instant lastChange = Instant.now();
            while (Duration.between(lastChange, Instant.now()).compareTo(QUIET) < 0) {
                sleep(POLL);
                long now = end(admin, output);
                if (now != lastEnd) {
                    lastEnd = now;
                    lastChange = Instant.now();
                }
            }
            double seconds = Duration.between(start, lastChange).toMillis() / 1000.0;
            LOG.info("processor: input consumed after {} ms, last indicator at {} ms, {} indicator records",
                    Duration.between(start, inputDone).toMillis(), Duration.between(start, lastChange).toMillis(), lastEnd);
            return new Results.Row("2", "replay: real processor topology (EOS v2)", events / seconds, "events/s",
                    String.format(Locale.ROOT, "start to last indicator committed in %.1f s (input lag 0 after %.1f s); %,d indicator records",
                            seconds, Duration.between(start, inputDone).toMillis() / 1000.0, lastEnd));
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
    }

    private static long end(Admin admin, String topic) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).values()
                    .forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end of " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Records the group has yet to commit on {@code topics}; a transaction marker (lag 1) counts as consumed. */
    static long lag(Admin admin, String group, List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var d : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                long behind = e.getValue().offset() - (c == null ? 0 : c.offset());
                lag += behind > 1 ? behind : 0;
            }
            return lag;
        } catch (Exception e) {
            return Long.MAX_VALUE; // topics not created yet, coordinator loading: not caught up
        }
    }

    static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not done after " + DEADLINE);
            }
            sleep(POLL);
        }
    }

    /** Pacing of a measurement loop (never used to wait for a result that can be observed). */
    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
