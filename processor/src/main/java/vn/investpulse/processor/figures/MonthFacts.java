package vn.investpulse.processor.figures;

import java.math.BigDecimal;
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
    /*
     * The capital, by kind. Copy-on-write, bucket by bucket: a copy shares its original's buckets, and a bucket is
     * copied before its first change (bit k of {@code owned} set: this instance made bucket k and may change it). A
     * stored day is copied each time an event changes it after a commit (queries may be reading the committed one), an
     * event changes one or two kinds of capital of it, and most of a day's buckets are empty: copying all four made
     * copies of days the largest share of what a replay keeps past a young collection (JFR, GC logs: about 3 KB per
     * event copied by each collection, then promoted and garbage in the old generation).
     */
    private Buckets newCapital;
    /** Increases minus decreases. */
    private Buckets adjustedCapital;
    private Buckets sharePurchaseCapital;
    /** Change of the capital of valid projects at the end of this month. */
    private Buckets cumulativeCapitalDelta;
    private int owned;
    /** Change of the number of valid projects at the end of this month versus the end of the previous one. */
    public int cumulativeProjectsDelta;

    private static final int NEW = 0;
    private static final int ADJUSTED = 1;
    private static final int SHARE_PURCHASE = 2;
    private static final int CUMULATIVE = 3;

    /** No facts: every bucket the shared empty one. */
    public MonthFacts() {
        this.newCapital = Buckets.EMPTY;
        this.adjustedCapital = Buckets.EMPTY;
        this.sharePurchaseCapital = Buckets.EMPTY;
        this.cumulativeCapitalDelta = Buckets.EMPTY;
    }

    private MonthFacts(MonthFacts o) {
        this.newCapital = o.newCapital;
        this.adjustedCapital = o.adjustedCapital;
        this.sharePurchaseCapital = o.sharePurchaseCapital;
        this.cumulativeCapitalDelta = o.cumulativeCapitalDelta;
        this.newProjects = o.newProjects;
        this.capitalIncreases = o.capitalIncreases;
        this.capitalDecreases = o.capitalDecreases;
        this.sharePurchases = o.sharePurchases;
        this.terminations = o.terminations;
        this.cumulativeProjectsDelta = o.cumulativeProjectsDelta;
    }

    /** New capital (cấp mới) by currency and date; not to be changed. */
    public Buckets newCapital() {
        return newCapital;
    }

    /** Increases minus decreases by currency and date; not to be changed. */
    public Buckets adjustedCapital() {
        return adjustedCapital;
    }

    /** Capital contributed or bought (góp vốn, mua cổ phần) by currency and date; not to be changed. */
    public Buckets sharePurchaseCapital() {
        return sharePurchaseCapital;
    }

    /** Change of the capital of valid projects by currency and date; not to be changed. */
    public Buckets cumulativeCapitalDelta() {
        return cumulativeCapitalDelta;
    }

    public MonthFacts addNewCapital(CurrencyDate where, BigDecimal amount) {
        writable(NEW).add(where, amount);
        return settled(NEW);
    }

    public MonthFacts addAdjustedCapital(CurrencyDate where, BigDecimal amount) {
        writable(ADJUSTED).add(where, amount);
        return settled(ADJUSTED);
    }

    public MonthFacts addSharePurchaseCapital(CurrencyDate where, BigDecimal amount) {
        writable(SHARE_PURCHASE).add(where, amount);
        return settled(SHARE_PURCHASE);
    }

    public MonthFacts addCumulativeCapitalDelta(CurrencyDate where, BigDecimal amount) {
        writable(CUMULATIVE).add(where, amount);
        return settled(CUMULATIVE);
    }

    private Buckets bucket(int kind) {
        return switch (kind) {
            case NEW -> newCapital;
            case ADJUSTED -> adjustedCapital;
            case SHARE_PURCHASE -> sharePurchaseCapital;
            default -> cumulativeCapitalDelta;
        };
    }

    private void set(int kind, Buckets b) {
        switch (kind) {
            case NEW -> newCapital = b;
            case ADJUSTED -> adjustedCapital = b;
            case SHARE_PURCHASE -> sharePurchaseCapital = b;
            default -> cumulativeCapitalDelta = b;
        }
    }

    /** The bucket of one kind of capital, to change now: copied first unless this instance made it. */
    private Buckets writable(int kind) {
        int bit = 1 << kind;
        Buckets b = bucket(kind);
        if ((owned & bit) == 0) {
            b = b.copy();
            set(kind, b);
            owned |= bit;
        }
        return b;
    }

    /** After a change: amounts that cancelled out leave nothing behind to keep. */
    private MonthFacts settled(int kind) {
        if (bucket(kind).isEmpty()) {
            set(kind, Buckets.EMPTY);
            owned &= ~(1 << kind);
        }
        return this;
    }

    /** Adds (sign 1) or subtracts (sign -1) another set of facts. */
    public MonthFacts add(MonthFacts o, int sign) {
        newProjects += sign * o.newProjects;
        capitalIncreases += sign * o.capitalIncreases;
        capitalDecreases += sign * o.capitalDecreases;
        sharePurchases += sign * o.sharePurchases;
        terminations += sign * o.terminations;
        cumulativeProjectsDelta += sign * o.cumulativeProjectsDelta;
        addAll(NEW, o.newCapital, sign);
        addAll(ADJUSTED, o.adjustedCapital, sign);
        addAll(SHARE_PURCHASE, o.sharePurchaseCapital, sign);
        addAll(CUMULATIVE, o.cumulativeCapitalDelta, sign);
        return this;
    }

    public MonthFacts add(MonthFacts o) {
        return add(o, 1);
    }

    private void addAll(int kind, Buckets other, int sign) {
        if (!other.isEmpty()) {
            writable(kind).addAll(other, sign);
            settled(kind);
        }
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

    /** The same facts, the buckets shared: either copy changes a bucket only after copying it. */
    public MonthFacts copy() {
        return new MonthFacts(this);
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
