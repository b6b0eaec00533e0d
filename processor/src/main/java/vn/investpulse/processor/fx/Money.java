package vn.investpulse.processor.fx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Objects;

/** An amount in both reporting currencies, at full precision (rounded only for presentation). */
public record Money(BigDecimal usd, BigDecimal vnd) {

    public static final Money ZERO = new Money(BigDecimal.ZERO, BigDecimal.ZERO);
    /** Division precision for VND → USD; everything else is exact. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    public Money {
        Objects.requireNonNull(usd, "usd");
        Objects.requireNonNull(vnd, "vnd");
    }

    public Money plus(Money o) {
        return new Money(usd.add(o.usd), vnd.add(o.vnd));
    }

    public Money negate() {
        return new Money(usd.negate(), vnd.negate());
    }

    public boolean isZero() {
        return usd.signum() == 0 && vnd.signum() == 0;
    }

    /**
     * Converts an amount at the rates in force on its own local date: USD → VND = amount × vndPerUnit(USD);
     * VND → USD = amount ÷ vndPerUnit(USD); any other currency goes through VND.
     *
     * @throws MissingRateException when a rate needed is not in force on that date
     */
    public static Money convert(BigDecimal amount, String currency, LocalDate date, FxRates rates) {
        BigDecimal usdRate = rates.vndPerUnit(FxRates.USD, date)
                .orElseThrow(() -> new MissingRateException(FxRates.USD, date));
        if (FxRates.USD.equals(currency)) {
            return new Money(amount, amount.multiply(usdRate));
        }
        BigDecimal vnd = FxRates.VND.equals(currency) ? amount
                : amount.multiply(rates.vndPerUnit(currency, date).orElseThrow(() -> new MissingRateException(currency, date)));
        return new Money(vnd.divide(usdRate, DIVISION), vnd);
    }

    /** The same conversion at rates already looked up (see {@link FxRates#inForce}). */
    public static Money convert(BigDecimal amount, RatesInForce rates) {
        if (FxRates.USD.equals(rates.currency())) {
            return new Money(amount, amount.multiply(rates.usdRate()));
        }
        BigDecimal vnd = FxRates.VND.equals(rates.currency()) ? amount : amount.multiply(rates.rate());
        return new Money(vnd.divide(rates.usdRate(), DIVISION), vnd);
    }
}
