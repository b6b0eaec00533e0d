package vn.investpulse.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.sink.metrics.SinkMetrics;
import vn.investpulse.sink.offsets.OffsetConflictException;
import vn.investpulse.sink.offsets.OffsetStore;
import vn.investpulse.sink.store.Store;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.Fixtures;
import vn.investpulse.sink.support.Tables;

/**
 * What every store must do, run against PostgreSQL ({@code PostgresStoreWriterIT}) and the embedded H2 store
 * ({@code H2StoreWriterIT}) with the JVM in America/New_York: exact figures, upserts, tombstones, alerts,
 * rejected rows, offsets in the same transaction, crash before commit, refused rows, offset fencing.
 */
abstract class StoreWriterContract {

    static final String GROUP = "writer-test";
    static final TopicPartition IND0 = new TopicPartition(Topics.INDICATORS, 0);
    static final TopicPartition ALERTS0 = new TopicPartition(Topics.ALERTS, 0);
    static final TopicPartition DLQ0 = new TopicPartition(Topics.REGISTRATIONS_DLQ, 0);

    protected StoreConfig config;
    protected Store store;
    final List<Refusal> published = new CopyOnWriteArrayList<>();
    final SinkMetrics metrics = new SinkMetrics();
    OffsetStore offsets;

    protected abstract StoreConfig newStore() throws Exception;

