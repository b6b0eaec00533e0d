package vn.investpulse.processor.figures;

import java.math.BigDecimal;
import java.util.Arrays;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.Money;
import vn.investpulse.processor.fx.RatesInForce;

/**
 * Converts amounts kept by (currency, own date) to USD and VND, each at the rates in force on its own date. Amounts
 * whose dates have the same rates in force are added up first and converted once: a month of a series holds a bucket
 * per day and kind, and a division per bucket was most of an emission's time. Multiplying is exact, so the VND figures
 * are those of converting amount by amount; a VND → USD division is rounded once per rate instead of once per amount
 * (34 significant digits either way). Sums are exact, so the result does not depend on the order amounts are added.
 *
 * <p>Each amount goes straight to the sum of its rates: the rates in force are looked up by currency and day in an
 * array ({@code StoreFxRates}), one instance per distinct rates, and a month has one or two of them (rates change
 * rarely), so a short list compared by identity first holds the sums. (Summing by place — currency and date — in a
 * hash map first, then grouping the places by rates, hashed every amount's place: over half of a month's reload.)
 */
public final class Conversion {

    private final FxRates rates;
    private RatesInForce[] groups = new RatesInForce[2];
    private BigDecimal[] sums = new BigDecimal[2];
    private int size;

    public Conversion(FxRates rates) {
        this.rates = rates;
    }

    /** @throws vn.investpulse.processor.fx.MissingRateException when a rate needed is not in force on that date */
    public void add(CurrencyDate where, BigDecimal amount) {
        RatesInForce group = rates.inForce(where.currency(), where.date(), where.epochDay());
        if (group == null) {
            Money.convert(amount, where.currency(), where.date(), rates); // throws, naming the missing rate
            throw new IllegalStateException("no rates in force for " + where + " but a conversion: " + rates);
        }
        for (int i = 0; i < size; i++) {
            if (groups[i] == group || groups[i].equals(group)) {
                sums[i] = sums[i].add(amount);
                return;
            }
        }
        if (size == groups.length) {
            groups = Arrays.copyOf(groups, size * 2);
            sums = Arrays.copyOf(sums, size * 2);
        }
        groups[size] = group;
        sums[size] = amount;
        size++;
    }

    public void addAll(Buckets buckets) {
        buckets.forEach(this::add);
    }

    public Money money() {
        Money total = Money.ZERO;
        for (int i = 0; i < size; i++) {
            total = total.plus(Money.convert(sums[i], groups[i]));
        }
        return total;
    }
}
