package vn.investpulse.processor.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Tỷ giá — VND per unit of a currency in force on a local date: the latest rate with effectiveDate ≤ that date. */
public interface FxRates {

    String VND = "VND";
    String USD = "USD";

    /** The rate in force on {@code date}; VND is always 1. Empty when no rate has taken effect yet. */
    Optional<BigDecimal> vndPerUnit(String currency, LocalDate date);

    /**
     * The rates an amount of {@code currency} dated {@code date} is converted at — USD's and its own — or null when
     * either is not in force. Amounts whose rates are equal can be added up before they are converted.
     */
    default RatesInForce inForce(String currency, LocalDate date) {
        BigDecimal usdRate = vndPerUnit(USD, date).orElse(null);
        BigDecimal rate = vndPerUnit(currency, date).orElse(null);
        return usdRate == null || rate == null ? null : new RatesInForce(currency, usdRate, rate);
    }

    /** {@link #inForce(String, LocalDate)} with the date's {@code toEpochDay()} at hand, for rates kept by day. */
    default RatesInForce inForce(String currency, LocalDate date, long epochDay) {
        return inForce(currency, date);
    }

    /** The key of a rate on pulse.ref.fx-rates.v1 and in the local store: {@code USD:2023-01-01}. */
    static String key(String currency, LocalDate effectiveDate) {
        return currency + ":" + effectiveDate;
    }
}
