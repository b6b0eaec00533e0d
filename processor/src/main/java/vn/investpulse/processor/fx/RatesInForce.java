package vn.investpulse.processor.fx;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The rates an amount of one currency is converted at on its date: VND per USD and VND per unit of the currency
 * (1 for VND). Equal means the same currency at numerically identical rates (same scale too, as the store holds them).
 */
public record RatesInForce(String currency, BigDecimal usdRate, BigDecimal rate) {

    public RatesInForce {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(usdRate, "usdRate");
        Objects.requireNonNull(rate, "rate");
    }

    // Written out: a record's generated equals and hashCode go through method handles, and an emission groups every
    // amount it converts by its rates. The same instance is usually compared (see StoreFxRates).
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RatesInForce r && currency.equals(r.currency) && usdRate.equals(r.usdRate)
                && rate.equals(r.rate);
    }

    @Override
    public int hashCode() {
        return (31 * currency.hashCode() + usdRate.hashCode()) * 31 + rate.hashCode();
    }
}
