package vn.investpulse.processor.facts;

import java.time.LocalDate;
import vn.investpulse.processor.figures.MonthFacts;

/**
 * A change of one series' facts on one local date. One delta object usually stands for the same change in several
 * series (an entry counts in five), so <b>a delta must never be mutated</b>: add it to facts, do not add to it.
 */
public record FactDelta(DimKey series, LocalDate date, MonthFacts delta) {

    /** The name of the changed day's facts, e.g. {@code FDI|TOTAL||2023-04-05}. */
    public String factKey() {
        return series.factKey(date);
    }

    /** The key of the changed month in the facts store, e.g. {@code FDI|TOTAL||2023-04}. */
    public String monthKey() {
        return series.monthKey(Contributions.month(date));
    }
}
