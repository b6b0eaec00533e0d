package vn.investpulse.processor.figures;

import vn.investpulse.processor.fx.FxRates;

/**
 * The converted totals of a month, summed from its daily facts as they are read: no merged facts are built (merging
 * the days' bucket trees was the other half of an emission's time), and every amount is converted once per rate.
 */
public final class MonthTotalsBuilder {

    private int newProjects;
    private int capitalIncreases;
    private int capitalDecreases;
    private int sharePurchases;
    private int terminations;
    private int cumulativeProjectsDelta;
    private final Conversion newCapital;
    private final Conversion adjustedCapital;
    private final Conversion sharePurchaseCapital;
    private final Conversion cumulativeCapitalDelta;

    public MonthTotalsBuilder(FxRates rates) {
        newCapital = new Conversion(rates);
        adjustedCapital = new Conversion(rates);
        sharePurchaseCapital = new Conversion(rates);
        cumulativeCapitalDelta = new Conversion(rates);
    }

    public MonthTotalsBuilder add(MonthFacts f) {
        newProjects += f.newProjects;
        capitalIncreases += f.capitalIncreases;
        capitalDecreases += f.capitalDecreases;
        sharePurchases += f.sharePurchases;
        terminations += f.terminations;
        cumulativeProjectsDelta += f.cumulativeProjectsDelta;
        newCapital.addAll(f.newCapital());
        adjustedCapital.addAll(f.adjustedCapital());
        sharePurchaseCapital.addAll(f.sharePurchaseCapital());
        cumulativeCapitalDelta.addAll(f.cumulativeCapitalDelta());
        return this;
    }

    public MonthTotals build() {
        return new MonthTotals(newProjects, capitalIncreases, capitalDecreases, sharePurchases, terminations,
                newCapital.money(), adjustedCapital.money(), sharePurchaseCapital.money(), cumulativeProjectsDelta,
                cumulativeCapitalDelta.money());
    }
}
