package vn.investpulse.processor.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.Money;
import vn.investpulse.processor.fx.RatesInForce;

/**
 * Converts amounts kept by (currency, own date) to USD and VND, each at the rates in force on its own date. Amounts of
 * one currency whose dates have the same rates in force are added up first and converted once: a month of a series
 * holds a bucket per day and kind, and a division per bucket was most of an emission's time. Multiplying is exact,
 * so the VND figures are those of converting amount by amount; a VND → USD division is rounded once per rate instead
 * of once per amount (34 significant digits either way). The result does not depend on the order amounts are added.
 *
 * <p>Amounts are summed by their place first and the rates looked up once per place when the money is asked for:
 * looking up two rates and grouping by them for every amount added was most of a month's reload in an emission.
 */
public final class Conversion {

    private final FxRates rates;
    private final Map<CurrencyDate, BigDecimal> byPlace = new HashMap<>();

    public Conversion(FxRates rates) {
        this.rates = rates;
    }

    public void add(CurrencyDate where, BigDecimal amount) {
        byPlace.merge(where, amount, BigDecimal::add);
    }

    public void addAll(Buckets buckets) {
        buckets.forEach(this::add);
    }

    /** @throws vn.investpulse.processor.fx.MissingRateException when a rate needed is not in force on a date */
    public Money money() {
        Map<RatesInForce, BigDecimal> sums = new HashMap<>();
        /* A date of each group: any one of them has the group's rates in force. */
        Map<RatesInForce, LocalDate> dates = new HashMap<>();
        byPlace.forEach((where, amount) -> {
            RatesInForce group = rates.inForce(where.currency(), where.date());
            if (group == null) {
                Money.convert(amount, where.currency(), where.date(), rates); // throws, naming the missing rate
            }
            BigDecimal sum = sums.get(group);
            if (sum == null) {
                sums.put(group, amount);
                dates.put(group, where.date());
            } else {
                sums.put(group, sum.add(amount));
            }
        });
        Money total = Money.ZERO;
        for (Map.Entry<RatesInForce, BigDecimal> e : sums.entrySet()) {
            total = total.plus(Money.convert(e.getValue(), e.getKey().currency(), dates.get(e.getKey()), rates));
        }
        return total;
    }
}
