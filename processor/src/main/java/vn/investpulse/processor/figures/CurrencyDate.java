package vn.investpulse.processor.figures;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/** Where an amount is kept: its currency and its own local date, so it is converted at the rate of that date. */
public record CurrencyDate(String currency, LocalDate date) implements Comparable<CurrencyDate> {

    private static final Comparator<CurrencyDate> ORDER =
            Comparator.comparing(CurrencyDate::currency).thenComparing(CurrencyDate::date);

    public CurrencyDate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(date, "date");
    }

    @Override
    public int compareTo(CurrencyDate o) {
        return ORDER.compare(this, o);
    }
}
