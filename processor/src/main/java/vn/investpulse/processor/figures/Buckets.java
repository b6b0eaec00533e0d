package vn.investpulse.processor.figures;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.Money;

/**
 * Amounts kept by (currency, local date) at full precision. Converting sums bucket by bucket at each
 * bucket's own rate keeps "every amount at the rate in force on its own date" exact even after a rate changes.
 *
 * <p>A day's fact holds one amount per currency dated that day, and every event copies and adds to several of them:
 * up to {@link #SMALL} amounts live in two small arrays searched in order (no tree to build or compare through, an
 * empty one allocates nothing); more move to a hash map. The order amounts are kept in means nothing: sums are exact.
 */
public final class Buckets {

    static final int SMALL = 8;
    /**
     * No amounts, shared by every fact that has none of a kind of capital (most kinds of most days): never changed,
     * copied first ({@link MonthFacts} does), so that a million days do not each keep empty buckets of their own.
     */
    public static final Buckets EMPTY = new Buckets();
    private static final CurrencyDate[] NO_KEYS = new CurrencyDate[0];
    private static final BigDecimal[] NO_AMOUNTS = new BigDecimal[0];

    private CurrencyDate[] keys;
    private BigDecimal[] amounts;
    private int size;
    /** Non-null once more than {@link #SMALL} amounts were kept; then the arrays are unused. */
    private HashMap<CurrencyDate, BigDecimal> large;

    public Buckets() {
        this.keys = NO_KEYS;
        this.amounts = NO_AMOUNTS;
    }

    public Buckets add(CurrencyDate where, BigDecimal amount) {
        if (this == EMPTY) {
            throw new IllegalStateException("the shared empty buckets are never changed: copy them first");
        }
        if (amount.signum() == 0) {
            return this;
        }
        if (large != null) {
            BigDecimal sum = large.merge(where, amount, BigDecimal::add);
            if (sum.signum() == 0) {
                large.remove(where);
            }
            return this;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(where)) {
                BigDecimal sum = amounts[i].add(amount);
                if (sum.signum() == 0) {
                    removeAt(i); // keeps deltas and facts small: a cancelled amount leaves nothing behind
                } else {
                    amounts[i] = sum;
                }
                return this;
            }
        }
        if (size == SMALL) {
            HashMap<CurrencyDate, BigDecimal> map = new HashMap<>();
            forEach(map::put);
            map.put(where, amount);
            large = map;
            keys = NO_KEYS;
            amounts = NO_AMOUNTS;
            size = 0;
            return this;
        }
        if (size == keys.length) {
            int capacity = Math.max(2, size * 2);
            keys = Arrays.copyOf(keys, capacity);
            amounts = Arrays.copyOf(amounts, capacity);
        }
        keys[size] = where;
        amounts[size] = amount;
        size++;
        return this;
    }

    private void removeAt(int i) {
        int last = size - 1;
        keys[i] = keys[last];
        amounts[i] = amounts[last];
        keys[last] = null;
        amounts[last] = null;
        size = last;
    }

    public Buckets addAll(Buckets other, int sign) {
        // A plain loop, not forEach with a lambda: this runs for four kinds of capital per fact per event, and most of
        // them are empty.
        if (other.large != null) {
            for (Map.Entry<CurrencyDate, BigDecimal> e : other.large.entrySet()) {
                add(e.getKey(), sign < 0 ? e.getValue().negate() : e.getValue());
            }
            return this;
        }
        for (int i = 0; i < other.size; i++) {
            add(other.keys[i], sign < 0 ? other.amounts[i].negate() : other.amounts[i]);
        }
        return this;
    }

    public boolean isEmpty() {
        return large != null ? large.isEmpty() : size == 0;
    }

    /** Every amount with where it is kept, in no particular order. */
    public void forEach(BiConsumer<CurrencyDate, BigDecimal> action) {
        if (large != null) {
            large.forEach(action);
            return;
        }
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], amounts[i]);
        }
    }

    /** The amount kept at {@code where}, or null. */
    BigDecimal get(CurrencyDate where) {
        if (large != null) {
            return large.get(where);
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(where)) {
                return amounts[i];
            }
        }
        return null;
    }

    int size() {
        return large != null ? large.size() : size;
    }

    /** The sum in USD and VND, each bucket at the rate in force on its own date (see {@link Conversion}). */
    public Money convert(FxRates rates) {
        Conversion c = new Conversion(rates);
        c.addAll(this);
        return c.money();
    }

    public Buckets copy() {
        Buckets copy = new Buckets();
        if (large != null) {
            copy.large = new HashMap<>(large);
        } else if (size > 0) {
            // BigDecimal and CurrencyDate are immutable: the arrays are copied, the amounts shared.
            copy.keys = Arrays.copyOf(keys, size);
            copy.amounts = Arrays.copyOf(amounts, size);
            copy.size = size;
        }
        return copy;
    }

    /** Equal when the same places hold numerically equal amounts (2.50 equals 2.5). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Buckets b) || b.size() != size()) {
            return false;
        }
        boolean[] equal = {true};
        forEach((k, v) -> {
            BigDecimal other = b.get(k);
            if (other == null || other.compareTo(v) != 0) {
                equal[0] = false;
            }
        });
        return equal[0];
    }

    @Override
    public int hashCode() {
        int[] h = {0};
        forEach((k, v) -> h[0] += k.hashCode());
        return h[0];
    }

    /** Sorted by currency and date, for messages and logs. */
    @Override
    public String toString() {
        Map<CurrencyDate, BigDecimal> sorted = new TreeMap<>();
        forEach(sorted::put);
        return sorted.toString();
    }
}
