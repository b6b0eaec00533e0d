package vn.investpulse.processor.store;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.figures.FigureCalculator;
import vn.investpulse.processor.figures.Figures;
import vn.investpulse.processor.figures.MonthDays;
import vn.investpulse.processor.figures.MonthTotalsBuilder;
import vn.investpulse.processor.figures.MonthTotals;
import vn.investpulse.processor.figures.Plan;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.StoreFxRates;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;

/**
 * Reads series from the processor's stores — the same code whether the stores are a task's own (for the
 * emitted indicators) or interactive-query views (for the HTTP API), so both give the same figures.
 */
public final class SeriesStores {

    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, MonthDays> facts;
    private final ReadOnlyKeyValueStore<String, BigDecimal> fx;
    private final ReadOnlyKeyValueStore<String, Plan> plans;

    public SeriesStores(ReadOnlyKeyValueStore<String, MonthDays> facts, ReadOnlyKeyValueStore<String, BigDecimal> fx,
                        ReadOnlyKeyValueStore<String, Plan> plans) {
        this.facts = facts;
        this.fx = fx;
        this.plans = plans;
    }

    /** Rates for one computation (lookups memoised until the next call). */
    public FxRates rates() {
        return new StoreFxRates(fx);
    }

    /**
     * The converted totals of a series by month, in month order. An ALL series is the sum of its FDI and DDI parts'
     * converted totals, month by month (so ALL is exactly FDI + DDI, and an emission can sum parts it has just computed).
     */
    public NavigableMap<YearMonth, MonthTotals> monthTotals(DimKey series, FxRates rates) {
        NavigableMap<YearMonth, MonthTotals> out = new TreeMap<>();
        if (series.source() == IndicatorSource.ALL) {
            for (DimKey part : series.storedParts()) {
                monthTotals(part, rates).forEach((m, t) -> out.merge(m, t, MonthTotals::plus));
            }
            return out;
        }
        try (KeyValueIterator<String, MonthDays> it = facts.prefixScan(series.prefix(), KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, MonthDays> kv = it.next();
                MonthTotalsBuilder month = new MonthTotalsBuilder(rates);
                kv.value.addTo(month);
                out.put(DimKey.monthOfMonthKey(kv.key), month.build());
            }
        }
        return out;
    }

    /** The converted totals of one month of a series, or null when it has no facts (ALL: the sum of its parts'). */
    public MonthTotals monthTotals(DimKey series, YearMonth month, FxRates rates) {
        if (series.source() == IndicatorSource.ALL) {
            MonthTotals sum = null;
            for (DimKey part : series.storedParts()) {
                sum = plus(sum, monthTotals(part, month, rates));
            }
            return sum;
        }
        MonthDays days = facts.get(series.monthKey(month));
        if (days == null) {
            return null;
        }
        MonthTotalsBuilder sum = new MonthTotalsBuilder(rates);
        days.addTo(sum);
        return sum.build();
    }

    /** The sum of two months' totals, either of which may be absent (null). */
    public static MonthTotals plus(MonthTotals a, MonthTotals b) {
        return a == null ? b : b == null ? a : a.plus(b);
    }

    /** A calculator over a series, every amount converted at its own date's rate. */
    public FigureCalculator calculator(DimKey series, FxRates rates) {
        return new FigureCalculator(series.source(), monthTotals(series, rates));
    }

    /** The figures of one series and period (zeros when it has no facts). */
    public Figures figures(DimKey series, PeriodId period) {
        return calculator(series, rates()).figures(period, planFor(series, period.year()));
    }

    /**
     * The plan a series is measured against: FDI/DDI totals use {@code SOURCE:year}, a zone uses its own plan
     * {@code SOURCE:year:ZONE} if one exists; ALL and the other dimensions have none.
     */
    public Plan planFor(DimKey series, int year) {
        if (series.source() == IndicatorSource.ALL) {
            return null;
        }
        return switch (series.dimension()) {
            case TOTAL -> plans.get(Plan.key(series.source().name(), year, null));
            case ZONE -> plans.get(Plan.key(series.source().name(), year, series.value()));
            default -> null;
        };
    }

    /** The values a dimension has facts for, e.g. every zone with FDI registrations. */
    public SortedSet<String> values(IndicatorSource source, Dimension dimension) {
        SortedSet<String> out = new TreeSet<>();
        for (DimKey part : new DimKey(source, dimension, dimension == Dimension.TOTAL ? "" : "x").storedParts()) {
            String prefix = DimKey.dimensionPrefix(part.source(), dimension);
            for (DimKey k : seriesBetween(prefix, prefix + PAST)) {
                out.add(k.value());
            }
        }
        return out;
    }

    /** Every series with facts: the stored ones and the ALL series they are part of. */
    public Set<DimKey> allSeries() {
        Set<DimKey> out = new LinkedHashSet<>();
        for (DimKey stored : seriesBetween("", null)) {
            out.add(stored);
            out.add(stored.withSource(IndicatorSource.ALL));
        }
        return out;
    }

    /** Sorts after every character of a key, so {@code prefix + PAST} is past every key with that prefix. */
    private static final String PAST = "\uffff";

    /** The series with keys in [from, to), one seek per series (their days are skipped, not read). */
    private Set<DimKey> seriesBetween(String from, String to) {
        Set<DimKey> out = new LinkedHashSet<>();
        String next = from;
        while (true) {
            String key;
            try (KeyValueIterator<String, MonthDays> it = facts.range(next, to)) {
                if (!it.hasNext()) {
                    return out;
                }
                key = it.next().key;
            }
            DimKey series = DimKey.ofFactKey(key);
            out.add(series);
            next = series.prefix() + PAST;
        }
    }
}
