package vn.investpulse.processor.figures;

import java.util.Objects;
import vn.investpulse.processor.fx.FxRates;

/**
 * The base facts of one (source, dimension, value) on one local date — or summed over a month: counts and capital
 * of the events dated then, and the change of the cumulative (lũy kế) figures then. The same shape is used for a
 * delta (signed), for the stored day and for a month's sum, so applying a change is {@code facts.add(delta)}.
 */
public final class MonthFacts {

    /** Cấp mới. */
    public int newProjects;
    /** Lượt tăng vốn. */
    public int capitalIncreases;
    /** Lượt giảm vốn. */
    public int capitalDecreases;
    /** Lượt góp vốn, mua cổ phần. */
    public int sharePurchases;
    /** Chấm dứt. */
    public int terminations;
    public final Buckets newCapital;
    /** Increases minus decreases. */
    public final Buckets adjustedCapital;
    public final Buckets sharePurchaseCapital;
    /** Change of the number of valid projects at the end of this month versus the end of the previous one. */
    public int cumulativeProjectsDelta;
    /** Change of the capital of valid projects at the end of this month. */
    public final Buckets cumulativeCapitalDelta;

    public MonthFacts() {
        this(new Buckets(), new Buckets(), new Buckets(), new Buckets());
    }

    public MonthFacts(Buckets newCapital, Buckets adjustedCapital, Buckets sharePurchaseCapital, Buckets cumulativeCapitalDelta) {
        this.newCapital = newCapital;
        this.adjustedCapital = adjustedCapital;
        this.sharePurchaseCapital = sharePurchaseCapital;
        this.cumulativeCapitalDelta = cumulativeCapitalDelta;
    }

    /** Adds (sign 1) or subtracts (sign -1) another set of facts. */
    public MonthFacts add(MonthFacts o, int sign) {
        newProjects += sign * o.newProjects;
        capitalIncreases += sign * o.capitalIncreases;
        capitalDecreases += sign * o.capitalDecreases;
        sharePurchases += sign * o.sharePurchases;
        terminations += sign * o.terminations;
        cumulativeProjectsDelta += sign * o.cumulativeProjectsDelta;
        newCapital.addAll(o.newCapital, sign);
        adjustedCapital.addAll(o.adjustedCapital, sign);
        sharePurchaseCapital.addAll(o.sharePurchaseCapital, sign);
        cumulativeCapitalDelta.addAll(o.cumulativeCapitalDelta, sign);
        return this;
    }

    public MonthFacts add(MonthFacts o) {
        return add(o, 1);
    }

    public boolean isEmpty() {
        return newProjects == 0 && capitalIncreases == 0 && capitalDecreases == 0 && sharePurchases == 0
                && terminations == 0 && cumulativeProjectsDelta == 0 && newCapital.isEmpty() && adjustedCapital.isEmpty()
                && sharePurchaseCapital.isEmpty() && cumulativeCapitalDelta.isEmpty();
    }

    /** Converts every bucket at its own date's rate. */
    public MonthTotals totals(FxRates rates) {
        return new MonthTotals(newProjects, capitalIncreases, capitalDecreases, sharePurchases, terminations,
                newCapital.convert(rates), adjustedCapital.convert(rates), sharePurchaseCapital.convert(rates),
                cumulativeProjectsDelta, cumulativeCapitalDelta.convert(rates));
    }

    public MonthFacts copy() {
        MonthFacts c = new MonthFacts(newCapital.copy(), adjustedCapital.copy(), sharePurchaseCapital.copy(), cumulativeCapitalDelta.copy());
        c.newProjects = newProjects;
        c.capitalIncreases = capitalIncreases;
        c.capitalDecreases = capitalDecreases;
        c.sharePurchases = sharePurchases;
        c.terminations = terminations;
        c.cumulativeProjectsDelta = cumulativeProjectsDelta;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonthFacts m && newProjects == m.newProjects && capitalIncreases == m.capitalIncreases
                && capitalDecreases == m.capitalDecreases && sharePurchases == m.sharePurchases
                && terminations == m.terminations && cumulativeProjectsDelta == m.cumulativeProjectsDelta
                && newCapital.equals(m.newCapital) && adjustedCapital.equals(m.adjustedCapital)
                && sharePurchaseCapital.equals(m.sharePurchaseCapital) && cumulativeCapitalDelta.equals(m.cumulativeCapitalDelta);
    }

    @Override
    public int hashCode() {
        return Objects.hash(newProjects, capitalIncreases, capitalDecreases, sharePurchases, terminations, cumulativeProjectsDelta);
    }

    @Override
    public String toString() {
        return "MonthFacts{new=" + newProjects + ", inc=" + capitalIncreases + ", dec=" + capitalDecreases
                + ", share=" + sharePurchases + ", term=" + terminations + ", newCap=" + newCapital
                + ", adjCap=" + adjustedCapital + ", shareCap=" + sharePurchaseCapital
                + ", cumProjects=" + cumulativeProjectsDelta + ", cumCap=" + cumulativeCapitalDelta + "}";
    }
}
