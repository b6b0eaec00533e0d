package vn.investpulse.processor.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import vn.investpulse.processor.fx.Money;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.IndicatorSource;

/**
 * THE one place where the figures are computed, from the converted month facts of one
 * (source, dimension, value). Both the emitted indicators and the query API use it, so they agree.
 *
 * <ul>
 *   <li>period figures: the sum of the months of the period;</li>
 *   <li>{@code planProgressPct}: year-to-date total (1 January → end of the period) ÷ annual plan × 100, in the
 *       plan's currency;</li>
 *   <li>{@code yoyGrowthPct}: total ÷ total of the same period a year earlier − 1, × 100, in the reporting
 *       currency; null without an earlier figure or with a zero earlier total;</li>
 *   <li>cumulative (lũy kế): the sum of the monthly cumulative changes up to the end of the period.</li>
 * </ul>
 */
public final class FigureCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final IndicatorSource source;
    private final NavigableMap<YearMonth, MonthTotals> months;
    /** Running cumulative figures at the end of each month that has facts. */
    private final NavigableMap<YearMonth, MonthTotals> cumulativeThrough;

    public FigureCalculator(IndicatorSource source, NavigableMap<YearMonth, MonthTotals> months) {
        this(source, months, new TreeMap<>());
        updateCumulative(months, cumulativeThrough, null);
    }

    /**
     * A calculator over month totals and their running sums kept by the caller (see {@link #updateCumulative}), so a
     * change costs the months after it, not the whole history.
     */
    public FigureCalculator(IndicatorSource source, NavigableMap<YearMonth, MonthTotals> months,
                            NavigableMap<YearMonth, MonthTotals> cumulativeThrough) {
        this.source = Objects.requireNonNull(source, "source");
        this.months = months;
        this.cumulativeThrough = cumulativeThrough;
    }

    /**
     * Brings running sums up to date after the months from {@code changedFrom} on changed (null: recompute all).
     */
    public static void updateCumulative(NavigableMap<YearMonth, MonthTotals> months, NavigableMap<YearMonth, MonthTotals> running,
                                        YearMonth changedFrom) {
        if (changedFrom == null) {
            running.clear();
        } else {
            running.tailMap(changedFrom, true).clear();
        }
        Map.Entry<YearMonth, MonthTotals> before = changedFrom == null ? null : running.lowerEntry(changedFrom);
        MonthTotals sum = before == null ? MonthTotals.ZERO : before.getValue();
        for (Map.Entry<YearMonth, MonthTotals> e : (changedFrom == null ? months : months.tailMap(changedFrom, true)).entrySet()) {
            sum = sum.plus(e.getValue());
            running.put(e.getKey(), sum);
        }
    }

    /** The figures of a period, with the plan of the period's year (null when none applies). */
    public Figures figures(PeriodId period, Plan plan) {
        MonthTotals p = sum(period.firstMonth(), period.lastMonth());
        Money total = p.totalCapital();

        BigDecimal progress = null;
        if (plan != null && plan.amount().signum() != 0) {
            Money ytd = sum(YearMonth.of(period.year(), 1), period.lastMonth()).totalCapital();
            BigDecimal inPlanCurrency = "VND".equals(plan.currency()) ? ytd.vnd() : ytd.usd();
            progress = inPlanCurrency.multiply(HUNDRED).divide(plan.amount(), Money.DIVISION);
        }

        BigDecimal yoy = null;
        PeriodId earlier = period.yearEarlier();
        if (hasFacts(earlier)) {
            BigDecimal before = inReportingCurrency(source, sum(earlier.firstMonth(), earlier.lastMonth()).totalCapital());
            if (before.signum() != 0) {
                yoy = inReportingCurrency(source, total).divide(before, Money.DIVISION).subtract(BigDecimal.ONE).multiply(HUNDRED);
            }
        }

        Map.Entry<YearMonth, MonthTotals> cum = cumulativeThrough.floorEntry(period.lastMonth());
        int cumulativeProjects = cum == null ? 0 : cum.getValue().cumulativeProjectsDelta();
        Money cumulativeCapital = cum == null ? Money.ZERO : cum.getValue().cumulativeCapitalDelta();

        return new Figures(source, period, p.newProjects(), p.capitalIncreases(), p.capitalDecreases(), p.sharePurchases(),
                p.terminations(), p.newCapital(), p.adjustedCapital(), p.sharePurchaseCapital(), total,
                plan, progress, yoy, cumulativeProjects, cumulativeCapital);
    }

    public boolean hasFacts(PeriodId period) {
        return !months.subMap(period.firstMonth(), true, period.lastMonth(), true).isEmpty();
    }

    public NavigableMap<YearMonth, MonthTotals> months() {
        return months;
    }

    private MonthTotals sum(YearMonth from, YearMonth to) {
        MonthTotals sum = MonthTotals.ZERO;
        for (MonthTotals m : months.subMap(from, true, to, true).values()) {
            sum = sum.plus(m);
        }
        return sum;
    }

    public static BigDecimal inReportingCurrency(IndicatorSource source, Money money) {
        return source == IndicatorSource.DDI ? money.vnd() : money.usd();
    }

}
