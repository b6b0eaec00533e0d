package vn.investpulse.sink.bi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.sink.metrics.SinkMetrics;
import vn.investpulse.sink.offsets.OffsetStore;
import vn.investpulse.sink.store.Store;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.Fixtures;
import vn.investpulse.sink.support.Tables;
import vn.investpulse.sink.write.Batch;
import vn.investpulse.sink.write.BatchWriter;
import vn.investpulse.sink.write.CommitHook;
import vn.investpulse.sink.write.Op;
import vn.investpulse.sink.write.Origin;
import vn.investpulse.sink.write.RetryPolicy;
import vn.investpulse.sink.write.Rows;

/**
 * The BI views and every SQL example of sink/README-BI.md, run on a scenario shaped like the Authority's 2023
 * report: FDI 2.1 bn USD against a 2 bn plan (105 %), up 10.53 % on 2022; three zones, two sectors, two
 * countries; DDI 50,000 bn VND against a 45,000 bn plan; 2024 so far (January, February) against the same months
 * of 2023; an alert that fired and resolved; a refused CSV line.
 */
abstract class BiViewsContract {

    static final Path README = Path.of("README-BI.md");

    protected StoreConfig config;
    protected Store store;

    protected abstract StoreConfig newStore() throws Exception;

    protected abstract void dropStore(StoreConfig config) throws Exception;

