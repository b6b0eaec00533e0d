package vn.investpulse.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.investpulse.processor.testing.Registrations.event;
import static vn.investpulse.processor.testing.Registrations.newProject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.processor.testing.ProcessorDriver;
import vn.investpulse.processor.figures.MonthDays;
import vn.investpulse.processor.figures.MonthFacts;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;

/**
 * The production topology with the production properties, on a TopologyTestDriver whose topics go through
 * the real registry. Each test states its reference data, pipes registrations and lets the emit interval pass.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class ProcessorTopologyTest {

    private ProcessorDriver p;

    @BeforeEach
    void start(EmbeddedPlatform platform, @TempDir Path stateDir) {
        p = new ProcessorDriver(platform.topics(), platform.serdes(), stateDir);
        p.rate("USD", "2010-01-01", "25000");
    }

    @AfterEach
    void stop() {
        p.assertEmittedMatchStores();
        p.close();
    }

    private Indicator fdi(String period) {
        return p.latest("FDI|TOTAL||" + kind(period) + "|" + period);
    }

    private static String kind(String period) {
        return period.contains("Q") ? "QUARTER" : period.length() == 4 ? "YEAR" : "MONTH";
    }

    @Test
    void theLocalMidnightDecidesThePeriodInEveryTimestampForm() {
        p.pipe(newProject("e1", "GCN-1", "2023-12-31T16:59:59Z", "1"),        // 23:59:59 on 31 Dec in Hai Phong
                newProject("e2", "GCN-2", "2023-12-31T17:10:00Z", "10"),      // 00:10 on 1 Jan 2024 there (still 31 Dec in UTC and New York)
                newProject("e3", "GCN-3", "2024-01-01T00:00:00+07:00", "100"), // exactly local midnight
                newProject("e4", "GCN-4", "2023-12-31T23:59:00+07:00", "1000"),
                newProject("e5", "GCN-5", "2024-01-01", "10000"),               // a date is local midnight
                newProject("e6", "GCN-6", "2023-12-31", "100000"));
        p.emit();
        assertThat(fdi("2023-12").getNewProjects()).isEqualTo(3);
        assertThat(fdi("2023-12").getNewCapitalUsd()).isEqualByComparingTo("101001");
        assertThat(fdi("2024-01").getNewProjects()).isEqualTo(3);
        assertThat(fdi("2024-01").getNewCapitalUsd()).isEqualByComparingTo("10110");
        assertThat(fdi("2023").getNewCapitalUsd()).isEqualByComparingTo("101001");
        assertThat(fdi("2024-Q1").getNewCapitalUsd()).isEqualByComparingTo("10110");
        assertThat(fdi("2024-01").getCumulativeProjects()).isEqualTo(6);
        assertThat(fdi("2024-01").getPeriodStart()).hasToString("2024-01-01");
        assertThat(fdi("2024-01").getPeriodEnd()).hasToString("2024-01-31");
    }

    @Test
    void aLateRowUpdatesItsPeriodAndEverythingDerivedFromIt() {
        p.plan(CapitalSource.FDI, 2023, null, "1000", "USD");
        p.plan(CapitalSource.FDI, 2024, null, "1000", "USD");
        p.pipe(newProject("e1", "GCN-1", "2023-02-10", "100"),
                newProject("e2", "GCN-2", "2023-06-10", "100"),
                newProject("e3", "GCN-3", "2024-03-10", "300"));
        p.emit();
        assertThat(fdi("2023-06").getPlanProgressPct()).isEqualByComparingTo("20.00");
        assertThat(fdi("2024").getYoyGrowthPct()).isEqualByComparingTo("50.00");
        assertThat(fdi("2024-03").getCumulativeProjects()).isEqualTo(3);

        // Months later, a row for April 2023 arrives.
        p.pipe(event("e4", "GCN-1", EventType.CAPITAL_INCREASE, "2023-04-05").amount("50"));
        List<KeyValue<IndicatorKey, Indicator>> out = p.emit();
        assertThat(fdi("2023-04").getCapitalIncreases()).isEqualTo(1);
        assertThat(fdi("2023-Q2").getAdjustedCapitalUsd()).isEqualByComparingTo("50");
        assertThat(fdi("2023-06").getPlanProgressPct()).isEqualByComparingTo("25.00"); // YTD of a later month
        assertThat(fdi("2023-12").getCumulativeCapitalUsd()).isEqualByComparingTo("250"); // cumulative of later periods
        assertThat(fdi("2024-03").getCumulativeCapitalUsd()).isEqualByComparingTo("550");
        assertThat(fdi("2024").getYoyGrowthPct()).isEqualByComparingTo("20.00"); // YoY of the next year: 300 vs 250
        assertThat(fdi("2024-03").getLastEventId()).isEqualTo("e4");
        // Nothing before the late month changes, so nothing before it is re-emitted.
        assertThat(out).extracting(kv -> kv.key.getPeriodId()).doesNotContain("2023-02", "2023-03", "2023-Q1");
    }

    @Test
    void duplicatesAndAFullReImportChangeNothing() {
        List<vn.investpulse.schemas.RegistrationEvent> file = List.of(
                newProject("e1", "GCN-1", "2023-02-10", "100").build(),
                event("e2", "GCN-1", EventType.CAPITAL_INCREASE, "2023-03-01").amount("40").build(),
                newProject("e3", "GCN-2", "2023-05-10", "60").build());
        p.pipe(file);
        p.pipe(List.of(file.get(0)));
        p.emit();
        assertThat(fdi("2023").getNewProjects()).isEqualTo(2);
        assertThat(fdi("2023").getTotalCapitalUsd()).isEqualByComparingTo("200");

        p.pipe(file).pipe(file); // last year's file, imported twice more
        assertThat(p.emit()).isEmpty();
        assertThat(fdi("2023").getTotalCapitalUsd()).isEqualByComparingTo("200");
        assertThat(p.deadLetters()).isEmpty();
    }

    @Test
    void aDecreaseSubtractsAndASharePurchaseAdds() {
        p.pipe(newProject("e1", "GCN-1", "2023-01-10", "100"),
                event("e2", "GCN-1", EventType.CAPITAL_DECREASE, "2023-02-01").amount("30"),
                event("e3", "GCN-9", EventType.SHARE_PURCHASE, "2023-02-15").amount("25"),
                newProject("e4", "GCN-9", "2022-11-15", "5"));
        p.emit();
        Indicator feb = fdi("2023-02");
        assertThat(feb.getCapitalDecreases()).isEqualTo(1);
        assertThat(feb.getSharePurchases()).isEqualTo(1);
        assertThat(feb.getAdjustedCapitalUsd()).isEqualByComparingTo("-30");
        assertThat(feb.getSharePurchaseCapitalUsd()).isEqualByComparingTo("25");
        assertThat(feb.getTotalCapitalUsd()).isEqualByComparingTo("-5");
        assertThat(feb.getTotalCapitalVnd()).isEqualByComparingTo("-125000");
        assertThat(fdi("2023").getTotalCapitalUsd()).isEqualByComparingTo("95");
        assertThat(feb.getCumulativeProjects()).isEqualTo(2);
        assertThat(feb.getCumulativeCapitalUsd()).isEqualByComparingTo("100"); // 100 - 30 + 5 + 25
    }

    @Test
    void terminatingAnOldProjectRemovesItFromCumulativeFiguresOnly() {
        p.pipe(newProject("e1", "GCN-OLD", "2015-03-01", "700"),
                event("e2", "GCN-OLD", EventType.CAPITAL_INCREASE, "2018-03-01").amount("300"),
                newProject("e3", "GCN-NEW", "2023-01-05", "50"));
        p.emit();
        assertThat(fdi("2023-01").getCumulativeProjects()).isEqualTo(2);
        assertThat(fdi("2023-01").getCumulativeCapitalUsd()).isEqualByComparingTo("1050");
        assertThat(fdi("2023-03")).as("no period after the last month with facts").isNull();

        p.pipe(event("e4", "GCN-OLD", EventType.TERMINATION, "2023-03-20"));
        p.emit();
        assertThat(fdi("2023-02").getCumulativeProjects()).as("the months up to the new last month are filled in").isEqualTo(2);
        assertThat(fdi("2023-03").getTerminations()).isEqualTo(1);
        assertThat(fdi("2023-03").getCumulativeProjects()).isEqualTo(1);
        assertThat(fdi("2023-03").getCumulativeCapitalUsd()).isEqualByComparingTo("50");
        assertThat(fdi("2023-Q1").getCumulativeCapitalUsd()).isEqualByComparingTo("50");
        assertThat(fdi("2023").getTotalCapitalUsd()).isEqualByComparingTo("50"); // registered capital unchanged
        assertThat(p.latest("FDI|TOTAL||YEAR|2018")).isNotNull();
        assertThat(p.latest("FDI|TOTAL||YEAR|2018").getCumulativeCapitalUsd()).isEqualByComparingTo("1000");
    }

    @Test
    void everyAmountConvertsAtTheRateInForceOnItsOwnDate() {
        p.rate("USD", "2023-07-01", "24000");
        p.pipe(newProject("d1", "DDI-1", "2023-06-30", "2500000").ddi(),      // 100 USD at 25,000
                newProject("d2", "DDI-2", "2023-07-01", "2400000").ddi(),      // 100 USD at 24,000
                newProject("f1", "GCN-1", "2023-07-02", "10"));
        p.emit();
        Indicator ddi = p.latest("DDI|TOTAL||YEAR|2023");
        assertThat(ddi.getTotalCapitalVnd()).isEqualByComparingTo("4900000");
        assertThat(ddi.getTotalCapitalUsd()).isEqualByComparingTo("200");
        assertThat(fdi("2023").getTotalCapitalVnd()).isEqualByComparingTo("240000");
        assertThat(p.latest("ALL|TOTAL||YEAR|2023").getTotalCapitalUsd()).isEqualByComparingTo("210");

        // A rate published later for mid-June changes what was converted from then on — and only that.
        p.rate("USD", "2023-06-15", "20000");
        List<KeyValue<IndicatorKey, Indicator>> out = p.emit();
        assertThat(p.latest("DDI|TOTAL||MONTH|2023-06").getTotalCapitalUsd()).isEqualByComparingTo("125");
        assertThat(p.latest("DDI|TOTAL||YEAR|2023").getTotalCapitalUsd()).isEqualByComparingTo("225");
        assertThat(p.latest("ALL|TOTAL||YEAR|2023").getTotalCapitalUsd()).isEqualByComparingTo("235");
        assertThat(out).extracting(kv -> ProcessorDriver.text(kv.key))
                .contains("DDI|TOTAL||MONTH|2023-06", "DDI|TOTAL||MONTH|2023-07") // July: its cumulative includes June
                .doesNotContain("FDI|TOTAL||MONTH|2023-07", "FDI|TOTAL||YEAR|2023", "DDI|TOTAL||MONTH|2023-05");
        assertThat(p.latest("DDI|TOTAL||MONTH|2023-07").getTotalCapitalUsd()).isEqualByComparingTo("100");
        assertThat(p.latest("DDI|TOTAL||MONTH|2023-07").getCumulativeCapitalUsd()).isEqualByComparingTo("225");
        assertThat(p.latest("DDI|TOTAL||MONTH|2023-06").getLastEventId()).isNull(); // caused by reference data
    }

    /**
     * ALL is the sum of its FDI and DDI parts' converted totals. The emitter sums the totals of a part it has just
     * recomputed, or holds unchanged, instead of reading its months again; the query API reads the stores: both agree.
     */
    @Test
    void anAllSeriesSumsItsPartsWhetherOneOrBothChanged() {
        p.rate("USD", "2023-01-01", "24000");
        p.pipe(newProject("f1", "GCN-1", "2023-03-02", "10"), newProject("d1", "DDI-1", "2023-03-03", "1000000").ddi());
        p.emit();
        assertThat(p.latest("ALL|TOTAL||MONTH|2023-03").getTotalCapitalUsd()).isEqualByComparingTo("51.666667");

        p.pipe(newProject("d2", "DDI-2", "2023-03-04", "1000000").ddi()); // only the DDI part changes
        p.emit();
        Indicator all = p.latest("ALL|TOTAL||MONTH|2023-03");
        assertThat(all.getTotalCapitalUsd()).isEqualByComparingTo("93.333333");
        assertThat(all.getTotalCapitalVnd()).isEqualByComparingTo("2240000");
        assertThat(all.getNewProjects()).isEqualTo(3);
        assertThat(p.latest("ALL|TOTAL||YEAR|2023").getCumulativeCapitalUsd()).isEqualByComparingTo("93.333333");
        p.assertEmittedMatchStores();
    }

    @Test
    void aRevisedPlanUpdatesProgressAndAZoneUsesItsOwnPlan() {
        p.plan(CapitalSource.FDI, 2023, null, "1000", "USD");
        p.plan(CapitalSource.FDI, 2023, "DEEP_C", "200", "USD");
        p.pipe(newProject("e1", "GCN-1", "2023-03-01", "100").zone("DEEP_C"),
                newProject("e2", "GCN-2", "2023-04-01", "150").zone("VSIP"));
        p.emit();
        assertThat(fdi("2023").getPlanProgressPct()).isEqualByComparingTo("25.00");
        assertThat(fdi("2023").getPlanAmount()).isEqualByComparingTo("1000");
        assertThat(fdi("2023").getPlanCurrency()).isEqualTo("USD");
        assertThat(p.latest("FDI|ZONE|DEEP_C|YEAR|2023").getPlanProgressPct()).isEqualByComparingTo("50.00");
        assertThat(p.latest("FDI|ZONE|VSIP|YEAR|2023").getPlanProgressPct()).isNull();
        assertThat(p.latest("FDI|SECTOR|C26|YEAR|2023").getPlanAmount()).isNull();
        assertThat(p.latest("ALL|TOTAL||YEAR|2023").getPlanAmount()).isNull();

        p.plan(CapitalSource.FDI, 2023, null, "500", "USD");
        List<KeyValue<IndicatorKey, Indicator>> out = p.emit();
        assertThat(fdi("2023").getPlanProgressPct()).isEqualByComparingTo("50.00");
        assertThat(fdi("2023-03").getPlanProgressPct()).isEqualByComparingTo("20.00");
        assertThat(out).allSatisfy(kv -> assertThat(kv.key.getDimension().name()).isEqualTo("TOTAL"));
    }

    @Test
    void yearOnYearComparesTheSamePeriodInTheReportingCurrency() {
        p.pipe(newProject("e1", "GCN-1", "2022-02-10", "100"),
                newProject("e2", "GCN-2", "2023-02-10", "240"),
                newProject("d1", "DDI-1", "2022-05-10", "1000000").ddi(),
                newProject("d2", "DDI-2", "2023-05-10", "2920000").ddi());
        p.emit();
        assertThat(fdi("2023-02").getYoyGrowthPct()).isEqualByComparingTo("140.00");
        assertThat(fdi("2023-Q1").getYoyGrowthPct()).isEqualByComparingTo("140.00");
        assertThat(fdi("2023").getYoyGrowthPct()).isEqualByComparingTo("140.00");
        assertThat(fdi("2022").getYoyGrowthPct()).isNull();
        assertThat(p.latest("DDI|TOTAL||YEAR|2023").getYoyGrowthPct()).isEqualByComparingTo("192.00");
    }

    /**
     * Daily facts written since the last commit are held apart (ObjectStore): each commit must move them to the
     * committed map, which interactive queries (other threads) read. The test driver commits after every input record, and
     * nothing is emitted, so no scan has flushed them instead.
     */
    @Test
    void everyCommitWritesTheHeldDailyFactsWhereQueriesReadThem() throws Exception {
        KeyValueStore<String, MonthDays> facts = p.driver().getKeyValueStore(StoreNames.FACTS);
        p.pipe(newProject("e1", "GCN-1", "2023-03-01", "100").zone("DEEP_C").sector("C26").country("KR"));
        assertThat(queried(facts, "FDI|TOTAL||2023-03", 1).newProjects).isEqualTo(1);
        assertThat(queried(facts, "FDI|COUNTRY|KR|2023-03", 1).newProjects).isEqualTo(1);

        p.pipe(event("e2", "GCN-1", vn.investpulse.schemas.EventType.CAPITAL_INCREASE, "2023-03-01T10:00:00+07:00").amount("5"));
        assertThat(queried(facts, "FDI|TOTAL||2023-03", 1).capitalIncreases).isEqualTo(1);
    }

    /**
     * One change object stands for an event's change in all its series (facts.FactDelta): a new fact must start as a
     * copy of it. Here the increase is registered under another investor country than the project's NEW, so its period
     * change (its own series) and its cumulative change (the NEW's series) both land on TOTAL on the same day: stored as
     * is, the first would be added to by the second, and the country JP would get the project's cumulative capital too.
     */
    @Test
    void aChangeSharedByAnEventsSeriesStartsSeparateFacts() throws Exception {
        KeyValueStore<String, MonthDays> facts = p.driver().getKeyValueStore(StoreNames.FACTS);
        p.pipe(newProject("e1", "GCN-1", "2023-03-01", "100").zone("DEEP_C").sector("C26").country("KR"),
                event("e2", "GCN-1", vn.investpulse.schemas.EventType.CAPITAL_INCREASE, "2023-03-05T10:00:00+07:00")
                        .amount("5").zone("DEEP_C").sector("C26").country("JP"));
        java.time.LocalDate day = java.time.LocalDate.of(2023, 3, 5);
        vn.investpulse.processor.figures.Buckets five = new vn.investpulse.processor.figures.Buckets()
                .add(new vn.investpulse.processor.figures.CurrencyDate("USD", day), new java.math.BigDecimal("5"));
        MonthFacts total = queried(facts, "FDI|TOTAL||2023-03", 5);
        assertThat(total.capitalIncreases).isEqualTo(1);
        assertThat(total.adjustedCapital()).isEqualTo(five);
        assertThat(total.cumulativeCapitalDelta()).isEqualTo(five);
        MonthFacts japan = queried(facts, "FDI|COUNTRY|JP|2023-03", 5);
        assertThat(japan.capitalIncreases).isEqualTo(1);
        assertThat(japan.cumulativeCapitalDelta().isEmpty()).isTrue();
        MonthFacts korea = queried(facts, "FDI|COUNTRY|KR|2023-03", 5);
        assertThat(korea.capitalIncreases).isZero();
        assertThat(korea.cumulativeCapitalDelta()).isEqualTo(five);
    }

    /** A day of a month read on another thread than the stream thread's, as an interactive query does. */
    private static MonthFacts queried(KeyValueStore<String, MonthDays> store, String monthKey, int day) throws Exception {
        MonthDays month = java.util.concurrent.CompletableFuture.supplyAsync(() -> store.get(monthKey))
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(month).as(monthKey).isNotNull();
        return month.day(day);
    }

    @Test
    void everyDimensionHasItsFigures() {
        p.pipe(newProject("e1", "GCN-1", "2023-03-01", "100").zone("DEEP_C").sector("C26").country("KR"),
                newProject("e2", "GCN-2", "2023-03-02", "50").zone("VSIP").sector("C27").country("JP"),
                newProject("d1", "DDI-1", "2023-03-03", "2500000").ddi().zone("DEEP_C").sector("H52"));
        p.emit();
        assertThat(p.latest("FDI|ZONE|DEEP_C|YEAR|2023").getTotalCapitalUsd()).isEqualByComparingTo("100");
        assertThat(p.latest("FDI|ZONE|VSIP|QUARTER|2023-Q1").getTotalCapitalUsd()).isEqualByComparingTo("50");
        assertThat(p.latest("FDI|SECTOR|C26|MONTH|2023-03").getNewProjects()).isEqualTo(1);
        assertThat(p.latest("FDI|SECTION|C|YEAR|2023").getTotalCapitalUsd()).isEqualByComparingTo("150");
        assertThat(p.latest("FDI|COUNTRY|JP|YEAR|2023").getTotalCapitalUsd()).isEqualByComparingTo("50");
        assertThat(p.latest("DDI|SECTION|H|YEAR|2023").getTotalCapitalVnd()).isEqualByComparingTo("2500000");
        assertThat(p.latest("DDI|COUNTRY|VN|YEAR|2023").getNewProjects()).isEqualTo(1);
        assertThat(p.latest("ALL|ZONE|DEEP_C|YEAR|2023").getTotalCapitalUsd()).isEqualByComparingTo("200");
        assertThat(p.latest("ALL|TOTAL||YEAR|2023").getNewProjects()).isEqualTo(3);
        assertThat(p.latest("ALL|TOTAL||YEAR|2023").getCumulativeProjects()).isEqualTo(3);
        assertThat(p.latest("ALL|SECTION|C|YEAR|2023").getCumulativeCapitalUsd()).isEqualByComparingTo("150");
    }

    @Test
    void whatCannotBePlacedGoesToTheDeadLetterTopicWithProvenance() {
        p.pipe(newProject("e1", "GCN-1", "2009-12-31", "100"),              // before the first USD rate
                newProject("e2", "GCN-2", "2023-01-01", "100").currency("EUR"), // no EUR rate at all
                newProject("e3", "GCN-3", "2023-01-01", "100").sector("26").line(7));
        p.pipeRaw("GCN-4", "not avro".getBytes(StandardCharsets.UTF_8));
        p.emit();
        List<DeadLetter> dead = p.deadLetters();
        assertThat(dead).hasSize(4).allSatisfy(d -> {
            assertThat(d.getStage()).isEqualTo("processor");
            assertThat(d.getSourceTopic()).isEqualTo("pulse.registrations.v1");
            assertThat(d.getSourceOffset()).isNotNull();
        });
        assertThat(dead).extracting(DeadLetter::getReason).anySatisfy(r -> assertThat(r).contains("no FX rate in force for USD on 2009-12-31"))
                .anySatisfy(r -> assertThat(r).contains("no FX rate in force for EUR on 2023-01-01"))
                .anySatisfy(r -> assertThat(r).contains("sectorCode '26'"))
                .anySatisfy(r -> assertThat(r).startsWith("cannot decode"));
        assertThat(dead).filteredOn(d -> "e3".equals(d.getEventId())).singleElement()
                .satisfies(d -> assertThat(d.getLine()).isEqualTo(7L));
        assertThat(p.latest()).isEmpty();

        // Once its rate is loaded, re-sending the refused event counts it: a refusal is not "seen".
        p.rate("EUR", "2022-12-01", "26000");
        p.pipe(newProject("e2", "GCN-2", "2023-01-01", "100").currency("EUR"));
        p.emit();
        assertThat(fdi("2023").getTotalCapitalVnd()).isEqualByComparingTo("2600000");
        assertThat(fdi("2023").getTotalCapitalUsd()).isEqualByComparingTo("104");
    }

    /**
     * The authority task does not wait to fetch its reference partitions before processing registrations
     * (max.task.idle.ms=-1), so a registration can be read before a rate posted just before it: it waits for the rate
     * instead of being refused, for up to PULSE_FX_RATE_WAIT, and then counts as if the rate had come first.
     */
    @Test
    void aRegistrationReadBeforeItsRateWaitsForItAndThenCounts() {
        assertThat(p.config().rateWait()).isEqualTo(Duration.ofMinutes(1));
        p.pipe(newProject("e1", "GCN-1", "2023-01-01", "100").currency("EUR"));
        p.pass(Duration.ofSeconds(30));
        assertThat(p.deadLetters()).as("still waiting for its rate").isEmpty();
        assertThat(p.driver().getKeyValueStore(StoreNames.WAITING_FOR_RATES).approximateNumEntries()).isEqualTo(1);

        p.rate("EUR", "2022-12-01", "26000");
        p.pass(Duration.ofSeconds(1));
        assertThat(p.driver().getKeyValueStore(StoreNames.WAITING_FOR_RATES).approximateNumEntries()).isZero();
        p.emit();
        assertThat(p.deadLetters()).isEmpty();
        assertThat(fdi("2023").getNewProjects()).isEqualTo(1);
        assertThat(fdi("2023").getTotalCapitalUsd()).isEqualByComparingTo("104");

        // Without a rate the wait ends in the DLQ, with the reason and where the registration came from.
        p.pipe(newProject("e2", "GCN-2", "2023-01-01", "100").currency("GBP"));
        p.pass(Duration.ofSeconds(59));
        assertThat(p.deadLetters()).isEmpty();
        p.pass(Duration.ofSeconds(1));
        assertThat(p.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.getEventId()).isEqualTo("e2");
            assertThat(d.getReason()).contains("no FX rate in force for GBP on 2023-01-01 within PT1M");
            assertThat(d.getSourceTopic()).isEqualTo("pulse.registrations.v1");
            assertThat(d.getSourceOffset()).isNotNull();
        });
        assertThat(p.driver().getKeyValueStore(StoreNames.WAITING_FOR_RATES).approximateNumEntries()).isZero();
    }

    @Test
    void onlyChangedFiguresAreEmittedAndEachOnce() {
        p.pipe(newProject("e1", "GCN-1", "2023-03-01", "100"));
        List<KeyValue<IndicatorKey, Indicator>> first = p.emit();
        // 3 periods (month, quarter, year) x 10 series (FDI and ALL x total, zone, sector, section, country).
        assertThat(first).hasSize(30);
        assertThat(p.emit()).isEmpty();
        p.plan(CapitalSource.DDI, 2023, null, "1000", "VND"); // no DDI facts: nothing to emit
        assertThat(p.emit()).isEmpty();
    }
}
