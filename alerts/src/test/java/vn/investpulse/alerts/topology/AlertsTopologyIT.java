package vn.investpulse.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.investpulse.alerts.Indicators.TWO_BN_USD;
import static vn.investpulse.alerts.Indicators.fdiYear;
import static vn.investpulse.alerts.Indicators.keyOf;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.alerts.Indicators;
import vn.investpulse.alerts.MutableClock;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertKind;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PeriodKind;

/**
 * The alert rules through the real topology, with the production Properties and registry-backed serdes
 * (a real Apicurio registry), driven by {@link TopologyTestDriver}: explicit record times, and the wall
 * clock advanced by the test together with the injected {@link MutableClock}.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class AlertsTopologyIT {

    private static final ZoneId HAI_PHONG = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration PACE_CHECK = Duration.ofMinutes(1);
    /** A day in 2023, for threshold scenarios; the pace rule ignores 2023 under a 2026 clock. */
    private static final Instant JAN_2023 = local(2023, 1, 15, 9, 0);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<IndicatorKey, Indicator> indicators;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private MutableClock clock;

    private static Instant local(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(HAI_PHONG).toInstant();
    }

    private void start(EmbeddedPlatform platform, Map<String, String> settings, Instant now) {
        ConfigSource source = new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_ALERTS_STATE_DIR", stateDir.toString()));
        for (var e : settings.entrySet()) {
            source = source.with(e.getKey(), e.getValue());
        }
        AlertsConfig config = AlertsConfig.from(source);
        Topics topics = platform.topics();
        RegistrySerdes serdes = platform.serdes();
        clock = new MutableClock(now);
        driver = new TopologyTestDriver(AlertsTopology.build(config.rules(), config.paceCheckInterval(), topics, serdes, clock),
                AlertsTopology.streamsConfig(config), now);
        indicators = driver.createInputTopic(topics.indicators().name(),
                serdes.keySerializer(topics.indicators()), serdes.valueSerializer(topics.indicators()));
        alerts = driver.createOutputTopic(topics.alerts().name(),
                serdes.keyDeserializer(topics.alerts()), serdes.valueDeserializer(topics.alerts()));
        deadLetters = driver.createOutputTopic(topics.alertsDlq().name(),
                serdes.keyDeserializer(topics.alertsDlq()), serdes.valueDeserializer(topics.alertsDlq()));
    }

    private void start(EmbeddedPlatform platform) {
        start(platform, Map.of(), local(2026, 11, 21, 9, 0));
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void pipe(Indicator indicator) {
        indicators.pipeInput(keyOf(indicator), indicator, indicator.getAsOf());
    }

    /** A year of FDI 2023 figures rising past every threshold, each a new computation (asOf) by the processor. */
    private List<Indicator> fdi2023Year() {
        return List.of(
                fdiYear(2023, "10.60", JAN_2023, "e-01"),
                fdiYear(2023, "30.00", JAN_2023.plus(Duration.ofDays(30)), "e-02"),
                fdiYear(2023, "49.99", JAN_2023.plus(Duration.ofDays(60)), "e-03"),
                fdiYear(2023, "50.00", JAN_2023.plus(Duration.ofDays(90)), "e-04"),
                fdiYear(2023, "62.10", JAN_2023.plus(Duration.ofDays(120)), "e-05"),
                fdiYear(2023, "80.00", JAN_2023.plus(Duration.ofDays(150)), "e-06"),
                fdiYear(2023, "80.00", JAN_2023.plus(Duration.ofDays(151)), null),
                fdiYear(2023, "160.00", JAN_2023.plus(Duration.ofDays(200)), "e-07"),
                fdiYear(2023, "175.00", JAN_2023.plus(Duration.ofDays(250)), "e-08"),
                fdiYear(2023, "201.30", JAN_2023.plus(Duration.ofDays(330)), "e-09"));
    }

    @Test
    void thresholdsFireInOrderAndOnceEachOverAYear(EmbeddedPlatform platform) {
        start(platform);
        fdi2023Year().forEach(this::pipe);

        List<KeyValue<String, Alert>> out = alerts.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly(
                "PLAN_THRESHOLD:FDI:TOTAL:2023:50",
                "PLAN_THRESHOLD:FDI:TOTAL:2023:75",
                "PLAN_THRESHOLD:FDI:TOTAL:2023:100",
                "PLAN_THRESHOLD:FDI:TOTAL:2023:150",
                "PLAN_THRESHOLD:FDI:TOTAL:2023:200");
        assertThat(out).allSatisfy(kv -> {
            assertThat(kv.value.getId()).isEqualTo(kv.key);
            assertThat(kv.value.getKind()).isEqualTo(AlertKind.PLAN_THRESHOLD);
            assertThat(kv.value.getState()).isEqualTo(AlertState.FIRING);
            assertThat(kv.value.getScope()).isEqualTo("TOTAL");
            assertThat(kv.value.getYear()).isEqualTo(2023);
            assertThat(kv.value.getPlanAmount()).isEqualByComparingTo(TWO_BN_USD);
            assertThat(kv.value.getPlanCurrency()).isEqualTo("USD");
        });
        Alert hundred = out.get(2).value;
        assertThat(hundred.getThresholdPct()).isEqualTo(new BigDecimal("100.00"));
        assertThat(hundred.getProgressPct()).isEqualTo(new BigDecimal("160.00"));
        assertThat(hundred.getEventId()).isEqualTo("e-07");
        assertThat(hundred.getCertificateNo()).isEqualTo("GCN-e-07");
        assertThat(hundred.getEventTime()).isEqualTo(JAN_2023.plus(Duration.ofDays(200)).minusMillis(250));
        assertThat(hundred.getProcessedAt()).isEqualTo(clock.instant());
        assertThat(hundred.getMessageVi()).isEqualTo("Vốn FDI năm 2023 đã đạt 100% kế hoạch (2 tỷ USD)");
        assertThat(hundred.getMessageEn()).isEqualTo("FDI 2023 reached 100% of plan (USD 2 bn)");
        assertThat(out.get(0).value.getProgressPct()).isEqualTo(new BigDecimal("50.00"));
        assertThat(out.get(0).value.getEventId()).isEqualTo("e-04");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aFullReplayAndAReimportAddNoAlert(EmbeddedPlatform platform) {
        start(platform);
        fdi2023Year().forEach(this::pipe);
        assertThat(alerts.readKeyValuesToList()).hasSize(5);

        // Replay: the indicators topic read again from the start, the same records with their original asOf.
        fdi2023Year().forEach(this::pipe);
        assertThat(alerts.isEmpty()).as("a replay adds no alert").isTrue();

        // Re-import of the year's file: the processor ignores the known event ids and at most re-emits the
        // same figures, computed anew.
        pipe(fdiYear(2023, "201.30", JAN_2023.plus(Duration.ofDays(340)), null));
        pipe(fdiYear(2023, "201.30", JAN_2023.plus(Duration.ofDays(341)), "e-09"));
        assertThat(alerts.isEmpty()).as("a re-import adds no alert").isTrue();
    }

    @Test
    void aCapitalDecreaseResolvesAndALaterIncreaseFiresAgain(EmbeddedPlatform platform) {
        start(platform);
        pipe(fdiYear(2023, "104.00", JAN_2023, "e-10"));
        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(
                "PLAN_THRESHOLD:FDI:TOTAL:2023:50", "PLAN_THRESHOLD:FDI:TOTAL:2023:75", "PLAN_THRESHOLD:FDI:TOTAL:2023:100");

        pipe(fdiYear(2023, "96.50", JAN_2023.plus(Duration.ofDays(40)), "e-11-decrease"));
        List<Alert> resolved = alerts.readValuesToList();
        assertThat(resolved).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo("PLAN_THRESHOLD:FDI:TOTAL:2023:100");
            assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.getProgressPct()).isEqualTo(new BigDecimal("96.50"));
            assertThat(a.getEventId()).isEqualTo("e-11-decrease");
            assertThat(a.getMessageVi()).isEqualTo("Vốn FDI năm 2023 đã xuống dưới 100% kế hoạch (2 tỷ USD): hiện đạt 96,50%");
            assertThat(a.getMessageEn()).isEqualTo("FDI 2023 fell back below 100% of plan (USD 2 bn): now 96.50%");
        });

        pipe(fdiYear(2023, "96.50", JAN_2023.plus(Duration.ofDays(41)), null));
        assertThat(alerts.isEmpty()).isTrue();

        pipe(fdiYear(2023, "100.00", JAN_2023.plus(Duration.ofDays(70)), "e-12"));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo("PLAN_THRESHOLD:FDI:TOTAL:2023:100");
            assertThat(a.getState()).isEqualTo(AlertState.FIRING);
            assertThat(a.getEventId()).isEqualTo("e-12");
        });
    }

    @Test
    void aRevisedPlanReevaluatesTheThresholds(EmbeddedPlatform platform) {
        start(platform);
        pipe(fdiYear(2023, "110.00", JAN_2023, "e-20"));
        assertThat(alerts.readKeyValuesToList()).hasSize(3);

        // The plan is raised from 2 to 2.5 bn USD: the same capital is now 88 % of plan. No event caused it.
        BigDecimal raised = new BigDecimal("2500000000");
        pipe(Indicators.year(IndicatorSource.FDI, Dimension.TOTAL, "", 2023, "88.00", raised, "USD",
                JAN_2023.plus(Duration.ofDays(5)), null));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo("PLAN_THRESHOLD:FDI:TOTAL:2023:100");
            assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.getPlanAmount()).isEqualByComparingTo(raised);
            assertThat(a.getEventId()).isNull();
            assertThat(a.getEventTime()).isNull();
            assertThat(a.getMessageVi()).isEqualTo("Vốn FDI năm 2023 đã xuống dưới 100% kế hoạch (2,5 tỷ USD): hiện đạt 88,00%");
        });

        // Lowered to 1.5 bn: 146.67 %, so 100 fires again (against the new plan).
        BigDecimal lowered = new BigDecimal("1500000000");
        pipe(Indicators.year(IndicatorSource.FDI, Dimension.TOTAL, "", 2023, "146.67", lowered, "USD",
                JAN_2023.plus(Duration.ofDays(6)), null));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo("PLAN_THRESHOLD:FDI:TOTAL:2023:100");
            assertThat(a.getState()).isEqualTo(AlertState.FIRING);
            assertThat(a.getMessageEn()).isEqualTo("FDI 2023 reached 100% of plan (USD 1.5 bn)");
        });
    }

    @Test
    void zonesWithTheirOwnPlanAndDdiInDong(EmbeddedPlatform platform) {
        start(platform, Map.of("PULSE_ALERT_ZONES", "DEEP_C"), local(2026, 11, 21, 9, 0));
        pipe(Indicators.year(IndicatorSource.DDI, Dimension.ZONE, "DEEP_C", 2024, "51.00", Indicators.TEN_THOUSAND_BN_VND, "VND",
                JAN_2023, "e-30"));
        // Not watched: another zone, a zone without its own plan, sector and monthly figures, and ALL.
        pipe(Indicators.year(IndicatorSource.DDI, Dimension.ZONE, "VSIP", 2024, "90.00", Indicators.TEN_THOUSAND_BN_VND, "VND",
                JAN_2023, "e-31"));
        pipe(Indicators.year(IndicatorSource.FDI, Dimension.ZONE, "DEEP_C", 2024, null, null, null, JAN_2023, "e-32"));
        Indicator base = fdiYear(2024, "90.00", JAN_2023, "e-33");
        pipe(Indicators.as(base, Dimension.SECTOR, "C26", PeriodKind.YEAR, "2024"));
        pipe(Indicators.as(base, Dimension.TOTAL, "", PeriodKind.MONTH, "2024-03"));
        pipe(Indicator.newBuilder(base).setSource(IndicatorSource.ALL).build());

        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo("PLAN_THRESHOLD:DDI:DEEP_C:2024:50");
            assertThat(a.getScope()).isEqualTo("DEEP_C");
            assertThat(a.getPlanCurrency()).isEqualTo("VND");
            assertThat(a.getMessageVi()).isEqualTo("Vốn DDI năm 2024 tại DEEP_C đã đạt 50% kế hoạch (10.000 tỷ đồng)");
            assertThat(a.getMessageEn()).isEqualTo("DDI 2024 in DEEP_C reached 50% of plan (VND 10,000 bn)");
        });
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void anIndicatorBreakingTheContractGoesToTheDeadLetterTopic(EmbeddedPlatform platform) {
        start(platform);
        Indicator broken = Indicator.newBuilder(fdiYear(2023, "60.00", JAN_2023, "e-40")).setPlanAmount(null).build();
        pipe(broken);
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(deadLetters.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getStage()).isEqualTo("alerts");
            assertThat(d.getSourceTopic()).isEqualTo(Topics.INDICATORS);
            assertThat(d.getReason()).contains("planProgressPct but no planAmount");
        });
    }

    @Test
    void paceFiresAtTheEndOfMarchByTheWallClockAndOnlyOnce(EmbeddedPlatform platform) {
        start(platform, Map.of(), local(2026, 3, 10, 10, 0));
        // 14 % on 10 March: February has ended (expected 13.33 %), on pace.
        pipe(fdiYear(2026, "14.00", clock.instant(), "e-50"));
        driver.advanceWallClockTime(PACE_CHECK);
        assertThat(alerts.isEmpty()).isTrue();

        // A corrected row lowers it to 10.60 % on 25 March: not judged before the month ends.
        clock.set(local(2026, 3, 25, 15, 0));
        pipe(fdiYear(2026, "10.60", clock.instant(), "e-51"));
        driver.advanceWallClockTime(PACE_CHECK);
        clock.set(local(2026, 3, 31, 23, 59));
        driver.advanceWallClockTime(PACE_CHECK);
        assertThat(alerts.isEmpty()).isTrue();

        // Midnight in Hai Phong (17:00 UTC): March has ended; 10.60 % < 0.8 x 3/12 = 20 %.
        clock.set(local(2026, 4, 1, 0, 0).plusSeconds(30));
        driver.advanceWallClockTime(PACE_CHECK);
        List<KeyValue<String, Alert>> fired = alerts.readKeyValuesToList();
        assertThat(fired).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("PLAN_PACE:FDI:TOTAL:2026");
            Alert a = kv.value;
            assertThat(a.getKind()).isEqualTo(AlertKind.PLAN_PACE);
            assertThat(a.getState()).isEqualTo(AlertState.FIRING);
            assertThat(a.getThresholdPct()).isEqualTo(new BigDecimal("20.00"));
            assertThat(a.getProgressPct()).isEqualTo(new BigDecimal("10.60"));
            assertThat(a.getEventId()).as("the calendar caused it, not an event").isNull();
            assertThat(a.getProcessedAt()).isEqualTo(clock.instant());
            assertThat(a.getMessageVi()).isEqualTo("Vốn FDI năm 2026 chậm so với tiến độ kế hoạch: 10,60% so với 20,00% dự kiến");
            assertThat(a.getMessageEn()).isEqualTo("FDI 2026 is behind plan pace: 10.60% against 20.00% expected");
        });

        // The punctuation runs again within the same month: March is not evaluated twice.
        clock.set(local(2026, 4, 2, 8, 0));
        driver.advanceWallClockTime(PACE_CHECK);
        driver.advanceWallClockTime(PACE_CHECK);
        assertThat(alerts.isEmpty()).isTrue();

        // Back on pace with a new certificate: resolved at once, not only at the next month end.
        pipe(fdiYear(2026, "21.00", clock.instant(), "e-52"));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo("PLAN_PACE:FDI:TOTAL:2026");
            assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.getEventId()).isEqualTo("e-52");
            assertThat(a.getMessageEn()).isEqualTo("FDI 2026 is back on plan pace: 21.00% against 20.00% expected");
        });

        // End of April expects 26.67 %: behind again, the same id fires again.
        clock.set(local(2026, 5, 1, 0, 5));
        driver.advanceWallClockTime(PACE_CHECK);
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.FIRING);
            assertThat(a.getThresholdPct()).isEqualTo(new BigDecimal("26.67"));
        });
    }

    @Test
    void pastYearsAreNotPaced(EmbeddedPlatform platform) {
        start(platform, Map.of(), local(2026, 4, 1, 9, 0));
        pipe(fdiYear(2025, "1.00", clock.instant(), "e-60"));
        driver.advanceWallClockTime(PACE_CHECK);
        assertThat(alerts.isEmpty()).isTrue();
    }
}
