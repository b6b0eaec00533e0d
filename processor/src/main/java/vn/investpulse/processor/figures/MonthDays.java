package vn.investpulse.processor.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The daily facts of one series in one month: a slot per day of the month. The facts store keeps one of these per
 * (series, month) instead of one entry per (series, day): an event changes about ten days of its series, and putting
 * every new day's text key into the store's ordered key set of millions was the largest share of each commit; an
 * emission reads a month with one lookup instead of a scan of its days.
 *
 * <p>Copy-on-write, day by day: {@link #copy()} shares the days (it is what the store hands its writer for a committed
 * month, which interactive queries may be reading), and {@link #add} copies a shared day before its first change. A
 * month therefore costs a copy of 31 references per commit it is written in, a day a copy of its own facts.
 */
public final class MonthDays {

    private final MonthFacts[] days;
    /** Bit d − 1 set: this instance made day d's facts itself, so it may change them in place. */
    private int owned;

    public MonthDays() {
        this(new MonthFacts[31]);
    }

    private MonthDays(MonthFacts[] days) {
        this.days = days;
    }

    /** Adds a change to the facts of day {@code dayOfMonth} (1–31); a day whose facts cancel out is left empty. */
    public MonthDays add(int dayOfMonth, MonthFacts delta) {
        int i = dayOfMonth - 1;
        int bit = 1 << i;
        MonthFacts current = days[i];
        MonthFacts next;
        if (current == null) {
            next = delta.copy(); // a delta is shared by the series it applies to: never stored itself
        } else if ((owned & bit) == 0) {
            next = current.copy().add(delta);
        } else {
            next = current.add(delta);
        }
        if (next.isEmpty()) {
            days[i] = null; // e.g. a cumulative change undone by a late row: nothing left on that day
            owned &= ~bit;
        } else {
            days[i] = next;
            owned |= bit;
        }
        return this;
    }

    /** The facts of a day (1–31), or null; not to be changed. */
    public MonthFacts day(int dayOfMonth) {
        return days[dayOfMonth - 1];
    }

    public boolean isEmpty() {
        for (MonthFacts d : days) {
            if (d != null) {
                return false;
            }
        }
        return true;
    }

    /** Every day with facts, in order, with its date in {@code month}; the facts are not to be changed. */
    public void forEachDay(YearMonth month, BiConsumer<LocalDate, MonthFacts> action) {
        for (int i = 0; i < days.length; i++) {
            if (days[i] != null) {
                action.accept(month.atDay(i + 1), days[i]);
            }
        }
    }

    /** Adds every day's facts to a month's totals. */
    public void addTo(MonthTotalsBuilder totals) {
        for (MonthFacts d : days) {
            if (d != null) {
                totals.add(d);
            }
        }
    }

    /** The same days, shared: the copy changes a day only after copying it. */
    public MonthDays copy() {
        return new MonthDays(days.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonthDays m && Arrays.equals(days, m.days);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(days);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MonthDays{");
        for (int i = 0; i < days.length; i++) {
            if (days[i] != null) {
                s.append(i + 1).append('=').append(days[i]).append(", ");
            }
        }
        return s.append('}').toString();
    }
}
