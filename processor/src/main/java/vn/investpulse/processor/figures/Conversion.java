package vn.investpulse.processor.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.Money;

/**
 * Converts amounts kept by (currency, own date) to USD and VND, each at the rates in force on its own date. Amounts of
 * one currency whose dates have the same rates in force are added up first and converted once: a month of a series
 * holds a bucket per day and kind, and a division per bucket was most of an emission's time. Multiplying is exact,
 * so the VND figures are those of converting amount by amount; a VND → USD division is rounded once per rate instead
 * of once per amount (34 significant digits either way). The result does not depend on the order amounts are added.
 */
public final class Conversion {

    private final FxRates rates;
    private final Map<Group, BigDecimal> sums = new HashMap<>();
    /** A date of each group: any one of them has the group's rates in force. */
    private final Map<Group, LocalDate> dates = new HashMap<>();

    public Conversion(FxRates rates) {
        this.rates = rates;
    }

    private record Group(String currency, BigDecimal usdRate, BigDecimal rate) {
    }

    /** @throws vn.investpulse.processor.fx.MissingRateException when a rate needed is not in force on that date */
    public void add(CurrencyDate where, BigDecimal amount) {
        BigDecimal usdRate = rates.vndPerUnit(FxRates.USD, where.date()).orElse(null);
        BigDecimal rate = rates.vndPerUnit(where.currency(), where.date()).orElse(null);
        if (usdRate == null || rate == null) {
            Money.convert(amount, where.currency(), where.date(), rates); // throws, naming the missing rate
        }
        Group g = new Group(where.currency(), usdRate, rate);
        BigDecimal sum = sums.get(g);
        if (sum == null) {
            sums.put(g, amount);
            dates.put(g, where.date());
        } else {
            sums.put(g, sum.add(amount));
        }
    }

    public void addAll(Buckets buckets) {
        buckets.forEach(this::add);
    }

    public Money money() {
        Money total = Money.ZERO;
        for (Map.Entry<Group, BigDecimal> e : sums.entrySet()) {
            total = total.plus(Money.convert(e.getValue(), e.getKey().currency(), dates.get(e.getKey()), rates));
        }
        return total;
    }
}
