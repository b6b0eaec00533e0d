package vn.investpulse.processor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.investpulse.processor.figures.FigureCalculator;
import vn.investpulse.processor.figures.Figures;
import vn.investpulse.processor.figures.MonthFacts;
import vn.investpulse.processor.figures.MonthTotals;
import vn.investpulse.processor.figures.Plan;
import vn.investpulse.processor.fx.FxTable;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.IndicatorSource;

/** The fact math without Kafka: entries applied through {@link Contributions}, figures through {@link FigureCalculator}. */
class ContributionsTest {

    private final FxTable fx = new FxTable().put("USD", LocalDate.of(2000, 1, 1), "25000");

    private final Map<String, MonthFacts> facts = new HashMap<>();
    private final Map<String, ProjectState> projects = new HashMap<>();
    private int ids;

    private void apply(String cert, EventType type, String date, String amountUsd) {
        ProjectEvent e = new ProjectEvent("e" + (++ids), type, CapitalSource.FDI, "DEEP_C", "C26", "KR",
                LocalDate.parse(date), amountUsd == null ? null : "USD", amountUsd == null ? null : new BigDecimal(amountUsd));
        ProjectState before = projects.getOrDefault(cert, ProjectState.empty());
        Contributions.changes(before, e).forEach((k, d) -> facts.computeIfAbsent(k, x -> new MonthFacts()).add(d));
        projects.put(cert, before.with(e));
    }

    private Figures figures(String period) {
        DimKey total = DimKey.total(IndicatorSource.FDI);
        NavigableMap<YearMonth, MonthTotals> months = new TreeMap<>();
        Map<YearMonth, MonthFacts> byMonth = new TreeMap<>();
        facts.forEach((k, f) -> {
            if (k.startsWith(total.prefix())) {
                byMonth.computeIfAbsent(DimKey.monthOfFactKey(k), m -> new MonthFacts()).add(f);
            }
        });
        byMonth.forEach((m, f) -> months.put(m, f.totals(fx)));
        return new FigureCalculator(IndicatorSource.FDI, months).figures(PeriodId.parse(period), new Plan(new BigDecimal("1000"), "USD"));
    }

    @Test
    void terminationRemovesAProjectAndItsCapitalFromItsMonthOnButKeepsRegisteredCapital() {
        apply("A", EventType.NEW, "2020-03-10", "100");
        apply("A", EventType.CAPITAL_INCREASE, "2021-05-01", "50");
        apply("A", EventType.SHARE_PURCHASE, "2021-06-01", "20");
        apply("A", EventType.CAPITAL_DECREASE, "2022-01-15", "30");
        apply("B", EventType.NEW, "2021-01-02", "10");
        apply("A", EventType.TERMINATION, "2023-04-20", null);

        assertThat(figures("2023-03").cumulativeProjects()).isEqualTo(2);
        assertThat(figures("2023-03").cumulativeCapital().usd()).isEqualByComparingTo("150"); // 100+50+20-30 + 10
        assertThat(figures("2023-04").cumulativeProjects()).isEqualTo(1);
        assertThat(figures("2023-04").cumulativeCapital().usd()).isEqualByComparingTo("10");
        assertThat(figures("2023-04").terminations()).isEqualTo(1);
        assertThat(figures("2023-04").totalCapital().usd()).isEqualByComparingTo("0");
        assertThat(figures("2021").totalCapital().usd()).isEqualByComparingTo("80");
        assertThat(figures("2022").adjustedCapital().usd()).isEqualByComparingTo("-30");
        assertThat(figures("2022").capitalDecreases()).isEqualTo(1);
        assertThat(figures("2021-06").sharePurchaseCapital().usd()).isEqualByComparingTo("20");
    }

