package vn.investpulse.processor.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.Money;
import vn.investpulse.processor.fx.RatesInForce;

/**
 * The converted totals of a month, summed from its daily facts as they are read: no merged facts are built (merging
 * the days' bucket trees was the other half of an emission's time), and every amount is converted once per rate.
 *
 * <p>The four kinds of capital are summed together by place (currency, date), so the rates of a place are looked up
 * once for all of them, and converted per kind and distinct rates in force — the same sums and divisions as one
 * {@link Conversion} per kind, with a quarter of the lookups and maps (reloading month totals was half of the final
 * emission of a replay).
 */
public final class MonthTotalsBuilder {

    private static final int NEW = 0;
    private static final int ADJUSTED = 1;
    private static final int SHARE_PURCHASE = 2;
    private static final int CUMULATIVE = 3;
    private static final int KINDS = 4;

    private final FxRates rates;
    private int newProjects;
    private int capitalIncreases;
    private int capitalDecreases;
    private int sharePurchases;
    private int terminations;
    private int cumulativeProjectsDelta;
    /** Per place, the sum of each kind of capital kept there (null: none of that kind). */
    private final Map<CurrencyDate, BigDecimal[]> byPlace = new HashMap<>();

    public MonthTotalsBuilder(FxRates rates) {
        this.rates = rates;
    }

    public MonthTotalsBuilder add(MonthFacts f) {
        newProjects += f.newProjects;
        capitalIncreases += f.capitalIncreases;
        capitalDecreases += f.capitalDecreases;
        sharePurchases += f.sharePurchases;
        terminations += f.terminations;
        cumulativeProjectsDelta += f.cumulativeProjectsDelta;
        add(NEW, f.newCapital);
        add(ADJUSTED, f.adjustedCapital);
        add(SHARE_PURCHASE, f.sharePurchaseCapital);
        add(CUMULATIVE, f.cumulativeCapitalDelta);
        return this;
    }

    private void add(int kind, Buckets buckets) {
        buckets.forEach((where, amount) -> {
            BigDecimal[] sums = byPlace.computeIfAbsent(where, w -> new BigDecimal[KINDS]);
            sums[kind] = sums[kind] == null ? amount : sums[kind].add(amount);
        });
    }

    /** Sums of one kind of capital kept at places with the same rates in force, and a date of theirs. */
    private static final class Group {
        final BigDecimal[] sums = new BigDecimal[KINDS];
        final LocalDate date;

        Group(LocalDate date) {
            this.date = date;
        }
    }

    /** @throws vn.investpulse.processor.fx.MissingRateException when a rate needed is not in force on a date */
    public MonthTotals build() {
        Map<RatesInForce, Group> groups = new HashMap<>();
        byPlace.forEach((where, sums) -> {
            RatesInForce inForce = rates.inForce(where.currency(), where.date());
            if (inForce == null) {
                Money.convert(BigDecimal.ZERO, where.currency(), where.date(), rates); // throws, naming the missing rate
            }
            Group g = groups.computeIfAbsent(inForce, r -> new Group(where.date()));
            for (int kind = 0; kind < KINDS; kind++) {
                if (sums[kind] != null) {
                    g.sums[kind] = g.sums[kind] == null ? sums[kind] : g.sums[kind].add(sums[kind]);
                }
            }
        });
        Money[] totals = {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO};
        groups.forEach((inForce, g) -> {
            for (int kind = 0; kind < KINDS; kind++) {
                if (g.sums[kind] != null) {
                    totals[kind] = totals[kind].plus(Money.convert(g.sums[kind], inForce.currency(), g.date, rates));
                }
            }
        });
        return new MonthTotals(newProjects, capitalIncreases, capitalDecreases, sharePurchases, terminations,
                totals[NEW], totals[ADJUSTED], totals[SHARE_PURCHASE], cumulativeProjectsDelta, totals[CUMULATIVE]);
    }
}
