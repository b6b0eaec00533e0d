package vn.investpulse.processor.fx;

import java.time.LocalDate;

/** No FX rate of a currency is in force on a date (none with effectiveDate on or before it). */
public final class MissingRateException extends RuntimeException {

    private final String currency;
    private final LocalDate date;

    public MissingRateException(String currency, LocalDate date) {
        super("no FX rate in force for " + currency + " on " + date + " (none with effectiveDate <= " + date + ")");
        this.currency = currency;
        this.date = date;
    }

    public String currency() {
        return currency;
    }

    public LocalDate date() {
        return date;
    }
}
