package vn.investpulse.processor.figures;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.Money;

/**
 * Amounts kept by (currency, local date) at full precision. Converting sums bucket by bucket at each
 * bucket's own rate keeps "every amount at the rate in force on its own date" exact even after a rate changes.
 */
public final class Buckets {

    private final TreeMap<CurrencyDate, BigDecimal> amounts;

    public Buckets() {
        this.amounts = new TreeMap<>();
    }

    private Buckets(TreeMap<CurrencyDate, BigDecimal> amounts) {
        this.amounts = amounts;
    }

    public Buckets add(CurrencyDate where, BigDecimal amount) {
        if (amount.signum() == 0) {
            return this;
        }
        BigDecimal sum = amounts.merge(where, amount, BigDecimal::add);
        if (sum.signum() == 0) {
            amounts.remove(where); // keeps deltas and facts small: a cancelled amount leaves nothing behind
        }
        return this;
    }

    public Buckets addAll(Buckets other, int sign) {
        other.amounts.forEach((k, v) -> add(k, sign < 0 ? v.negate() : v));
        return this;
    }

    public boolean isEmpty() {
        return amounts.isEmpty();
    }

    public Map<CurrencyDate, BigDecimal> asMap() {
        return Collections.unmodifiableMap(amounts);
    }

    /** The sum in USD and VND, each bucket at the rate in force on its own date (see {@link Conversion}). */
    public Money convert(FxRates rates) {
        Conversion c = new Conversion(rates);
        c.addAll(this);
        return c.money();
    }

    public Buckets copy() {
        // Copying a sorted map builds the tree in linear time; adding the amounts one by one compared every key.
        return new Buckets(new TreeMap<>(amounts));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Buckets b && amountsEqual(amounts, b.amounts);
    }

    private static boolean amountsEqual(Map<CurrencyDate, BigDecimal> a, Map<CurrencyDate, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (var e : a.entrySet()) {
            if (e.getValue().compareTo(b.get(e.getKey())) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amounts.keySet());
    }

    @Override
    public String toString() {
        return amounts.toString();
    }
}
