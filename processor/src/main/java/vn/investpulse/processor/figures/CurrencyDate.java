package vn.investpulse.processor.figures;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where an amount is kept: its currency and its own local date, so it is converted at the rate of that date.
 *
 * <p>A class rather than a record so that it can keep the date's day number: every amount an event adds is compared by
 * its place, and every amount an emission converts looks its rates up by currency and day. Comparing and looking up
 * through the {@code LocalDate} — one more object per place, scattered over a heap of millions of them — was the
 * largest share of converting a month (its reads, not its arithmetic).
 */
public final class CurrencyDate implements Comparable<CurrencyDate> {

    private final String currency;
    private final LocalDate date;
    private final long epochDay;

    public CurrencyDate(String currency, LocalDate date) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.date = Objects.requireNonNull(date, "date");
        this.epochDay = date.toEpochDay();
    }

    public String currency() {
        return currency;
    }

    public LocalDate date() {
        return date;
    }

    /** {@code date().toEpochDay()}, kept. */
    public long epochDay() {
        return epochDay;
    }

    @Override
    public int compareTo(CurrencyDate o) {
        int byCurrency = currency.compareTo(o.currency);
        return byCurrency != 0 ? byCurrency : Long.compare(epochDay, o.epochDay);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CurrencyDate c && epochDay == c.epochDay && currency.equals(c.currency);
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + Long.hashCode(epochDay);
    }

    @Override
    public String toString() {
        return "CurrencyDate[currency=" + currency + ", date=" + date + "]";
    }
}
