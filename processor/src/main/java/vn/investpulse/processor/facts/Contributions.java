package vn.investpulse.processor.facts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        MonthFacts f = periodFacts(e);
        Map<String, MonthFacts> out = new HashMap<>();
        for (DimKey k : e.series()) {
            out.put(k.factKey(e.date()), f.copy());
        }
        return out;
    }

    /** The counts and capital of one entry, for any one of its series. */
    private static MonthFacts periodFacts(ProjectEvent e) {
        MonthFacts f = new MonthFacts();
        CurrencyDate where = e.currency() == null ? null : new CurrencyDate(e.currency(), e.date());
        switch (e.type()) {
            case NEW -> {
                f.newProjects = 1;
                f.addNewCapital(where, e.amount());
            }
            case CAPITAL_INCREASE -> {
                f.capitalIncreases = 1;
                f.addAdjustedCapital(where, e.amount());
            }
            case CAPITAL_DECREASE -> {
                f.capitalDecreases = 1;
                f.addAdjustedCapital(where, e.amount().negate());
            }
            case SHARE_PURCHASE -> {
                f.sharePurchases = 1;
                f.addSharePurchaseCapital(where, e.amount());
            }
            case TERMINATION -> f.terminations = 1;
        }
        return f;
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
        ProjectEvent registered = registration(project);
        if (registered == null) {
            return out;
        }
        Map<LocalDate, MonthFacts> byDate = cumulativeByDate(project, registered);
        for (DimKey k : registered.series()) {
            byDate.forEach((date, f) -> out.put(k.factKey(date), f.copy()));
        }
        return out;
    }

    /** A date's month: {@code YearMonth.from} asks the date for its chronology and fields, per entry of a project per event. */
    static YearMonth month(LocalDate date) {
        return YearMonth.of(date.getYear(), date.getMonthValue());
    }

    /** The entry a project is counted by: its earliest NEW one (the first of equal dates), or null. */
    private static ProjectEvent registration(ProjectState project) {
        ProjectEvent first = null;
        for (ProjectEvent e : project.events()) {
            if (e.type() == EventType.NEW && (first == null || e.date().isBefore(first.date()))) {
                first = e;
            }
        }
        return first;
    }

    /** The cumulative contribution of a project registered by {@code registered}, by date, for any one of its series. */
    private static Map<LocalDate, MonthFacts> cumulativeByDate(ProjectState project, ProjectEvent registered) {
        Map<LocalDate, MonthFacts> byDate = new HashMap<>();
        LocalDate registeredOn = registered.date();
        YearMonth from = month(registeredOn);
        LocalDate terminatedOn = null;
        for (ProjectEvent e : project.events()) {
            if (e.type() == EventType.TERMINATION && (terminatedOn == null || e.date().isBefore(terminatedOn))) {
                terminatedOn = e.date();
            }
        }
        YearMonth until = terminatedOn == null ? null : month(terminatedOn);
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
            YearMonth m = month(e.date());
            if (until != null && !m.isBefore(until)) {
                continue; // dated in or after the termination month: never part of a valid project's capital
            }
            CurrencyDate where = new CurrencyDate(e.currency(), e.date());
            LocalDate counted = e.date().isBefore(registeredOn) ? registeredOn : e.date();
            byDate.computeIfAbsent(counted, x -> new MonthFacts()).addCumulativeCapitalDelta(where, e.signedAmount());
            if (terminatedOn != null) {
                byDate.computeIfAbsent(terminatedOn, x -> new MonthFacts()).addCumulativeCapitalDelta(where, e.signedAmount().negate());
            }
        }
        byDate.values().removeIf(MonthFacts::isEmpty);
        return byDate;
    }

    /**
     * The changes that turn the facts of {@code before} into those of {@code after}, plus the new entry's period facts,
     * by fact key: {@link #deltas} summed per key, empty ones left out.
     */
    public static Map<String, MonthFacts> changes(ProjectState before, ProjectEvent added) {
        Map<String, MonthFacts> out = new HashMap<>();
        for (FactDelta d : deltas(before, added)) {
            out.computeIfAbsent(d.factKey(), k -> new MonthFacts()).add(d.delta());
        }
        out.values().removeIf(MonthFacts::isEmpty);
        return out;
    }

    /**
     * The same changes as dated deltas by series, each change computed once and shared by the series it applies to: the
     * topology applies these, so an event costs a few small objects instead of a map of text keys and a copy per series.
     * A (series, date) may occur twice (an entry counted in other series than its project's registration); apply all.
     */
    public static List<FactDelta> deltas(ProjectState before, ProjectEvent added) {
        List<FactDelta> out = new ArrayList<>(12);
        List<DimKey> entrySeries = added.series();
        MonthFacts period = periodFacts(added);
        if (before.size() == 0 && added.type() == EventType.NEW) {
            // A project's first entry, its registration (most projects start so): valid from its date with its capital.
            period.cumulativeProjectsDelta += 1;
            period.addCumulativeCapitalDelta(new CurrencyDate(added.currency(), added.date()), added.signedAmount());
            spread(out, entrySeries, added.date(), period);
            return out;
        }
        ProjectEvent was = registration(before);
        if (was != null && isChange(added) && !isTerminated(before)) {
            // A change of capital of a registered, valid project (most entries after the first): the project's cumulative
            // capital changes by this amount, on its date (on the registration date if dated before it); nothing else
            // does. The general path below rebuilds the project's cumulative facts before and after, which cancel out.
            LocalDate counted = added.date().isBefore(was.date()) ? was.date() : added.date();
            MonthFacts cumulative = new MonthFacts()
                    .addCumulativeCapitalDelta(new CurrencyDate(added.currency(), added.date()), added.signedAmount());
            List<DimKey> cumulativeSeries = was.series();
            if (counted.equals(added.date()) && cumulativeSeries.equals(entrySeries)) {
                spread(out, entrySeries, counted, period.add(cumulative));
            } else {
                spread(out, entrySeries, added.date(), period);
                spread(out, cumulativeSeries, counted, cumulative);
            }
            return out;
        }
        // The earliest NEW, the first of equal dates: the added entry only if it is a NEW strictly before the one counted.
        ProjectEvent is = added.type() == EventType.NEW && (was == null || added.date().isBefore(was.date())) ? added : was;
        if (is == null) {
            spread(out, entrySeries, Map.of(added.date(), period)); // not registered yet: no cumulative figures
            return out;
        }
        Map<LocalDate, MonthFacts> cumulative = cumulativeByDate(before.with(added), is);
        if (was != null && was != is) {
            // Counted by another entry now (an earlier NEW arrived): the project leaves the series of the old one.
            Map<LocalDate, MonthFacts> removed = new HashMap<>();
            cumulativeByDate(before, was).forEach((d, f) -> removed.put(d, new MonthFacts().add(f, -1)));
            spread(out, was.series(), removed);
            spread(out, entrySeries, Map.of(added.date(), period));
            spread(out, is.series(), cumulative);
            return out;
        }
        if (was != null) {
            // Counted by the same entry before and after, so in the same series: the difference by date, taken once. Most
            // of a project's dates do not change with one more entry.
            cumulativeByDate(before, was).forEach((d, f) -> cumulative.computeIfAbsent(d, x -> new MonthFacts()).add(f, -1));
        }
        List<DimKey> cumulativeSeries = is == added ? entrySeries : is.series();
        if (cumulativeSeries.equals(entrySeries)) {
            cumulative.computeIfAbsent(added.date(), d -> new MonthFacts()).add(period);
        } else {
            spread(out, entrySeries, Map.of(added.date(), period));
        }
        spread(out, cumulativeSeries, cumulative);
        return out;
    }

    /** An increase, a decrease or a share purchase: an entry that changes capital without starting or ending a project. */
    private static boolean isChange(ProjectEvent e) {
        return e.type() == EventType.CAPITAL_INCREASE || e.type() == EventType.CAPITAL_DECREASE
                || e.type() == EventType.SHARE_PURCHASE;
    }

    private static boolean isTerminated(ProjectState project) {
        for (ProjectEvent e : project.events()) {
            if (e.type() == EventType.TERMINATION) {
                return true;
            }
        }
        return false;
    }

    /** One delta per series for one date, the facts shared by the series; empty facts are left out. */
    private static void spread(List<FactDelta> out, List<DimKey> series, LocalDate date, MonthFacts f) {
        if (!f.isEmpty()) {
            for (DimKey k : series) {
                out.add(new FactDelta(k, date, f));
            }
        }
    }

    /** One delta per series and date, the date's facts shared by the series; empty facts are left out. */
    private static void spread(List<FactDelta> out, List<DimKey> series, Map<LocalDate, MonthFacts> byDate) {
        byDate.forEach((date, f) -> spread(out, series, date, f));
    }
}
