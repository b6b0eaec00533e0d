package vn.investpulse.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.sink.store.Store;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.Fixtures;
import vn.investpulse.sink.support.SinkHarness;
import vn.investpulse.sink.support.Tables;
import vn.investpulse.sink.write.Batch;
import vn.investpulse.sink.write.CommitHook;

/**
 * The sink end to end on the real broker and registry, against PostgreSQL ({@code PostgresSinkServiceIT}) and the
 * embedded H2 store ({@code H2SinkServiceIT}). Topics are shared with other tests, so every test writes its own
 * keys (a unique zone code) and compares stores that read the same topics.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
abstract class SinkServiceContract {

    @TempDir
    Path dataDir;

    final List<AutoCloseable> closeables = new ArrayList<>();
    final List<StoreConfig> stores = new ArrayList<>();
    SinkHarness harness;
    EmbeddedPlatform platform;
    String tag;

    protected abstract StoreConfig newStore(Path dir);

    protected abstract void dropStore(StoreConfig config);

    /** Drops every connection the sink holds, from the server side. */
    protected abstract void dropSinkConnections(StoreConfig config) throws Exception;

    @BeforeEach
    void setUp(EmbeddedPlatform platform) {
        this.platform = platform;
        this.harness = new SinkHarness(platform);
        this.tag = "Z" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        harness.close();
        stores.forEach(this::dropStore);
    }

    StoreConfig store(String name) {
        StoreConfig s = newStore(dataDir.resolve(name));
        stores.add(s);
        return s;
    }

    Store open(StoreConfig config) {
        Store s = Store.open(config);
        closeables.add(s);
        return s;
    }

    SinkService start(SinkConfig config, CommitHook hook) {
        SinkService sink = new SinkService(config, platform.topics(), platform.serdes(), hook);
        closeables.add(sink);
        sink.start();
        return sink;
    }

    /** Months of 2024 for zone {@code tag}: {@code n} rows spread over all partitions, plus FDI/DDI variants. */
    List<Indicator> zoneMonths(int n) {
        List<Indicator> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            YearMonth month = YearMonth.of(2000 + i / 12, 1 + i % 12);
            IndicatorSource source = i % 2 == 0 ? IndicatorSource.FDI : IndicatorSource.DDI;
            out.add(Fixtures.month(source, Dimension.ZONE, tag, month, (i + 1) + ".000001", (i + 1) * 24300 + ".5", i % 5));
        }
        return out;
    }

    @Test
    void everyRecordLandsAndAPoisonRecordGoesToTheDeadLetterTopicWhileTheSinkGoesOn() throws Exception {
        StoreConfig storeConfig = store("main");
        SinkConfig config = harness.sinkConfig(storeConfig, dataDir, 100);
        SinkService sink = start(config, CommitHook.NONE);
        Store store = open(storeConfig);

        Indicator q1 = Indicator.newBuilder(Fixtures.q1Fdi2024()).setDimension(Dimension.ZONE).setDimensionValue(tag).build();
        harness.send(q1);
        harness.send(Fixtures.fdi2023Reached100(AlertState.FIRING, Instant.parse("2023-11-30T17:05:01Z")));
        DeadLetter ingestRefusal = Fixtures.ingestRefusal(tag + ".csv", 42);
        harness.send(ingestRefusal);
        // Poison 1: bytes that are not the Confluent wire format at all.
        harness.sendRaw(SinkHarness.Topics.INDICATORS, tag.getBytes(StandardCharsets.UTF_8), ("not avro " + tag).getBytes(StandardCharsets.UTF_8));
        // Poison 2: a well-formed indicator the database refuses (its period ends before it starts).
        Indicator backwards = Indicator.newBuilder(Fixtures.month(IndicatorSource.FDI, Dimension.ZONE, tag, YearMonth.of(2024, 2), "1", "1", 1))
                .setPeriodEnd(java.time.LocalDate.of(2024, 1, 1)).setLastEventId("evt-" + tag).build();
        harness.send(backwards);
        // ...and the sink goes on: later records land.
        List<Indicator> later = zoneMonths(30);
        later.forEach(harness::send);
        harness.flush();

        harness.awaitCaughtUp(store, config.groupId());
        assertThat(sink.ready().getAsBoolean()).isTrue();

        assertThat(Tables.rows(store, "SELECT new_capital_vnd, cumulative_capital_usd, plan_progress_pct, as_of, period_start "
                + "FROM indicator WHERE dimension_value = '" + tag + "' AND period_kind = 'QUARTER'"))
                .containsExactly(Map.of("new_capital_vnd", "3645000002999.980800",
                        "cumulative_capital_usd", "99999999999999999999999999999999.999999", "plan_progress_pct", "10.60",
                        "as_of", "2023-12-31T17:30:00.123Z", "period_start", java.time.LocalDate.of(2024, 1, 1)));
        assertThat(Tables.count(store, "indicator WHERE dimension_value = '" + tag + "' AND period_kind = 'MONTH'")).isEqualTo(30);
        assertThat(Tables.rows(store, "SELECT message_en FROM alert WHERE id = 'PLAN_THRESHOLD:FDI:TOTAL:2023:100'"))
                .contains(Map.of("message_en", "FDI 2023 reached 100% of plan (USD 2 bn)"));
        assertThat(Tables.rows(store, "SELECT stage, line, reason FROM rejected_row WHERE file = '" + tag + ".csv'"))
                .containsExactly(Map.of("stage", "ingest", "line", 42L, "reason", "amount 'abc' is not a number"));

        // Both poison records are on the sink's dead-letter topic with their provenance...
        List<DeadLetter> letters = sinkDeadLettersAbout(tag);
        assertThat(letters).extracting(d -> d.getSourceTopic()).containsOnly(SinkHarness.Topics.INDICATORS);
        assertThat(letters).anySatisfy(d -> {
            assertThat(d.getStage()).isEqualTo("sink");
            assertThat(d.getReason()).startsWith("cannot decode the record");
            assertThat(d.getRawText()).isEqualTo("not avro " + tag);
            assertThat(d.getSourceOffset()).isNotNull();
            assertThat(d.getSourcePartition()).isNotNull();
        });
        assertThat(letters).anySatisfy(d -> {
            assertThat(d.getEventId()).isEqualTo("evt-" + tag);
            assertThat(d.getReason()).contains("ck_indicator_period");
            assertThat(d.getReasonVi()).startsWith("cơ sở dữ liệu từ chối");
        });
        // ...and, read back from that topic, in rejected_row for operators.
        assertThat(Tables.rows(store, "SELECT stage, source_topic, reason FROM rejected_row WHERE stage = 'sink' AND "
                + "(raw_text = 'not avro " + tag + "' OR event_id = 'evt-" + tag + "')")).hasSize(2);
        assertThat(sink.metrics().recordsConsumed()).as("each record counted once")
                .isEqualTo(SinkHarness.storedOffsets(store, config.groupId()).values().stream().mapToLong(Long::longValue).sum());

        // The status the local runtime mounts: readiness, stored offsets, counters.
        io.javalin.Javalin app = io.javalin.Javalin.create(c -> c.showJavalinBanner = false);
        sink.register(app);
        app.start("127.0.0.1", 0);
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/v1/sink/status")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            var status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            assertThat(status.get("ready").asBoolean()).isTrue();
            assertThat(status.get("groupId").asText()).isEqualTo(config.groupId());
            assertThat(status.get("storedOffsets").has(SinkHarness.Topics.INDICATORS + "-0")).isTrue();
            assertThat(status.get("metrics").get("deadLetters").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(response.body()).doesNotContainIgnoringCase("password");
        } finally {
            app.stop();
        }
    }

    @Test
    void aSinkKilledBeforeCommittingRestartsToTheSameContentsAsARunWithoutTheCrash() throws Exception {
        crashAndCompare(true);
    }

    @Test
    void aSinkKilledAfterCommittingButBeforeTheKafkaCommitRestartsToTheSameContents() throws Exception {
        crashAndCompare(false);
    }

    private void crashAndCompare(boolean beforeCommit) throws Exception {
        List<Indicator> rows = zoneMonths(400);
        rows.forEach(harness::send);
        // Updates of earlier keys: the later value must win in both stores.
        rows.subList(0, 50).forEach(r -> harness.send(Indicator.newBuilder(r).setNewProjects(r.getNewProjects() + 100).build()));
        harness.flush();

        Store referenceStore = referenceRun("reference", 100);

        StoreConfig crashedConfig = store("crashed");
        SinkConfig crashed = harness.sinkConfig(crashedConfig, dataDir, 100);
        AtomicInteger batches = new AtomicInteger();
        CommitHook crashOnThirdBatch = new CommitHook() {
            @Override
            public void beforeCommit(Batch batch) {
                if (beforeCommit && batches.incrementAndGet() == 3) {
                    throw new SimulatedCrash();
                }
            }

            @Override
            public void afterCommit(Batch batch) {
                if (!beforeCommit && batches.incrementAndGet() == 3) {
                    throw new SimulatedCrash();
                }
            }
        };
        SinkService first = start(crashed, crashOnThirdBatch);
        await("simulated crash").atMost(Duration.ofSeconds(60)).until(first::stopped);
        assertThat(first.failure()).isInstanceOf(SimulatedCrash.class);
        assertThat(first.ready().getAsBoolean()).isFalse();
        first.close();
        Store crashedStore = open(crashedConfig);
        long committedBeforeCrash = beforeCommit ? 2 : 3;
        assertThat(first.metrics().batchesCommitted()).isEqualTo(committedBeforeCrash);

        SinkService restarted = start(crashed, CommitHook.NONE);
        harness.awaitCaughtUp(crashedStore, crashed.groupId());
        assertThat(restarted.ready().getAsBoolean()).isTrue();

        assertSameIndicatorsAndAlerts(crashedStore, referenceStore);
        // A dead letter may be published twice around a crash; its id keeps it one row. Only where and when it
        // was read differ between the two stores.
        Set<String> readingDetails = Set.of("dlq_topic", "dlq_partition", "dlq_offset", "rejected_at");
        assertThat(Tables.dump(crashedStore, "rejected_row", "id", readingDetails))
                .isEqualTo(Tables.dump(referenceStore, "rejected_row", "id", readingDetails));
        assertThat(Tables.count(crashedStore, "indicator WHERE dimension_value = '" + tag + "'")).isEqualTo(400);
        assertThat(first.metrics().recordsConsumed() + restarted.metrics().recordsConsumed()).as("no record applied twice")
                .isEqualTo(SinkHarness.storedOffsets(crashedStore, crashed.groupId()).values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aDroppedDatabaseConnectionRecoversWithNothingLostOrDoubled() throws Exception {
        StoreConfig storeConfig = store("dropped");
        SinkConfig config = harness.sinkConfig(storeConfig, dataDir, 50);
        SinkService sink = start(config, CommitHook.NONE);
        Store store = open(storeConfig);
        harness.awaitCaughtUp(store, config.groupId());
        long retriesBefore = sink.metrics().retries();

        List<Indicator> rows = zoneMonths(600);
        for (int chunk = 0; chunk < 6; chunk++) {
            rows.subList(chunk * 100, chunk * 100 + 100).forEach(harness::send);
            harness.flush();
            dropSinkConnections(storeConfig);
        }
        harness.awaitCaughtUp(store, config.groupId());

        assertThat(sink.ready().getAsBoolean()).isTrue();
        assertThat(Tables.count(store, "indicator WHERE dimension_value = '" + tag + "'")).isEqualTo(600);
        assertThat(sink.metrics().retries()).as("the sink noticed the dropped connections").isGreaterThan(retriesBefore);
        long stored = SinkHarness.storedOffsets(store, config.groupId()).values().stream().mapToLong(Long::longValue).sum();
        if (sink.metrics().snapshot().get("offsetConflicts").equals(0L)) {
            assertThat(sink.metrics().recordsConsumed()).as("each record counted once").isEqualTo(stored);
        } else {
            // A commit whose answer was lost with the connection did happen: the retry found the offsets moved on,
            // discarded its copy of the batch (not applied twice) and went on from the stored offsets.
            assertThat(sink.metrics().recordsConsumed()).as("no record counted twice").isLessThan(stored);
        }
    }

    /**
     * The real thing: the production {@code SinkService.main} in its own JVM, killed with SIGKILL (kill -9) while it
     * writes, then started again; its store must end exactly like a sink that was never killed.
     */
    @Test
    void aSinkProcessKilledWithSigkillRestartsToTheSameContents() throws Exception {
        List<Indicator> rows = zoneMonths(3000);
        rows.forEach(harness::send);
        harness.flush();

        Store referenceStore = referenceRun("reference-kill", 500);

        StoreConfig killedConfig = store("killed");
        Store killedStore = open(killedConfig);
        String group = "sink-kill-" + UUID.randomUUID();
        java.util.Map<String, String> env = harness.env(killedConfig, dataDir, 50, group);
        env.put("PULSE_SINK_HTTP_PORT", Integer.toString(vn.investpulse.embedded.FreePorts.pick()));

        Process first = startSinkProcess(env, dataDir.resolve("sink-1.log"));
        try {
            await("the sink process wrote some batches").atMost(SinkHarness.CATCH_UP)
                    .until(() -> Tables.count(killedStore, "indicator WHERE dimension_value = '" + tag + "'") >= 200);
        } finally {
            first.destroyForcibly();   // SIGKILL: no shutdown hook, no rollback from the client side
            first.waitFor();
        }
        long landedBeforeKill = Tables.count(killedStore, "indicator WHERE dimension_value = '" + tag + "'");
        assertThat(landedBeforeKill).as("killed mid-stream").isBetween(200L, 2999L);

        Process second = startSinkProcess(env, dataDir.resolve("sink-2.log"));
        try {
            harness.awaitCaughtUp(killedStore, group);
        } finally {
            second.destroy();
            second.waitFor();
        }

        assertSameIndicatorsAndAlerts(killedStore, referenceStore);
    }

    /** A sink that is never interrupted, on its own store, caught up with every topic it reads. */
    private Store referenceRun(String name, int batchSize) {
        StoreConfig referenceConfig = store(name);
        SinkConfig reference = harness.sinkConfig(referenceConfig, dataDir, batchSize);
        start(reference, CommitHook.NONE);
        Store referenceStore = open(referenceConfig);
        harness.awaitCaughtUp(referenceStore, reference.groupId());
        return referenceStore;
    }

    /** Every row and column of indicator and alert, in key order. */
    private static void assertSameIndicatorsAndAlerts(Store actual, Store reference) {
        String indicatorKey = "source, dimension, dimension_value, period_kind, period_id";
        assertThat(Tables.dump(actual, "indicator", indicatorKey, Set.of())).isEqualTo(Tables.dump(reference, "indicator", indicatorKey, Set.of()));
        String alertKey = "id, processed_at, state";
        assertThat(Tables.dump(actual, "alert", alertKey, Set.of())).isEqualTo(Tables.dump(reference, "alert", alertKey, Set.of()));
    }

    /** {@code java -cp <this test classpath> vn.investpulse.sink.SinkService} with {@code env}. */
    static Process startSinkProcess(java.util.Map<String, String> env, Path log) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Duser.timezone=America/New_York",
                "-Dlogback.configurationFile=logback-sink.xml", "-cp", System.getProperty("java.class.path"), SinkService.class.getName());
        pb.environment().keySet().removeIf(k -> k.startsWith("PULSE_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    /** The sink's dead letters whose raw text or event id carries {@code tag}. */
    List<DeadLetter> sinkDeadLettersAbout(String tag) {
        Map<String, Object> c = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                platform.serdes().valueDeserializer(platform.topics().sinkDlq()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(SinkHarness.Topics.SINK_DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(500))) {
                    DeadLetter d = r.value();
                    if ((d.getRawText() != null && d.getRawText().contains(tag)) || ("evt-" + tag).equals(d.getEventId())) {
                        out.add(d);
                    }
                }
            }
        }
        return out;
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
