package vn.investpulse.processor.store;

import java.time.YearMonth;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A series whose indicators must be recomputed from {@code fromMonth} on (everything derived from a month — YTD,
 * cumulative, YoY — lies at or after it), with the months whose facts changed, whether FX rates changed from
 * {@code fromMonth} on (amounts must be converted again), and the registration event that caused it, if one did.
 */
public record DirtyMark(YearMonth fromMonth, SortedSet<YearMonth> changedMonths, boolean ratesChanged,
                        String eventId, String certificateNo, Long ingestedAt) {

    public DirtyMark {
        changedMonths = Collections.unmodifiableSortedSet(new TreeSet<>(changedMonths));
    }

    /** A rate in force from this month on changed. */
    public static DirtyMark rates(YearMonth fromMonth) {
        return new DirtyMark(fromMonth, new TreeSet<>(), true, null, null, null);
    }

    /** A plan of the year starting this month changed (no facts, no conversions change). */
    public static DirtyMark plan(YearMonth fromMonth) {
        return new DirtyMark(fromMonth, new TreeSet<>(), false, null, null, null);
    }

    /**
     * Two marks of one series: recompute from the earlier month, union of changed months; the latest cause wins.
     * After a rate change every month from the merged {@code fromMonth} is converted again (at worst more than needed).
     */
    public DirtyMark merge(DirtyMark later) {
        YearMonth from = later.fromMonth.isBefore(fromMonth) ? later.fromMonth : fromMonth;
        TreeSet<YearMonth> months = new TreeSet<>(changedMonths);
        months.addAll(later.changedMonths);
        boolean rates = ratesChanged || later.ratesChanged;
        return later.eventId != null
                ? new DirtyMark(from, months, rates, later.eventId, later.certificateNo, later.ingestedAt)
                : new DirtyMark(from, months, rates, eventId, certificateNo, ingestedAt);
    }
}
