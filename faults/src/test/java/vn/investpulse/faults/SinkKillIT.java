package vn.investpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.faults.support.Replay;
import vn.investpulse.faults.support.SinkProcess;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PeriodKind;
import vn.investpulse.sink.consume.RecordDecoder;
import vn.investpulse.sink.store.StoreConfig;

/**
 * kill -9 of the sink, repeatedly: the production sink in its own JVM consumes {@value #RECORDS} indicator changes
 * (every key updated several times, so a lost or re-applied batch shows) in small batches and is SIGKILLed
 * {@value #KILLS} times at seeded random points, restarted each time on the same H2 file store. The final
 * {@code indicator} table must equal, row by row and column by column, that of a sink that ran without interruption.
 * (The sink module's own IT kills once per store, PostgreSQL and H2; this one kills repeatedly.)
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class SinkKillIT {

    private static final Logger LOG = LoggerFactory.getLogger(SinkKillIT.class);
    private static final int KEYS = 3_000;
    private static final int RECORDS = Integer.getInteger("faults.events", 50_000);
    private static final int KILLS = 5;
    private static final int BATCH = 50;
    private static final Duration CATCH_UP = Duration.ofMinutes(6);
    private static final String INDICATOR_KEY = "source, dimension, dimension_value, period_kind, period_id";
    private static final String ALERT_KEY = "id, processed_at, state";

    @Test
    @Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aSinkKilledFiveTimesEndsWithTheTablesOfAnUninterruptedRun(EmbeddedPlatform platform, @TempDir Path dir) throws Exception {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        LOG.info("SinkKillIT seed {} (-Dfaults.seed={} reproduces the records and the kill points)", seed, seed);
        Random random = new Random(seed);
        try (var producer = new KafkaProducer<>(Replay.producerConfig(platform.bootstrapServers()),
                platform.serdes().keySerializer(platform.topics().indicators()), platform.serdes().valueSerializer(platform.topics().indicators()))) {
            for (int i = 0; i < RECORDS; i++) {
                Indicator v = indicator(i % KEYS, i / KEYS, random);
                producer.send(new ProducerRecord<>(platform.topics().indicators().name(), keyOf(v), v));
            }
            producer.flush();
        }
        long end = endOffsets(platform);

        Path referenceDir = dir.resolve("reference");
        try (SinkProcess reference = new SinkProcess(platform, "fault-sink-reference", referenceDir, 500, dir)) {
            reference.start();
            awaitCaughtUp(reference, end);
        }

        Path killedDir = dir.resolve("killed");
        long[] killAt = IntStream.range(0, KILLS).mapToLong(i -> (long) (end * (0.05 + 0.85 * random.nextDouble()))).sorted().toArray();
        LOG.info("kill points (stored offsets of {}): {}", end, Arrays.toString(killAt));
        try (SinkProcess killed = new SinkProcess(platform, "fault-sink-killed", killedDir, BATCH, dir)) {
            for (int k = 0; k < KILLS; k++) {
                long point = killAt[k];
                killed.start();
                await("sink progress past " + point).atMost(CATCH_UP).pollInterval(Duration.ofMillis(50))
                        .until(() -> killed.storedOffsets() >= point);
                killed.kill();
                LOG.info("kill -9 #{} past stored offset {}", k + 1, point);
            }
            killed.start();
            awaitCaughtUp(killed, end);
        }

        List<Map<String, Object>> expected = dump(referenceDir, "indicator", INDICATOR_KEY);
        List<Map<String, Object>> actual = dump(killedDir, "indicator", INDICATOR_KEY);
        assertThat(expected).hasSize(KEYS);
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("indicator row %d", i).isEqualTo(expected.get(i));
        }
        assertThat(dump(killedDir, "alert", ALERT_KEY)).isEqualTo(dump(referenceDir, "alert", ALERT_KEY));
    }

    /** The {@code version}-th update of key {@code k}: a month of a zone, every figure set. */
    private static Indicator indicator(int k, int version, Random random) {
        YearMonth month = YearMonth.of(1996, 1).plusMonths(k % 360);
        String zone = "FZ" + (k / 360);
        BigDecimal usd = BigDecimal.valueOf(random.nextInt(1_000_000_000), 2).setScale(6, RoundingMode.HALF_UP);
        BigDecimal vnd = usd.multiply(BigDecimal.valueOf(23_500)).setScale(6, RoundingMode.HALF_UP);
        int n = version * 10 + random.nextInt(10);
        return Indicator.newBuilder()
                .setSource(IndicatorSource.FDI).setDimension(Dimension.ZONE).setDimensionValue(zone)
                .setPeriodKind(PeriodKind.MONTH).setPeriodId(month.toString())
                .setPeriodStart(month.atDay(1)).setPeriodEnd(month.atEndOfMonth())
                .setNewProjects(n).setCapitalIncreases(version).setCapitalDecreases(0).setSharePurchases(1).setTerminations(0)
                .setNewCapitalUsd(usd).setNewCapitalVnd(vnd)
                .setAdjustedCapitalUsd(usd).setAdjustedCapitalVnd(vnd)
                .setSharePurchaseCapitalUsd(usd).setSharePurchaseCapitalVnd(vnd)
                .setTotalCapitalUsd(usd).setTotalCapitalVnd(vnd)
                .setPlanAmount(null).setPlanCurrency(null).setPlanProgressPct(null)
                .setYoyGrowthPct(BigDecimal.valueOf(random.nextInt(20_000) - 10_000, 2))
                .setCumulativeProjects(n * 3).setCumulativeCapitalUsd(usd).setCumulativeCapitalVnd(vnd)
                .setAsOf(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version))
                .setLastEventId("FE-" + k + "-" + version)
                .build();
    }

    private static IndicatorKey keyOf(Indicator v) {
        return IndicatorKey.newBuilder().setSource(v.getSource()).setDimension(v.getDimension()).setDimensionValue(v.getDimensionValue())
                .setPeriodKind(v.getPeriodKind()).setPeriodId(v.getPeriodId()).build();
    }

    /** Sum of the read_committed end offsets of every topic the sink reads. */
    private static long endOffsets(EmbeddedPlatform platform) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(RecordDecoder.topicsToRead(platform.topics())).allTopicNames().get().values()
                    .forEach(t -> t.partitions().forEach(p -> request.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().values().stream()
                    .mapToLong(i -> i.offset()).sum();
        }
    }

    private static void awaitCaughtUp(SinkProcess sink, long end) {
        await(sink.group() + " caught up").atMost(CATCH_UP).pollInterval(Duration.ofMillis(250)).until(() -> sink.storedOffsets() >= end);
    }

    /** A whole table of a stopped sink's H2 store, in key order, values as strings. */
    private static List<Map<String, Object>> dump(Path dataDir, String table, String orderBy) throws Exception {
        try (Connection c = DriverManager.getConnection(StoreConfig.embeddedUrl(dataDir), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnLabel(i).toLowerCase(), v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
