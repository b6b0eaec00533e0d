package vn.investpulse.processor.facts;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.investpulse.processor.figures.CurrencyDate;
import vn.investpulse.processor.figures.MonthFacts;
import vn.investpulse.schemas.EventType;

/**
 * How register entries change the month facts. Period figures are event-local (an entry counts in the month
 * of its own date). Cumulative figures (lũy kế) depend on the whole project, so they are recomputed from the
 * project's entries and only the DIFFERENCE is applied — which makes the result independent of the order the
 * entries arrive in (late rows, a NEW arriving after its increases, an old project terminated years later).
 */
public final class Contributions {

    private Contributions() {
    }

    /** The period facts of one entry: its counts and capital in the month of its own local date. */
    public static Map<String, MonthFacts> period(ProjectEvent e) {
        MonthFacts f = new MonthFacts();
        CurrencyDate where = e.currency() == null ? null : new CurrencyDate(e.currency(), e.date());
        switch (e.type()) {
            case NEW -> {
                f.newProjects = 1;
                f.newCapital.add(where, e.amount());
            }
            case CAPITAL_INCREASE -> {
                f.capitalIncreases = 1;
                f.adjustedCapital.add(where, e.amount());
            }
            case CAPITAL_DECREASE -> {
                f.capitalDecreases = 1;
                f.adjustedCapital.add(where, e.amount().negate());
            }
            case SHARE_PURCHASE -> {
                f.sharePurchases = 1;
                f.sharePurchaseCapital.add(where, e.amount());
            }
            case TERMINATION -> f.terminations = 1;
        }
        Map<String, MonthFacts> out = new HashMap<>();
        YearMonth month = YearMonth.from(e.date());
        for (DimKey k : e.series()) {
            out.put(k.factKey(month), f.copy());
        }
        return out;
    }

    /**
     * The cumulative contribution of a project, as monthly changes: valid at the end of month M iff
     * month(NEW) ≤ M < month(TERMINATION); its capital then is every amount dated in a month ≤ M. Counted in the
     * series of its (earliest) NEW entry; without a NEW entry the project contributes nothing yet.
     */
    public static Map<String, MonthFacts> cumulative(ProjectState project) {
        Map<String, MonthFacts> out = new HashMap<>();
        Optional<ProjectEvent> registered = project.events().stream().filter(e -> e.type() == EventType.NEW)
                .min(Comparator.comparing(ProjectEvent::date));
        if (registered.isEmpty()) {
            return out;
        }
        YearMonth from = YearMonth.from(registered.get().date());
        YearMonth until = project.events().stream().filter(e -> e.type() == EventType.TERMINATION)
                .map(e -> YearMonth.from(e.date())).min(Comparator.naturalOrder()).orElse(null);
        if (until != null && !until.isAfter(from)) {
            return out; // registered and terminated within the same month: never valid at a month end
        }
        Map<YearMonth, MonthFacts> byMonth = new HashMap<>();
        byMonth.computeIfAbsent(from, m -> new MonthFacts()).cumulativeProjectsDelta = 1;
        if (until != null) {
            byMonth.computeIfAbsent(until, m -> new MonthFacts()).cumulativeProjectsDelta = -1;
        }
        for (ProjectEvent e : project.events()) {
            if (e.type() == EventType.TERMINATION) {
                continue;
            }
            YearMonth m = YearMonth.from(e.date());
            if (until != null && !m.isBefore(until)) {
                continue; // dated in or after the termination month: never part of a valid project's capital
            }
            CurrencyDate where = new CurrencyDate(e.currency(), e.date());
            YearMonth counted = m.isBefore(from) ? from : m;
            byMonth.computeIfAbsent(counted, x -> new MonthFacts()).cumulativeCapitalDelta.add(where, e.signedAmount());
            if (until != null) {
                byMonth.computeIfAbsent(until, x -> new MonthFacts()).cumulativeCapitalDelta.add(where, e.signedAmount().negate());
            }
        }
        for (DimKey k : registered.get().series()) {
            byMonth.forEach((month, f) -> out.put(k.factKey(month), f.copy()));
        }
        return out;
    }

    /** The changes that turn the facts of {@code before} into those of {@code after}, plus the new entry's period facts. */
    public static Map<String, MonthFacts> changes(ProjectState before, ProjectEvent added) {
        ProjectState after = before.with(added);
        Map<String, MonthFacts> out = period(added);
        cumulative(after).forEach((k, f) -> out.computeIfAbsent(k, x -> new MonthFacts()).add(f, 1));
        cumulative(before).forEach((k, f) -> out.computeIfAbsent(k, x -> new MonthFacts()).add(f, -1));
        out.values().removeIf(MonthFacts::isEmpty);
        return out;
    }
}
