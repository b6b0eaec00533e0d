package vn.investpulse.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
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
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.processor.ProcessorService;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.processor.store.HashBytesStore;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.processor.topology.ProcessorTopology;

/**
 * The measurements on one embedded broker, on the same input topic: the limit (Kafka's ConsumerPerformance, a plain
 * consumer loop, and a trivial count-by-key Streams app with exactly_once_v2) and the real processor topology replaying
 * the register.
 */
final class BrokerBenchmarks {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerBenchmarks.class);
    /** How often the replay's progress is sampled: the resolution of its start-to-last-indicator time. */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PROGRESS = Duration.ofSeconds(30);
    private static final Duration DEADLINE = Duration.ofHours(3);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Only when the dirty-series changelog is missing (the processor renamed or dropped the store): the output counts as
     * complete when the input is consumed and the committed indicators have not grown for this long.
     */
    private static final Duration QUIET = Duration.ofSeconds(15);
    /** After the detected end, the indicators topic is watched this long: any growth means the end came too early. */
    private static final Duration CONFIRM = Duration.ofSeconds(10);
    private static final String PROCESSOR_ID = "bench-processor";
    private static final String TRIVIAL_ID = "bench-trivial-count";
    private static final String FLOOR_ID = "bench-floor";
    private static final String FLOOR_REPARTITION = "floor-by-authority";
    private static final String FLOOR_STORE = "floor-entries";

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

    /**
     * Writes the FX rates and the synthetic register (setup; its rate is reported for reference). Events are generated
     * one at a time and {@code send} blocks while the producer's buffer is full, so memory stays flat at any size; every
     * failed send is counted, and the topic must hold exactly {@code events} records afterwards.
     */
    Results.Row produce() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        SendFailures failures = new SendFailures();
        String fx = platform.topics().fxRates().name();
        try (var rates = new KafkaProducer<>(config, new StringSerializer(), platform.serdes().valueSerializer(platform.topics().fxRates()))) {
            SyntheticRegister.fxRates().forEach(r -> rates.send(new ProducerRecord<>(fx, SyntheticRegister.fxKey(r), r), failures));
        }
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), platform.serdes().valueSerializer(platform.topics().registrations()))) {
            new SyntheticRegister(seed, events, "BENCH").forEach(e -> producer.send(new ProducerRecord<>(input, e.getCertificateNo(), e), failures));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        failures.check();
        try (Admin admin = admin()) {
            long written = end(admin, input, IsolationLevel.READ_UNCOMMITTED);
            if (written != events) {
                throw new IllegalStateException(input + " holds " + written + " records after writing " + events + " (a fresh topic was expected)");
            }
        }
        return new Results.Row(Results.SETUP, "setup: produce the register (Avro, acks=all)", events / seconds, "events/s",
                String.format(Locale.ROOT, "%,d events in %.1f s, not a target", events, seconds));
    }

    /** (1a) Kafka's own consumer benchmark, ConsumerPerformance, reading the input topic from the start. */
    Results.Row consumerPerformance() throws IOException, InterruptedException {
        return ConsumerPerformanceRun.row(ConsumerPerformanceRun.run(platform.bootstrapServers(), input, events,
                work.resolve("consumer-performance.log")));
    }

    /** (1a') The same in this JVM: a tuned {@code KafkaConsumer<byte[], byte[]>} loop, assigned, no group. */
    Results.Row plainConsumer() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 50 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        long start = System.nanoTime();
        long read = 0;
        Instant deadline = Instant.now().plus(DEADLINE);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(input).stream().map(p -> new TopicPartition(input, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < events) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the plain consumer read " + read + " of " + events + " records in " + DEADLINE);
                }
                read += consumer.poll(POLL).count();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Results.Row(Results.PLAIN_CONSUMER, "limit: plain KafkaConsumer loop on the input", read / seconds, "records/s",
                String.format(Locale.ROOT, "%,d records in %.1f s; in the benchmark JVM, assigned (no group), max.poll.records 5000", read, seconds));
    }

    /**
     * Kafka Streams' defaults with exactly_once_v2, on the benchmark broker, but for the commit interval: the processor's
     * (one second while it reads a backlog; a live record asks for its commit at once). Kafka's default with
     * exactly_once_v2 is 100 ms, which the processor also used until 2026-12-07: the baselines keep the processor's
     * interval, so that the ratio compares work, not how often each app commits.
     */
    private Properties exactlyOnce(String applicationId, String stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve(stateDir).toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(ProcessorConfig.defaults().commitInterval().toMillis()));
        return p;
    }

    /** (1b) A trivial Streams app on the same topic: count by key, exactly_once_v2, until its committed lag is 0. */
    Results.Row trivialStreamsApp() {
        Properties p = exactlyOnce(TRIVIAL_ID, "trivial-state");
        StreamsBuilder b = new StreamsBuilder();
        b.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("input"))
                .groupByKey().count(Named.as("count-by-key"), Materialized.as("counts"));
        long start = System.nanoTime();
        JvmUsage atStart = JvmUsage.now();
        try (KafkaStreams streams = new KafkaStreams(b.build(), p); Admin admin = admin(); ThreadPhases phases = ThreadPhases.start(TRIVIAL_ID)) {
            Halfway half = new Halfway(admin, TRIVIAL_ID, input);
            streams.start();
            awaitTrue(() -> half.check() && lag(admin, TRIVIAL_ID, Set.of(input), Set.of()) == 0);
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            String cpu = streamThreadCpu(TRIVIAL_ID, atStart) + "; " + wallTime(phases, 0);
            streams.close(Duration.ofSeconds(30));
            deleteInternalTopics(admin, TRIVIAL_ID);
            return half.onto(new Results.Row(Results.TRIVIAL_STREAMS, "limit: trivial Streams app (count by key, EOS v2)", events / seconds, "events/s",
                    String.format(Locale.ROOT, "start() to the input committed (lag 0) in %.1f s, startup included; %s", seconds, cpu)), end);
        }
    }

    /**
     * (1c) The floor of the processor's shape: Kafka Streams doing only the processor's Kafka work, without its logic —
     * the register repartitioned, as raw bytes, to the one partition where every figure is kept; then, per event, one
     * put into a changelogged, uncached store of the processor's own kind ({@link HashBytesStore}): the entry under
     * its event id (here the record itself), with exactly_once_v2, as the processor's {@code project-entries}.
     * Figures across projects need one task, and exactly-once de-duplication and projects need logged state, so the
     * replay cannot beat this with its requirements: what separates the two is the processor's logic.
     */
    Results.Row floorStreamsApp() {
        Properties p = exactlyOnce(FLOOR_ID, "floor-state");
        // The processor's own producer batch size (see ProcessorConfig): the floor is its Kafka work, done as it does it.
        String batchSize = StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG);
        p.put(batchSize, ProcessorConfig.defaults().streamsProperties().getProperty(batchSize));
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(Stores.keyValueStoreBuilder(HashBytesStore.supplier(FLOOR_STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingDisabled().withLoggingEnabled(Map.of()));
        b.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("input"))
                .repartition(Repartitioned.<String, byte[]>as(FLOOR_REPARTITION).withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()).withNumberOfPartitions(1))
                .process(FloorStore::new, Named.as("one-logged-put"), FLOOR_STORE);
        String repartition = FLOOR_ID + "-" + FLOOR_REPARTITION + "-repartition";
        long start = System.nanoTime();
        JvmUsage atStart = JvmUsage.now();
        try (KafkaStreams streams = new KafkaStreams(b.build(), p); Admin admin = admin(); ThreadPhases phases = ThreadPhases.start(FLOOR_ID)) {
            Halfway half = new Halfway(admin, FLOOR_ID, repartition);
            streams.start();
            // The repartition topic is created by the app once it starts: until then its lag cannot be read.
            awaitTrue(() -> half.check() && topicExists(admin, repartition) && lag(admin, FLOOR_ID, Set.of(input), Set.of(repartition)) == 0);
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            String cpu = streamThreadCpu(FLOOR_ID, atStart) + "; " + wallTime(phases, 0);
            streams.close(Duration.ofSeconds(30));
            deleteInternalTopics(admin, FLOOR_ID);
            return half.onto(new Results.Row(Results.FLOOR, "floor: the processor's Kafka work, no logic (EOS v2)", events / seconds, "events/s",
                    String.format(Locale.ROOT, "repartitioned to 1 partition, then a put into a changelogged store per event; "
                            + "start() to every input committed in %.1f s, startup included; %s", seconds, cpu)), end);
        }
    }

    /** Per event: the record (standing for the counted entry) under a unique id. */
    private static final class FloorStore implements Processor<String, byte[], Void, Void> {
        private ProcessorContext<Void, Void> context;
        private KeyValueStore<String, byte[]> entries;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.entries = context.getStateStore(FLOOR_STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            // The offset in the single repartition partition is unique per event, like an event id.
            long offset = context.recordMetadata().orElseThrow().offset();
            entries.put(record.key() + "#" + offset, record.value());
        }
    }

    /**
     * (2) The real processor topology (production settings, exactly_once_v2) from {@code start()} to the last indicator
     * committed. The end is exact, not a quiet period: every input committed (the register with lag 0, the internal
     * repartition up to a transaction marker) and no committed dirty-series mark left (see {@link PendingEmissions}).
     * The time is that of the last growth of the indicators topic's last stable offset (read_committed), sampled every
     * {@link #POLL} during the whole replay.
     */
    Results.Row processorReplay() {
        ProcessorConfig config = ProcessorConfig.from(new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_APPLICATION_ID", PROCESSOR_ID,
                "PULSE_STATE_DIR", work.resolve("processor-state").toString())));
        String repartition = config.applicationId() + "-" + ProcessorTopology.REPARTITION + "-repartition";
        String changelog = config.applicationId() + "-" + StoreNames.DIRTY_SERIES + "-changelog";
        Instant start = Instant.now();
        JvmUsage atStart = JvmUsage.now();
        try (ProcessorService processor = new ProcessorService(config, platform.topics(), platform.serdes()); Admin admin = admin();
             ThreadPhases phases = ThreadPhases.start(config.applicationId())) {
            Replay replay = new Replay(processor, admin, start);
            Halfway half = new Halfway(admin, config.applicationId(), repartition);
            processor.start();
            Instant inputDone = replay.until(() -> half.check() && lag(admin, config.applicationId(), Set.of(input), Set.of(repartition)) == 0,
                    "register committed");
            long inputDoneNanos = System.nanoTime();
            phases.nextWindow();
            String endedBy;
            String cpu;
            if (topicExists(admin, changelog)) {
                try (PendingEmissions pending = new PendingEmissions(platform.bootstrapServers(), changelog)) {
                    replay.until(() -> pending.pending() == 0, "every series emitted");
                    cpu = streamThreadCpu(config.applicationId(), atStart) + "; " + wallTime(phases, 0) + "; after it: " + phases.summary(1);
                    endedBy = "no committed dirty-series mark left (" + pending.records() + " changelog records)";
                }
            } else {
                LOG.warn("replay: no {}; the end is a quiet period of {} on the indicators", changelog, QUIET);
                replay.until(() -> Duration.between(max(inputDone, replay.lastGrowth), Instant.now()).compareTo(QUIET) >= 0, "quiet");
                cpu = streamThreadCpu(config.applicationId(), atStart) + "; " + wallTime(phases, 0) + "; after it: " + phases.summary(1);
                endedBy = "no growth for " + QUIET.toSeconds() + " s (dirty-series changelog not found)";
            }
            String confirmed = replay.confirmEnd();
            double seconds = Duration.between(start, replay.lastGrowth).toMillis() / 1000.0;
            double inputSeconds = Duration.between(start, inputDone).toMillis() / 1000.0;
            long refused = end(admin, platform.topics().registrationsDlq().name(), IsolationLevel.READ_COMMITTED);
            LOG.info("replay: input consumed after {} s, last indicator committed after {} s, {} indicator records, {} dead letters",
                    inputSeconds, seconds, replay.indicators, refused);
            return half.onto(new Results.Row(Results.REPLAY, "replay: real processor topology (EOS v2)", events / seconds, "events/s",
                    String.format(Locale.ROOT, "start() to the last indicator committed in %.1f s; input consumed (offsets committed) after "
                                    + "%.1f s, then %.1f s of emission; %,d indicator records, %,d dead letters; %s; end: %s, sampled every %d ms%s",
                            seconds, inputSeconds, Math.max(0, seconds - inputSeconds), replay.indicators, refused, cpu, endedBy,
                            POLL.toMillis(), confirmed)), inputDoneNanos);
        }
    }

    /**
     * Watches a replay: samples the indicators topic's last stable offset every {@link #POLL} (its last growth is the
     * last indicator committed), fails fast when the processor dies, and logs progress.
     */
    private final class Replay {
        private final ProcessorService processor;
        private final Admin admin;
        private final String output = platform.topics().indicators().name();
        private final Instant start;
        private Instant nextProgress;
        private Instant lastGrowth;
        private long indicators;

        Replay(ProcessorService processor, Admin admin, Instant start) {
            this.processor = processor;
            this.admin = admin;
            this.start = start;
            this.lastGrowth = start;
            this.nextProgress = start.plus(PROGRESS);
        }

        /** Samples until {@code done}; returns when it was first true. */
        Instant until(BooleanSupplier done, String what) {
            Instant deadline = start.plus(DEADLINE);
            while (true) {
                sample();
                Instant now = Instant.now();
                if (done.getAsBoolean()) {
                    sample(); // what committed with the state that made it true (the same transaction) counts before the end
                    LOG.info("replay: {} after {} ms, {} indicator records committed", what, Duration.between(start, now).toMillis(), indicators);
                    return now;
                }
                KafkaStreams.State state = processor.state();
                if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR || now.isAfter(deadline)) {
                    throw new IllegalStateException("the replay did not reach '" + what + "': processor " + state + " after "
                            + Duration.between(start, now).toSeconds() + " s; see the log");
                }
                if (now.isAfter(nextProgress)) {
                    LOG.info("replay: {} s, waiting for '{}', {} indicator records committed", Duration.between(start, now).toSeconds(), what, indicators);
                    nextProgress = now.plus(PROGRESS);
                }
                sleep(POLL);
            }
        }

        /**
         * Watches the indicators for {@link #CONFIRM} after the detected end: the last emission commits its indicators
         * with its tombstones, so nothing may follow. Anything that does is counted, and said in the note.
         */
        String confirmEnd() {
            long atEnd = indicators;
            Instant until = Instant.now().plus(CONFIRM);
            while (Instant.now().isBefore(until)) {
                sleep(POLL);
                sample();
            }
            if (indicators == atEnd) {
                return String.format(Locale.ROOT, ", none committed in the %d s after", CONFIRM.toSeconds());
            }
            LOG.warn("replay: {} indicator records committed after the detected end; the end was detected too early", indicators - atEnd);
            return String.format(Locale.ROOT, "; WARNING: %,d indicator records were committed after the detected end (counted)",
                    indicators - atEnd);
        }

        private void sample() {
            long committed = end(admin, output, IsolationLevel.READ_COMMITTED);
            if (committed > indicators) {
                indicators = committed;
                lastGrowth = Instant.now();
            }
        }
    }

    /**
     * The CPU time the application's stream threads ({@code <application.id>-<client uuid>-StreamThread-n}) have used so
     * far: on this 2-core machine the wall time of a run also depends on what else runs (the JIT compilers, the broker),
     * while this is the work the app itself did, per event. With it, what they allocated per event and the JVM's
     * collection pauses since the app was created ({@code atStart}): the collections are
     * the JVM's, broker included, but what makes them longer or more frequent during a run is mostly the app's state
     * and allocation, and neither shows in the stream threads' CPU time.
     */
    private String streamThreadCpu(String applicationId, JvmUsage atStart) {
        long[] stream = cpuAndAllocated(ThreadPhases.streamThreadIds(applicationId));
        long[] helpers = cpuAndAllocated(ThreadPhases.helperThreadIds(applicationId));
        String helped = helpers[0] == 0 ? "" : String.format(Locale.ROOT,
                " (its helper threads: CPU %.1f s, %.1f µs per event, allocated %.1f KB per event)",
                helpers[0] / 1e9, helpers[0] / 1e3 / events, helpers[1] / 1e3 / events);
        JvmUsage now = JvmUsage.now();
        return String.format(Locale.ROOT, "stream thread CPU %.1f s (%.1f µs per event), allocated %.1f KB per event%s; "
                + "GC pauses %.1f s; the whole JVM (broker, JIT, GC included) used %.2f of the %d cores meanwhile",
                stream[0] / 1e9, stream[0] / 1e3 / events, stream[1] / 1e3 / events, helped,
                (now.gcMillis - atStart.gcMillis) / 1e3, (double) (now.cpuNanos - atStart.cpuNanos) / (now.wallNanos - atStart.wallNanos),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The JVM's collection time and CPU time at one moment: the CPU shows whether the machine was the limit (on two cores,
     * work moved to another thread only helps while the JVM leaves a core partly idle).
     */
    private record JvmUsage(long gcMillis, long cpuNanos, long wallNanos) {
        static JvmUsage now() {
            long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
            return new JvmUsage(BrokerBenchmarks.gcMillis(), cpu, System.nanoTime());
        }
    }

    /** The CPU nanoseconds and bytes allocated of these threads so far. */
    private static long[] cpuAndAllocated(long[] threadIds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        long allocated = 0;
        for (long id : threadIds) {
            nanos += Math.max(0, mx.getThreadCpuTime(id));
            if (mx instanceof com.sun.management.ThreadMXBean sun) {
                allocated += Math.max(0, sun.getThreadAllocatedBytes(id));
            }
        }
        return new long[] {nanos, allocated};
    }

    /** The JVM's collection time so far (G1: its pauses; concurrent marking is not counted). */
    private static long gcMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }

    /** The stream threads' wall time until the input was consumed, by phase (see {@link ThreadPhases}). */
    private static String wallTime(ThreadPhases phases, int window) {
        return "stream thread wall time (sampled every " + ThreadPhases.INTERVAL_MS + " ms) until the input was consumed: "
                + phases.summary(window);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
    }

    /**
     * Deletes a measured app's changelogs and repartition topic once it is done. Its changelog is compacted, and the
     * broker's log cleaner compacted the floor's million entries during the first seconds of the next app's run — about
     * three seconds of a core in the replay's first eight (JFR, 2026-12-06) — so every app but the first ran beside
     * another one's clean-up. Deleted, they are not cleaned: each app runs on a broker doing only its work.
     */
    private static void deleteInternalTopics(Admin admin, String applicationId) {
        try {
            Set<String> internal = new java.util.TreeSet<>();
            for (String topic : admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                if (topic.startsWith(applicationId + "-")) {
                    internal.add(topic);
                }
            }
            admin.deleteTopics(internal).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            awaitTrue(() -> internal.stream().noneMatch(t -> topicExists(admin, t)));
            LOG.info("{}: internal topics deleted ({})", applicationId, internal);
        } catch (Exception e) {
            throw new IllegalStateException("cannot delete the internal topics of " + applicationId + ": " + e.getMessage(), e);
        }
    }

    private static boolean topicExists(Admin admin, String topic) {
        try {
            return admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).contains(topic);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the topics: " + e.getMessage(), e);
        }
    }

    /** The sum of the end offsets of {@code topic}: with read_committed the last stable offsets (open transactions excluded). */
    private static long end(Admin admin, String topic, IsolationLevel isolation) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).values()
                    .forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .values().stream().mapToLong(i -> i.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end of " + topic + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records the group has yet to commit. On {@code exact} topics (written without transactions) the committed offset
     * must reach the end; on every other topic the group commits (its transactional internal topics, listed in
     * {@code transactional} so they count before the first commit), the end may be one further: the marker of the last
     * transaction occupies an offset.
     */
    static long lag(Admin admin, String group, Set<String> exact, Set<String> transactional) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Set<String> topics = new HashSet<>(exact);
            topics.addAll(transactional);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            for (var d : admin.describeTopics(topics).allTopicNames().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).values()) {
                d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            long lag = 0;
            for (var e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                long behind = e.getValue().offset() - (c == null ? 0 : c.offset());
                long marker = exact.contains(e.getKey().topic()) ? 0 : 1;
                lag += behind > marker ? behind : 0;
            }
            return lag;
        } catch (Exception e) {
            return Long.MAX_VALUE; // topics not created yet, coordinator loading: not caught up
        }
    }

    /**
     * When a Streams app's committed offsets on the topic its last stage reads first reach half the register, checked
     * with every sample of its progress: the input for the trivial app, the repartition topic for the floor and the
     * processor (their input tasks only forward raw bytes and run far ahead of the one task doing the work). The
     * second half is read by a JVM that has compiled the app's code and holds half the state, so its rate tells a slow
     * start from a slowdown as state grows. Noted beside the start-to-end figure, which stays the measurement.
     */
    private final class Halfway {
        private final Admin admin;
        private final String group;
        private final String topic;
        private long at = -1;

        Halfway(Admin admin, String group, String topic) {
            this.admin = admin;
            this.group = group;
            this.topic = topic;
        }

        /** Samples once; always true, so it can lead a condition. */
        boolean check() {
            if (at < 0 && committed() >= events / 2) {
                at = System.nanoTime();
            }
            return true;
        }

        /**
         * The group's committed offsets on the topic, summed: the records read, since it starts at 0 (on a transactional
         * repartition topic a few more, one commit marker per transaction, about ten per second).
         */
        private long committed() {
            try {
                return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        .entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
            } catch (Exception e) {
                return 0; // the group not created yet, coordinator loading: nothing committed
            }
        }

        /** Adds the second half's rate, up to {@code inputEnd} (System.nanoTime() when the input was committed), to a row. */
        Results.Row onto(Results.Row row, long inputEnd) {
            if (at >= 0 && inputEnd > at) {
                double seconds = (inputEnd - at) / 1e9;
                row.secondHalf = (events / 2) / seconds;
                row.note = String.format(Locale.ROOT, "%s; second half of the register (%s) in %.1f s = %,.0f events/s", row.note,
                        topic.equals(input) ? "input" : "repartition", seconds, row.secondHalf);
            }
            return row;
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

    /** Counts failed sends (a send that fails asynchronously is otherwise silently lost) and keeps the first cause. */
    private static final class SendFailures implements Callback {
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<Exception> first = new AtomicReference<>();

        @Override
        public void onCompletion(RecordMetadata metadata, Exception e) {
            if (e != null) {
                failed.incrementAndGet();
                first.compareAndSet(null, e);
            }
        }

        void check() {
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " records were not written: " + first.get(), first.get());
            }
        }
    }
}