    @Test
    void theResultDoesNotDependOnArrivalOrder() {
        List<Object[]> entries = List.of(
                new Object[]{"A", EventType.NEW, "2020-03-10", "100"},
                new Object[]{"A", EventType.CAPITAL_INCREASE, "2021-05-01", "50"},
                new Object[]{"A", EventType.TERMINATION, "2022-02-01", null},
                new Object[]{"B", EventType.CAPITAL_INCREASE, "2020-01-01", "7"},
                new Object[]{"B", EventType.NEW, "2020-06-01", "10"});
        for (Object[] e : entries) {
            apply((String) e[0], (EventType) e[1], (String) e[2], (String) e[3]);
        }
        Map<String, String> inOrder = snapshot();
        for (long seed = 1; seed <= 20; seed++) {
            facts.clear();
            projects.clear();
            List<Object[]> shuffled = new ArrayList<>(entries);
            Collections.shuffle(shuffled, new java.util.Random(seed));
            for (Object[] e : shuffled) {
                apply((String) e[0], (EventType) e[1], (String) e[2], (String) e[3]);
            }
            assertThat(snapshot()).as("order %d", seed).isEqualTo(inOrder);
        }
        // B's increase dated before its NEW counts from the NEW month on.
        assertThat(figures("2020-05").cumulativeCapital().usd()).isEqualByComparingTo("100");
        assertThat(figures("2020-06").cumulativeCapital().usd()).isEqualByComparingTo("117");
        assertThat(figures("2022-02").cumulativeProjects()).isEqualTo(1);
        assertThat(figures("2022-02").cumulativeCapital().usd()).isEqualByComparingTo("17");
    }

    private Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        for (String p : List.of("2020-01", "2020-05", "2020-06", "2021-05", "2022-01", "2022-02", "2020", "2021", "2022")) {
            out.put(p, figures(p).fingerprint());
        }
        return out;
    }

    @Test
    void registeredAndTerminatedInTheSameMonthIsNeverCumulative() {
        apply("A", EventType.NEW, "2023-05-02", "100");
        apply("A", EventType.TERMINATION, "2023-05-30", null);
        assertThat(figures("2023-05").cumulativeProjects()).isZero();
        assertThat(figures("2023-05").newProjects()).isEqualTo(1);
        assertThat(figures("2023-05").newCapital().usd()).isEqualByComparingTo("100");
        assertThat(facts.values()).allSatisfy(f -> {
            assertThat(f.cumulativeCapitalDelta().isEmpty()).isTrue();
            assertThat(f.cumulativeProjectsDelta).isZero();
        });
    }

    @Test
    void planProgressIsYearToDateAndYoyComparesTheSamePeriod() {
        apply("A", EventType.NEW, "2022-02-01", "100");
        apply("B", EventType.NEW, "2023-01-10", "150");
        apply("C", EventType.NEW, "2023-02-10", "50");
        Figures feb = figures("2023-02");
        assertThat(Figures.percent(feb.planProgressPct())).isEqualByComparingTo("20.00"); // (150+50)/1000
        assertThat(Figures.percent(feb.yoyGrowthPct())).isEqualByComparingTo("-50.00"); // 50 vs 100
        assertThat(figures("2023-01").yoyGrowthPct()).isNull(); // January 2022 has no figure
        assertThat(Figures.percent(figures("2023").yoyGrowthPct())).isEqualByComparingTo("100.00");
    }

    /**
     * {@link Contributions#changes} takes a shortcut when the entry counting a project stays the same; in every order of
     * every kind of entry it must equal the plain definition: the new entry's period facts plus the project's
     * cumulative facts after, minus before.
     */
    @Test
    void changesEqualPeriodPlusCumulativeAfterMinusBeforeInRandomHistories() {
        java.util.Random random = new java.util.Random(20261121);
        EventType[] types = EventType.values();
        for (int history = 0; history < 2000; history++) {
            ProjectState project = ProjectState.empty();
            int entries = 1 + random.nextInt(8);
            for (int i = 0; i < entries; i++) {
                EventType type = types[random.nextInt(types.length)];
                LocalDate date = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(2500));
                boolean term = type == EventType.TERMINATION;
                ProjectEvent e = new ProjectEvent("h" + history + "e" + i, type, CapitalSource.FDI, "DEEP_C", "C26",
                        random.nextBoolean() ? "KR" : "JP", date, term ? null : "USD",
                        term ? null : BigDecimal.valueOf(1 + random.nextInt(1000)));
                Map<String, MonthFacts> expected = Contributions.period(e);
                Contributions.cumulative(project.with(e)).forEach((k, f) -> expected.computeIfAbsent(k, x -> new MonthFacts()).add(f, 1));
                Contributions.cumulative(project).forEach((k, f) -> expected.computeIfAbsent(k, x -> new MonthFacts()).add(f, -1));
                expected.values().removeIf(MonthFacts::isEmpty);
                assertThat(Contributions.changes(project, e)).as("history %d, entry %d", history, i).isEqualTo(expected);
                project = project.with(e);
            }
        }
    }
}
