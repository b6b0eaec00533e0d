package vn.investpulse.processor.facts;

import java.time.LocalDate;
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
        for (DimKey k : e.series()) {
            out.put(k.factKey(e.date()), f.copy());
        }
        return out;
    }

    /**
     * The cumulative contribution of a project, as dated changes: valid at the end of month M iff
     * month(NEW) ≤ M < month(TERMINATION); its capital then is every amount dated in a month ≤ M. Counted in the
     * series of its (earliest) NEW entry; without a NEW entry the project contributes nothing yet. A change is
     * stored on the date it happens (the NEW date, an entry's own date, the termination date); figures sum them
     * up to a month end.
     */
    public static Map<String, MonthFacts> cumulative(ProjectState project) {
        Map<String, MonthFacts> out = new HashMap<>();
        Optional<ProjectEvent> registered = registration(project);
        if (registered.isEmpty()) {
            return out;
        }
        Map<LocalDate, MonthFacts> byDate = cumulativeByDate(project, registered.get());
        for (DimKey k : registered.get().series()) {
            byDate.forEach((date, f) -> out.put(k.factKey(date), f.copy()));
        }
        return out;
    }

    /** The entry a project is counted by: its earliest NEW one (the first of equal dates), if any. */
    private static Optional<ProjectEvent> registration(ProjectState project) {
        return project.events().stream().filter(e -> e.type() == EventType.NEW).min(Comparator.comparing(ProjectEvent::date));
    }

    /** The cumulative contribution of a project registered by {@code registered}, by date, for any one of its series. */
    private static Map<LocalDate, MonthFacts> cumulativeByDate(ProjectState project, ProjectEvent registered) {
        Map<LocalDate, MonthFacts> byDate = new HashMap<>();
        LocalDate registeredOn = registered.date();
        YearMonth from = YearMonth.from(registeredOn);
        LocalDate terminatedOn = project.events().stream().filter(e -> e.type() == EventType.TERMINATION)
                .map(ProjectEvent::date).min(Comparator.naturalOrder()).orElse(null);
        YearMonth until = terminatedOn == null ? null : YearMonth.from(terminatedOn);
        if (until != null && !until.isAfter(from)) {
            return byDate; // registered and terminated within the same month: never valid at a month end
        }
        byDate.computeIfAbsent(registeredOn, d -> new MonthFacts()).cumulativeProjectsDelta += 1;
        if (terminatedOn != null) {
            byDate.computeIfAbsent(terminatedOn, d -> new MonthFacts()).cumulativeProjectsDelta -= 1;
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
            LocalDate counted = e.date().isBefore(registeredOn) ? registeredOn : e.date();
            byDate.computeIfAbsent(counted, x -> new MonthFacts()).cumulativeCapitalDelta.add(where, e.signedAmount());
            if (terminatedOn != null) {
                byDate.computeIfAbsent(terminatedOn, x -> new MonthFacts()).cumulativeCapitalDelta.add(where, e.signedAmount().negate());
            }
        }
        byDate.values().removeIf(MonthFacts::isEmpty);
        return byDate;
    }

    /** The changes that turn the facts of {@code before} into those of {@code after}, plus the new entry's period facts. */
    public static Map<String, MonthFacts> changes(ProjectState before, ProjectEvent added) {
        ProjectState after = before.with(added);
        Map<String, MonthFacts> out = period(added);
        Optional<ProjectEvent> was = registration(before);
        Optional<ProjectEvent> is = registration(after);
        if (was.isPresent() && is.isPresent() && was.get() == is.get()) {
            // Counted by the same entry before and after, so in the same series: take the difference by date once and
            // spread only that over the five series. Most of a project's dates do not change with one more entry.
            Map<LocalDate, MonthFacts> diff = cumulativeByDate(after, is.get());
            cumulativeByDate(before, was.get()).forEach((d, f) -> diff.computeIfAbsent(d, x -> new MonthFacts()).add(f, -1));
            diff.values().removeIf(MonthFacts::isEmpty);
            for (DimKey k : is.get().series()) {
                diff.forEach((d, f) -> out.computeIfAbsent(k.factKey(d), x -> new MonthFacts()).add(f, 1));
            }
        } else {
            cumulative(after).forEach((k, f) -> out.computeIfAbsent(k, x -> new MonthFacts()).add(f, 1));
            cumulative(before).forEach((k, f) -> out.computeIfAbsent(k, x -> new MonthFacts()).add(f, -1));
        }
        out.values().removeIf(MonthFacts::isEmpty);
        return out;
    }
}
