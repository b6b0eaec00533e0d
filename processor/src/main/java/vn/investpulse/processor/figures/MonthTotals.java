package vn.investpulse.processor.figures;

import vn.investpulse.processor.fx.Money;

/** The facts of a month converted to USD and VND (each amount at its own date's rate), full precision. */
public record MonthTotals(int newProjects, int capitalIncreases, int capitalDecreases, int sharePurchases, int terminations,
                          Money newCapital, Money adjustedCapital, Money sharePurchaseCapital,
                          int cumulativeProjectsDelta, Money cumulativeCapitalDelta) {

    public static final MonthTotals ZERO = new MonthTotals(0, 0, 0, 0, 0, Money.ZERO, Money.ZERO, Money.ZERO, 0, Money.ZERO);

    public MonthTotals plus(MonthTotals o) {
        return new MonthTotals(newProjects + o.newProjects, capitalIncreases + o.capitalIncreases,
                capitalDecreases + o.capitalDecreases, sharePurchases + o.sharePurchases, terminations + o.terminations,
                newCapital.plus(o.newCapital), adjustedCapital.plus(o.adjustedCapital),
                sharePurchaseCapital.plus(o.sharePurchaseCapital), cumulativeProjectsDelta + o.cumulativeProjectsDelta,
                cumulativeCapitalDelta.plus(o.cumulativeCapitalDelta));
    }

    /** Registered capital of the period: new + adjusted + share purchases. */
    public Money totalCapital() {
        return newCapital.plus(adjustedCapital).plus(sharePurchaseCapital);
    }
}
