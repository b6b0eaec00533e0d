package vn.investpulse.processor.facts;

import java.time.LocalDate;
import vn.investpulse.processor.figures.MonthFacts;

/**
 * A change of one series' facts on one local date. One delta object usually stands for the same change in several
 * series (an entry counts in five), so <b>a delta must never be mutated</b>: add it to facts, do not add to it.
 */
public record FactDelta(DimKey series, LocalDate date, MonthFacts delta) {

    /** The key of the changed fact in the facts store. */
    public String factKey() {
        return series.factKey(date);
    }
}