    protected abstract void dropStore(StoreConfig config) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        config = newStore();
        store = Store.open(config);
        offsets = new OffsetStore(GROUP, Clock.systemUTC());
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
        dropStore(config);
    }

    BatchWriter writer(CommitHook hook) {
        return new BatchWriter(store, offsets, published::addAll, Topics.SINK_DLQ, new RetryPolicy(3, Duration.ofMillis(50),
                Duration.ofMillis(200)), hook, metrics, Clock.systemUTC(), new CountDownLatch(1));
    }

    Map<TopicPartition, Long> claim(BatchWriter writer, TopicPartition... partitions) throws Exception {
        return writer.inTransaction("claim", c -> offsets.claim(c, List.of(partitions)));
    }

    static Origin at(TopicPartition tp, long offset) {
        return new Origin(tp.topic(), tp.partition(), offset, null, null, null);
    }

    static Batch batch(Op... ops) {
        Batch b = new Batch();
        for (Op op : ops) {
            b.add(op);
            b.consumed(op.origin().topic(), op.origin().partition(), op.origin().offset());
        }
        return b;
    }

    @Test
    void migrationsCreateEveryTableAndView() {
        for (String relation : List.of("indicator", "alert", "rejected_row", "sink_offset", "v_year_summary", "v_ytd_summary",
                "v_year_breakdown", "v_top_zones", "v_top_sectors", "v_top_sections", "v_top_countries", "v_monthly_series",
                "v_alert_current")) {
            assertThat(Tables.rows(store, "SELECT * FROM " + relation)).as(relation).isEmpty();
        }
    }

    @Test
    protected void everyFigureOfAnIndicatorLandsExactly() throws Exception {
        BatchWriter writer = writer(CommitHook.NONE);
        Map<TopicPartition, Long> stored = claim(writer, IND0);
        Indicator q1 = Fixtures.q1Fdi2024();

        writer.write(batch(Rows.indicator(q1, at(IND0, 0))), stored);

        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM indicator WHERE source = 'FDI' AND period_id = '2024-Q1'");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("source")).isEqualTo("FDI");
            assertThat(rs.getString("dimension")).isEqualTo("TOTAL");
            assertThat(rs.getString("dimension_value")).isEmpty();
            assertThat(rs.getString("period_kind")).isEqualTo("QUARTER");
            assertThat(rs.getObject("period_start", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 1));
            assertThat(rs.getObject("period_end", LocalDate.class)).isEqualTo(LocalDate.of(2024, 3, 31));
            assertThat(rs.getInt("new_projects")).isEqualTo(11);
            assertThat(rs.getInt("capital_increases")).isEqualTo(7);
            assertThat(rs.getInt("capital_decreases")).isEqualTo(2);
            assertThat(rs.getInt("share_purchases")).isEqualTo(5);
            assertThat(rs.getInt("terminations")).isEqualTo(1);
            assertExact(rs.getBigDecimal("new_capital_usd"), q1.getNewCapitalUsd());
            assertExact(rs.getBigDecimal("new_capital_vnd"), q1.getNewCapitalVnd());
            assertExact(rs.getBigDecimal("adjusted_capital_usd"), q1.getAdjustedCapitalUsd());
            assertExact(rs.getBigDecimal("adjusted_capital_vnd"), q1.getAdjustedCapitalVnd());
            assertExact(rs.getBigDecimal("share_purchase_capital_usd"), q1.getSharePurchaseCapitalUsd());
            assertExact(rs.getBigDecimal("share_purchase_capital_vnd"), q1.getSharePurchaseCapitalVnd());
            assertExact(rs.getBigDecimal("total_capital_usd"), q1.getTotalCapitalUsd());
            assertExact(rs.getBigDecimal("total_capital_vnd"), q1.getTotalCapitalVnd());
            assertExact(rs.getBigDecimal("plan_amount"), q1.getPlanAmount());
            assertThat(rs.getString("plan_currency")).isEqualTo("USD");
            assertExact(rs.getBigDecimal("plan_progress_pct"), new BigDecimal("10.60"));
            assertExact(rs.getBigDecimal("yoy_growth_pct"), new BigDecimal("-3.25"));
            assertThat(rs.getInt("cumulative_projects")).isEqualTo(1043);
            assertExact(rs.getBigDecimal("cumulative_capital_usd"), new BigDecimal("99999999999999999999999999999999.999999"));
            assertExact(rs.getBigDecimal("cumulative_capital_vnd"), q1.getCumulativeCapitalVnd());
            // timestamptz: the same instant whatever the JVM zone (these tests run in America/New_York).
            assertThat(rs.getObject("as_of", OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse("2023-12-31T17:30:00.123Z"));
            assertThat(rs.getObject("last_ingested_at", OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse("2023-12-31T17:10:00.456Z"));
            assertThat(rs.getString("last_event_id")).isEqualTo("evt-2024-0001");
            assertThat(rs.getString("last_certificate_no")).isEqualTo("GCN-0123456789");
            assertThat(rs.next()).isFalse();
            c.commit();
        }
        // The database's own view of the instant, independent of the JDBC driver's zone handling.
        assertThat(Tables.rows(store, "SELECT CAST(EXTRACT(EPOCH FROM as_of) * 1000 AS bigint) AS ms FROM indicator").get(0).get("ms"))
                .isEqualTo(Instant.parse("2023-12-31T17:30:00.123Z").toEpochMilli());
        assertThat(offsets(IND0)).isEqualTo(1L);
    }

    @Test
    void optionalFiguresLandAsNull() throws Exception {
        BatchWriter writer = writer(CommitHook.NONE);
        Map<TopicPartition, Long> stored = claim(writer, IND0);
        Indicator m = Fixtures.month(IndicatorSource.DDI, Dimension.ZONE, "DEEP_C", YearMonth.of(2023, 12), "1.5", "36450", 1);

        writer.write(batch(Rows.indicator(m, at(IND0, 0))), stored);

        Map<String, Object> row = Tables.rows(store, "SELECT * FROM indicator").get(0);
        assertThat(row).containsEntry("plan_amount", null).containsEntry("plan_currency", null).containsEntry("plan_progress_pct", null)
                .containsEntry("yoy_growth_pct", null).containsEntry("last_ingested_at", null).containsEntry("last_event_id", null)
                .containsEntry("total_capital_usd", "1.500000").containsEntry("period_end", LocalDate.of(2023, 12, 31));
    }

    @Test
    void laterRecordsReplaceAndTombstonesDelete() throws Exception {
        BatchWriter writer = writer(CommitHook.NONE);
        Map<TopicPartition, Long> stored = new java.util.HashMap<>(claim(writer, IND0));
        Indicator first = Fixtures.month(IndicatorSource.FDI, Dimension.TOTAL, "", YearMonth.of(2024, 1), "10", "243000", 1);
        Indicator corrected = Indicator.newBuilder(first).setTotalCapitalUsd(Fixtures.money("12.5")).setNewProjects(2).build();
        Indicator other = Fixtures.month(IndicatorSource.FDI, Dimension.TOTAL, "", YearMonth.of(2024, 2), "3", "72900", 1);

        // The same key twice in one batch: the later offset wins.
        Batch one = batch(Rows.indicator(first, at(IND0, 0)), Rows.indicator(other, at(IND0, 1)), Rows.indicator(corrected, at(IND0, 2)));
        writer.write(one, stored);
        stored.putAll(one.nextOffsets());
        assertThat(Tables.rows(store, "SELECT period_id, new_projects, total_capital_usd FROM indicator ORDER BY period_id"))
                .containsExactly(Map.of("period_id", "2024-01", "new_projects", 2, "total_capital_usd", "12.500000"),
                        Map.of("period_id", "2024-02", "new_projects", 1, "total_capital_usd", "3.000000"));

        Batch two = batch(Rows.indicatorDelete(Fixtures.keyOf(other), at(IND0, 3)));
        writer.write(two, stored);
        assertThat(Tables.rows(store, "SELECT period_id FROM indicator")).containsExactly(Map.of("period_id", "2024-01"));
        assertThat(offsets(IND0)).isEqualTo(4L);
    }

    @Test
    void alertsKeepEveryTransitionAndTheCurrentStateIsTheNewest() throws Exception {
        BatchWriter writer = writer(CommitHook.NONE);
        Map<TopicPartition, Long> stored = claim(writer, ALERTS0);
        Instant fired = Instant.parse("2023-11-30T17:05:01Z");
        Instant resolved = Instant.parse("2023-12-05T02:00:00Z");

        writer.write(batch(Rows.alert(Fixtures.fdi2023Reached100(AlertState.FIRING, fired), at(ALERTS0, 0)),
                Rows.alert(Fixtures.fdi2023Reached100(AlertState.RESOLVED, resolved), at(ALERTS0, 1))), stored);

        assertThat(Tables.rows(store, "SELECT state, processed_at, message_vi, message_en, threshold_pct, progress_pct, plan_amount, "
                + "event_time, alert_year FROM alert ORDER BY processed_at DESC"))
                .containsExactly(
                        Map.of("state", "RESOLVED", "processed_at", resolved.toString(),
                                "message_vi", "Vốn FDI năm 2023 đã đạt 100% kế hoạch (2 tỷ USD)",
                                "message_en", "FDI 2023 reached 100% of plan (USD 2 bn)", "threshold_pct", "100.00",
                                "progress_pct", "100.04", "plan_amount", "2000000000.000000",
                                "event_time", "2023-11-30T17:05:00Z", "alert_year", 2023),
                        Map.of("state", "FIRING", "processed_at", fired.toString(),
                                "message_vi", "Vốn FDI năm 2023 đã đạt 100% kế hoạch (2 tỷ USD)",
                                "message_en", "FDI 2023 reached 100% of plan (USD 2 bn)", "threshold_pct", "100.00",
                                "progress_pct", "100.04", "plan_amount", "2000000000.000000",
                                "event_time", "2023-11-30T17:05:00Z", "alert_year", 2023));
        assertThat(Tables.rows(store, "SELECT id, state FROM v_alert_current"))
                .containsExactly(Map.of("id", "PLAN_THRESHOLD:FDI:TOTAL:2023:100", "state", "RESOLVED"));
    }

    @Test
    void deadLettersBecomeRejectedRowsWithTheirProvenance() throws Exception {
        BatchWriter writer = writer(CommitHook.NONE);
        Map<TopicPartition, Long> stored = claim(writer, DLQ0);

        writer.write(batch(Rows.rejected(Fixtures.ingestRefusal("fdi-2023.csv", 42), at(DLQ0, 7))), stored);

        assertThat(Tables.rows(store, "SELECT * FROM rejected_row")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("id", Topics.REGISTRATIONS_DLQ + "|0|7")
                .containsEntry("dlq_topic", Topics.REGISTRATIONS_DLQ)
                .containsEntry("dlq_offset", 7L)
                .containsEntry("stage", "ingest")
                .containsEntry("connector", "csv-import")
                .containsEntry("file", "fdi-2023.csv")
                .containsEntry("line", 42L)
                .containsEntry("raw_text", "GCN-1;;NEW;FDI;Samsung;KR;DEEP_C;C26;abc;USD;2023-13-01")
                .containsEntry("raw_bytes_base64", "R0NOLTE7O05FVw==")
                .containsEntry("reason", "amount 'abc' is not a number")
                .containsEntry("reason_vi", "số vốn 'abc' không phải là số")
                .containsEntry("error_class", "java.lang.NumberFormatException")
                .containsEntry("rejected_at", "2024-01-02T03:04:05.678Z"));
    }

    @Test
    void aCrashBeforeCommitLeavesNeitherRowsNorOffsets() throws Exception {
        CommitHook crash = new CommitHook() {
            @Override
            public void beforeCommit(Batch batch) {
                throw new SimulatedCrash();
            }
        };
        Map<TopicPartition, Long> stored = claim(writer(CommitHook.NONE), IND0);
        Batch b = batch(Rows.indicator(Fixtures.q1Fdi2024(), at(IND0, 0)));

        assertThatThrownBy(() -> writer(crash).write(b, stored)).isInstanceOf(SimulatedCrash.class);
        assertThat(Tables.count(store, "indicator")).isZero();
        assertThat(offsets(IND0)).isZero();

        // The restarted sink reads the same batch again from the stored offset and applies it once.
        writer(CommitHook.NONE).write(b, claim(writer(CommitHook.NONE), IND0));
        assertThat(Tables.count(store, "indicator")).isEqualTo(1);
        assertThat(offsets(IND0)).isEqualTo(1L);
    }

    @Test
    void aRowTheStoreRefusesIsDeadLetteredAndTheRestLands() throws Exception {
        BatchWriter writer = writer(CommitHook.NONE);
        Map<TopicPartition, Long> stored = claim(writer, IND0);
        Indicator good = Fixtures.month(IndicatorSource.FDI, Dimension.TOTAL, "", YearMonth.of(2024, 1), "10", "243000", 1);
        Indicator backwards = Indicator.newBuilder(Fixtures.month(IndicatorSource.FDI, Dimension.TOTAL, "", YearMonth.of(2024, 2), "1",
                "24300", 1)).setPeriodEnd(LocalDate.of(2024, 1, 1)).build();
        Indicator alsoGood = Fixtures.month(IndicatorSource.FDI, Dimension.TOTAL, "", YearMonth.of(2024, 3), "5", "121500", 1);

        BatchWriter.Outcome outcome = writer.write(batch(Rows.indicator(good, at(IND0, 0)), Rows.indicator(backwards, at(IND0, 1)),
                Rows.indicator(alsoGood, at(IND0, 2))), stored);

        assertThat(outcome.refused()).singleElement().satisfies(r -> {
            assertThat(r.origin().offset()).isEqualTo(1);
            assertThat(r.reason()).contains("indicator").containsIgnoringCase("ck_indicator_period");
        });
        assertThat(published).hasSize(1);
        assertThat(Tables.rows(store, "SELECT period_id FROM indicator ORDER BY period_id"))
                .containsExactly(Map.of("period_id", "2024-01"), Map.of("period_id", "2024-03"));
        assertThat(offsets(IND0)).isEqualTo(3L);
    }

    @Test
    void aWriterWhoseOffsetMovedUnderItWritesNothing() throws Exception {
        BatchWriter writer = writer(CommitHook.NONE);
        Map<TopicPartition, Long> stale = claim(writer, IND0);
        Batch first = batch(Rows.indicator(Fixtures.q1Fdi2024(), at(IND0, 0)));
        writer.write(first, stale);

        // A zombie that missed the rebalance tries to apply the same batch from the old position.
        Indicator changed = Indicator.newBuilder(Fixtures.q1Fdi2024()).setNewProjects(99).build();
        assertThatThrownBy(() -> writer.write(batch(Rows.indicator(changed, at(IND0, 0))), stale))
                .isInstanceOf(OffsetConflictException.class);
        assertThat(Tables.rows(store, "SELECT new_projects FROM indicator")).containsExactly(Map.of("new_projects", 11));
    }

    @Test
    void aLostConnectionIsRetriedAndTheBatchLandsOnce() throws Exception {
        BatchWriter writer = writer(CommitHook.NONE);
        Map<TopicPartition, Long> stored = claim(writer, IND0);
        int before = (int) metrics.retries();
        // Break every pooled connection the way the server would (PostgreSQL: pg_terminate_backend).
        breakConnections();

        writer.write(batch(Rows.indicator(Fixtures.q1Fdi2024(), at(IND0, 0))), stored);

        assertThat(Tables.count(store, "indicator")).isEqualTo(1);
        assertThat(offsets(IND0)).isEqualTo(1L);
        assertThat(metrics.retries()).isGreaterThanOrEqualTo(before + expectedRetriesAfterBreak());
    }

    /** A lost-connection retry starts on a fresh connection whose first transaction may well roll back. */
    @Test
    void aFreshConnectionStaysOnTheStoreSchemaAfterItsFirstTransactionRollsBack() throws Exception {
        ((com.zaxxer.hikari.HikariDataSource) store.dataSource()).getHikariPoolMXBean().softEvictConnections();
        for (int i = 0; i < 3; i++) {
            try (Connection c = store.connection()) {
                c.rollback();
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM sink_offset")) {
                    assertThat(rs.next()).isTrue();
                }
                c.rollback();
            }
        }
    }

    /** Drops the store's connections from the server side. */
    protected abstract void breakConnections() throws Exception;

    /** At least one retry where the server really kills connections (PostgreSQL); H2 may reconnect transparently. */
    protected abstract int expectedRetriesAfterBreak();

    long offsets(TopicPartition tp) throws Exception {
        try (Connection c = store.connection()) {
            Long next = offsets.all(c).get(tp);
            c.commit();
            return next == null ? -1 : next;
        }
    }

    static void assertExact(BigDecimal actual, BigDecimal expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.scale()).isEqualTo(expected.scale());
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash between writing and committing");
        }
    }

    static List<String> names(List<Map<String, Object>> rows, String column) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(String.valueOf(r.get(column))));
        return out;
    }

    static Set<String> set(String... values) {
        return Set.of(values);
    }
}
