package vn.investpulse.processor.figures;

import java.time.LocalDate;
import java.util.Objects;

/** Where an amount is kept: its currency and its own local date, so it is converted at the rate of that date. */
public record CurrencyDate(String currency, LocalDate date) implements Comparable<CurrencyDate> {

    public CurrencyDate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(date, "date");
    }

    @Override
    public int compareTo(CurrencyDate o) {
        // Written out: every add to a bucket compares keys, and a comparator chain of key extractors was a visible share.
        int byCurrency = currency.compareTo(o.currency);
        return byCurrency != 0 ? byCurrency : date.compareTo(o.date);
    }

    // Written out as well: a record's generated equals and hashCode go through method handles, and every amount an
    // emission converts or an event adds is hashed or compared by its place (a visible share of the emission's time).
    @Override
    public boolean equals(Object o) {
        return o instanceof CurrencyDate c && date.equals(c.date) && currency.equals(c.currency);
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + date.hashCode();
    }
}
