package vn.investpulse.processor.store;

import java.time.YearMonth;

/**
 * A series whose indicators must be recomputed from {@code fromMonth} on (everything derived from a month —
 * YTD, cumulative, YoY — lies at or after it), with the registration event that caused it, if one did.
 */
public record DirtyMark(YearMonth fromMonth, String eventId, String certificateNo, Long ingestedAt) {

    public static DirtyMark reference(YearMonth fromMonth) {
        return new DirtyMark(fromMonth, null, null, null);
    }

    /** Two marks of one series: recompute from the earlier month; the latest cause wins. */
    public DirtyMark merge(DirtyMark later) {
        YearMonth from = later.fromMonth.isBefore(fromMonth) ? later.fromMonth : fromMonth;
        return later.eventId != null ? new DirtyMark(from, later.eventId, later.certificateNo, later.ingestedAt)
                : new DirtyMark(from, eventId, certificateNo, ingestedAt);
    }
}
