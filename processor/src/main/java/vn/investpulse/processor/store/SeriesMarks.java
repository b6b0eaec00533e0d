package vn.investpulse.processor.store;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dirty marks one input record causes, all in one record: forwarding costs each record a trip through the processor
 * graph, once the largest share of the stream thread after the stores.
 *
 * <p>Two forms. Reference data (a rate, a plan) marks series with a {@link DirtyMark}. An event's fact changes mark each
 * changed series — five stored ones and the ALL series each is part of — with the month of its change, given as series
 * names and month numbers ({@link #month}) with the event that caused them: building a sorted set of months and a mark
 * per event, then walking them again for every series, was about a tenth of the stream thread in a replay.
 */
public final class SeriesMarks {

    private static final String[] NO_SERIES = new String[0];
    private static final int[] NO_MONTHS = new int[0];

    private final List<Map.Entry<String, DirtyMark>> marks;
    private final String[] changedSeries;
    private final int[] changedMonths;
    private final String eventId;
    private final String certificateNo;
    private final Long ingestedAt;

    private SeriesMarks(List<Map.Entry<String, DirtyMark>> marks, String[] changedSeries, int[] changedMonths,
                        String eventId, String certificateNo, Long ingestedAt) {
        if (changedSeries.length != changedMonths.length) {
            throw new IllegalArgumentException(changedSeries.length + " series but " + changedMonths.length + " months");
        }
        this.marks = List.copyOf(marks);
        this.changedSeries = changedSeries;
        this.changedMonths = changedMonths;
        this.eventId = eventId;
        this.certificateNo = certificateNo;
        this.ingestedAt = ingestedAt;
    }

    /** One series marked by reference data. */
    public static SeriesMarks of(String series, DirtyMark mark) {
        return new SeriesMarks(List.of(Map.entry(series, mark)), NO_SERIES, NO_MONTHS, null, null, null);
    }

    /**
     * The facts of {@code series[i]} changed in month {@code months[i]} ({@link #month}) because of an event; the arrays
     * are the record's from now on.
     */
    public static SeriesMarks facts(String[] series, int[] months, String eventId, String certificateNo, Long ingestedAt) {
        return new SeriesMarks(List.of(), series, months, Objects.requireNonNull(eventId, "eventId"), certificateNo, ingestedAt);
    }

    /** A month as a number, year × 12 + month − 1: consecutive months are consecutive numbers. */
    public static int month(LocalDate date) {
        return month(date.getYear(), date.getMonthValue());
    }

    public static int month(YearMonth month) {
        return month(month.getYear(), month.getMonthValue());
    }

    private static int month(int year, int monthOfYear) {
        return year * 12 + monthOfYear - 1;
    }

    public static YearMonth yearMonth(int month) {
        return YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
    }

    /** The series marked by reference data. */
    public List<Map.Entry<String, DirtyMark>> marks() {
        return marks;
    }

    /** How many (series, month) changes of facts this record carries. */
    public int changes() {
        return changedSeries.length;
    }

    public String changedSeries(int i) {
        return changedSeries[i];
    }

    public int changedMonth(int i) {
        return changedMonths[i];
    }

    /** The event that changed the facts, or null. */
    public String eventId() {
        return eventId;
    }

    public String certificateNo() {
        return certificateNo;
    }

    public Long ingestedAt() {
        return ingestedAt;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SeriesMarks{marks=").append(marks);
        for (int i = 0; i < changedSeries.length; i++) {
            s.append(i == 0 ? ", facts of event " + eventId + ": " : ", ").append(changedSeries[i]).append(" in ")
                    .append(yearMonth(changedMonths[i]));
        }
        return s.append('}').toString();
    }
}
