package vn.investpulse.processor.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.figures.FigureCalculator;
import vn.investpulse.processor.figures.Figures;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.Money;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.processor.store.SeriesStores;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;

/**
 * The figures the API serves, computed from the processor's stores with the same {@link FigureCalculator} the
 * emitted indicators use. A period without facts gives zeros.
 */
public final class IndicatorQueries {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Supplier<SeriesStores> stores;

    /** @param stores the stores to read, fetched per request (interactive-query handles can go stale on rebalance) */
    public IndicatorQueries(Supplier<SeriesStores> stores) {
        this.stores = stores;
    }

    public Figures one(DimKey series, PeriodId period) {
        return stores.get().figures(series, period);
    }

    public List<Figures> series(DimKey series, List<PeriodId> periods) {
        SeriesStores s = stores.get();
        FigureCalculator calc = s.calculator(series, s.rates());
        List<Figures> out = new ArrayList<>(periods.size());
        for (PeriodId p : periods) {
            out.add(calc.figures(p, s.planFor(series, p.year())));
        }
        return out;
    }

    /** Every value of a dimension with registrations in the period, sorted by total capital (reporting currency) descending, with its share of the total. */
    public List<BreakdownRow> breakdown(IndicatorSource source, Dimension dimension, PeriodId period) {
        SeriesStores s = stores.get();
        FxRates rates = s.rates();
        DimKey total = DimKey.total(source);
        BigDecimal whole = s.calculator(total, rates).figures(period, null).totalInReportingCurrency();
        List<BreakdownRow> rows = new ArrayList<>();
        for (String value : s.values(source, dimension)) {
            DimKey key = new DimKey(source, dimension, value);
            FigureCalculator calc = s.calculator(key, rates);
            if (!calc.hasFacts(period)) {
                continue; // a value with no registration in the period is not part of its breakdown
            }
            Figures f = calc.figures(period, s.planFor(key, period.year()));
            BigDecimal share = whole.signum() == 0 ? null
                    : f.totalInReportingCurrency().multiply(HUNDRED).divide(whole, Money.DIVISION);
            rows.add(new BreakdownRow(key, f, share));
        }
        rows.sort(Comparator.comparing((BreakdownRow r) -> r.figures().totalInReportingCurrency()).reversed()
                .thenComparing(r -> r.series().value()));
        return rows;
    }
}