    @BeforeEach
    void loadScenario() throws Exception {
        config = newStore();
        store = Store.open(config);
        List<Op> ops = new ArrayList<>();
        long[] offset = {0};
        java.util.function.Consumer<Indicator> add = v -> ops.add(Rows.indicator(v, at(Topics.INDICATORS, offset[0]++)));
        // FDI (USD) and DDI (VND) years.
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.TOTAL, "", 2022, "1900000000", "45600000000000000", 90,
                "1800000000", "USD", "105.56", null));
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.TOTAL, "", 2023, "2100000000", "51030000000000000", 100,
                "2000000000", "USD", "105.00", "10.53"));
        add.accept(Fixtures.year(IndicatorSource.DDI, Dimension.TOTAL, "", 2023, "2057613168.724280", "50000000000000000", 40,
                "45000000000000000", "VND", "111.11", "-4.50"));
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.TOTAL, "", 2024, "250000000", "6100000000000000", 9,
                "2000000000", "USD", "12.50", null));
        // Breakdowns of FDI 2023.
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.ZONE, "DEEP_C", 2023, "1000000000", "0", 40, null, null, null, null));
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.ZONE, "VSIP", 2023, "700000000", "0", 35, null, null, null, null));
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.ZONE, "NAM_CAU_KIEN", 2023, "400000000", "0", 25, null, null, null, null));
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.SECTOR, "C26", 2023, "1500000000", "0", 60, null, null, null, null));
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.SECTOR, "C27", 2023, "600000000", "0", 40, null, null, null, null));
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.SECTION, "C", 2023, "2100000000", "0", 100, null, null, null, null));
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.COUNTRY, "KR", 2023, "1200000000", "0", 55, null, null, null, null));
        add.accept(Fixtures.year(IndicatorSource.FDI, Dimension.COUNTRY, "JP", 2023, "900000000", "0", 45, null, null, null, null));
        // Months: 2023 January to March, 2024 January and February.
        String[][] months = {{"2023-01", "80000000"}, {"2023-02", "120000000"}, {"2023-03", "50000000"},
                {"2024-01", "100000000"}, {"2024-02", "150000000"}};
        for (String[] m : months) {
            add.accept(Fixtures.month(IndicatorSource.FDI, Dimension.TOTAL, "", YearMonth.parse(m[0]), m[1], "0", 3));
        }
        Instant fired = Instant.parse("2023-11-30T17:05:01Z");
        Alert firing = Fixtures.fdi2023Reached100(AlertState.FIRING, fired);
        ops.add(Rows.alert(firing, at(Topics.ALERTS, 0)));
        ops.add(Rows.alert(Fixtures.fdi2023Reached100(AlertState.RESOLVED, fired.plus(Duration.ofDays(3))), at(Topics.ALERTS, 1)));
        ops.add(Rows.alert(Alert.newBuilder(firing).setId("PLAN_THRESHOLD:FDI:TOTAL:2023:75").setThresholdPct(Fixtures.pct("75"))
                .setProcessedAt(fired.minus(Duration.ofDays(60))).build(), at(Topics.ALERTS, 2)));
        ops.add(Rows.rejected(Fixtures.ingestRefusal("fdi-2023.csv", 42), at(Topics.REGISTRATIONS_DLQ, 0)));

        OffsetStore offsets = new OffsetStore("bi-test", Clock.systemUTC());
        BatchWriter writer = new BatchWriter(store, offsets, refusals -> {
            throw new AssertionError("scenario rows are valid: " + refusals);
        }, Topics.SINK_DLQ, new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)), CommitHook.NONE, new SinkMetrics(),
                Clock.systemUTC(), new CountDownLatch(1));
        List<TopicPartition> partitions = List.of(new TopicPartition(Topics.INDICATORS, 0), new TopicPartition(Topics.ALERTS, 0),
                new TopicPartition(Topics.REGISTRATIONS_DLQ, 0));
        Map<TopicPartition, Long> stored = writer.inTransaction("claim", c -> offsets.claim(c, partitions));
        Batch batch = new Batch();
        for (Op op : ops) {
            batch.add(op);
            batch.consumed(op.origin().topic(), op.origin().partition(), op.origin().offset());
        }
        writer.write(batch, stored);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
        dropStore(config);
    }

    static Origin at(String topic, long offset) {
        return new Origin(topic, 0, offset, null, null, null);
    }

    @Test
    void yearSummaryShowsCapitalPlanProgressAndGrowthInTheReportingCurrency() {
        assertThat(example("year-summary")).containsExactly(
                row("source", "DDI", "report_year", 2023, "total_capital_reporting", "50000000000000000.000000", "reporting_currency", "VND",
                        "plan_amount", "45000000000000000.000000", "plan_progress_pct", "111.11", "yoy_growth_pct", "-4.50",
                        "new_projects", 40, "cumulative_projects", 40),
                row("source", "FDI", "report_year", 2023, "total_capital_reporting", "2100000000.000000", "reporting_currency", "USD",
                        "plan_amount", "2000000000.000000", "plan_progress_pct", "105.00", "yoy_growth_pct", "10.53",
                        "new_projects", 100, "cumulative_projects", 100));
    }

    @Test
    void ytdComparesTheSameMonthsOfTheYearBefore() {
        // January + February 2024 = 250 M against January + February 2023 = 200 M: +25 %.
        assertThat(example("ytd")).containsExactly(row("source", "FDI", "report_year", 2024, "ytd_through_month", 2,
                "ytd_capital_reporting", "250000000.000000", "prior_ytd_capital_reporting", "200000000.000000",
                "ytd_yoy_growth_pct", "25.00", "plan_progress_pct", "12.50"));
    }

    @Test
    void topZonesSectorsAndCountriesAreRankedWithTheirShareOfTheTotal() {
        assertThat(example("top-zones")).containsExactly(
                row("capital_rank", 1L, "zone_code", "DEEP_C", "total_capital_usd", "1000000000.000000", "share_pct", "47.62", "new_projects", 40),
                row("capital_rank", 2L, "zone_code", "VSIP", "total_capital_usd", "700000000.000000", "share_pct", "33.33", "new_projects", 35),
                row("capital_rank", 3L, "zone_code", "NAM_CAU_KIEN", "total_capital_usd", "400000000.000000", "share_pct", "19.05",
                        "new_projects", 25));
        assertThat(example("top-sectors")).containsExactly(
                row("capital_rank", 1L, "sector_code", "C26", "sector_section", "C", "total_capital_usd", "1500000000.000000", "share_pct", "71.43"),
                row("capital_rank", 2L, "sector_code", "C27", "sector_section", "C", "total_capital_usd", "600000000.000000", "share_pct", "28.57"));
        assertThat(example("top-countries")).containsExactly(
                row("capital_rank", 1L, "country_code", "KR", "total_capital_usd", "1200000000.000000", "share_pct", "57.14"),
                row("capital_rank", 2L, "country_code", "JP", "total_capital_usd", "900000000.000000", "share_pct", "42.86"));
        assertThat(Tables.rows(store, "SELECT section_code, share_pct FROM v_top_sections WHERE report_year = 2023"))
                .containsExactly(row("section_code", "C", "share_pct", "100.00"));
    }

    @Test
    void monthlySeriesCarriesTheRunningYearToDate() {
        assertThat(example("monthly-series")).containsExactly(
                row("period_id", "2024-01", "total_capital_usd", "100000000.000000", "ytd_capital_reporting", "100000000.000000"),
                row("period_id", "2024-02", "total_capital_usd", "150000000.000000", "ytd_capital_reporting", "250000000.000000"));
    }

    @Test
    void alertsComeNewestFirstAndTheCurrentStateIsTheLatestTransition() {
        assertThat(example("alerts-newest-first")).extracting(r -> r.get("state") + " " + r.get("threshold_pct"))
                .containsExactly("RESOLVED 100.00", "FIRING 100.00", "FIRING 75.00");
        assertThat(example("alerts-firing")).extracting(r -> r.get("id")).containsExactly("PLAN_THRESHOLD:FDI:TOTAL:2023:75");
    }

    @Test
    void rejectedRowsAndOffsetsAreThereForOperators() {
        assertThat(example("rejected")).containsExactly(row("rejected_at", "2024-01-02T03:04:05.678Z", "stage", "ingest",
                "file", "fdi-2023.csv", "line", 42L, "reason", "amount 'abc' is not a number", "reason_vi", "số vốn 'abc' không phải là số"));
        assertThat(example("lag")).extracting(r -> r.get("topic") + ":" + r.get("next_offset"))
                .containsExactly("pulse.alerts.v1:3", "pulse.indicators.v1:17", "pulse.registrations.dlq.v1:1");
    }

    @Test
    void everyExampleInTheReadmeIsCovered() throws Exception {
        assertThat(examples().keySet()).containsExactlyInAnyOrder("year-summary", "ytd", "top-zones", "top-sectors", "top-countries",
                "monthly-series", "alerts-newest-first", "alerts-firing", "rejected", "lag");
    }

    List<Map<String, Object>> example(String name) {
        try {
            String sql = examples().get(name);
            assertThat(sql).as("example " + name + " in " + README.toAbsolutePath()).isNotNull();
            return Tables.rows(store, sql.trim().replaceAll(";\\s*$", ""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The README's ```sql blocks that start with {@code -- example: <name>}. */
    static Map<String, String> examples() throws java.io.IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("```sql\\n-- example: ([a-z-]+)\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
