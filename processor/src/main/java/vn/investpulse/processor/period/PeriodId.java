package vn.investpulse.processor.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.investpulse.schemas.PeriodKind;

/**
 * A calendar period of Hai Phong local dates (Asia/Ho_Chi_Minh): a month {@code 2023-12}, a quarter
 * {@code 2023-Q4} (quý) or a year {@code 2023}. Periods are calendar-aligned in local time, never
 * fixed-size epoch windows (those are aligned to UTC and months are not fixed-size).
 *
 * @param index month 1..12, quarter 1..4, or 1 for a year
 */
public record PeriodId(PeriodKind kind, int year, int index) implements Comparable<PeriodId> {

    /** Hai Phong time. Every local date of the pipeline is a date in this zone, never the JVM default. */
    public static final ZoneId HAI_PHONG = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public PeriodId {
        Objects.requireNonNull(kind, "kind");
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (index < 1 || index > max) {
            throw new IllegalArgumentException(kind + " index out of range: " + index);
        }
    }

    public static PeriodId month(int year, int month) {
        return new PeriodId(PeriodKind.MONTH, year, month);
    }

    public static PeriodId month(YearMonth month) {
        return month(month.getYear(), month.getMonthValue());
    }

    public static PeriodId quarter(int year, int quarter) {
        return new PeriodId(PeriodKind.QUARTER, year, quarter);
    }

    public static PeriodId year(int year) {
        return new PeriodId(PeriodKind.YEAR, year, 1);
    }

    /** Parses {@code 2023-12}, {@code 2023-Q4} or {@code 2023}; throws IllegalArgumentException with a reason. */
    public static PeriodId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("period is missing: expected 2023-12, 2023-Q4 or 2023");
        }
        String t = text.trim();
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("'" + text + "': month must be 01 to 12");
            }
            return month(Integer.parseInt(m.group(1)), month);
        }
        m = QUARTER.matcher(t);
        if (m.matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = YEAR.matcher(t);
        if (m.matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("'" + text + "' is not a period: expected 2023-12, 2023-Q4 or 2023");
    }

    /** Parses a period that must be of the given kind (e.g. a month for a monthly series). */
    public static PeriodId parse(String text, PeriodKind expected) {
        PeriodId p = parse(text);
        if (p.kind != expected) {
            throw new IllegalArgumentException("'" + text + "' is not a " + expected.name().toLowerCase() + " period");
        }
        return p;
    }

    /** The month, the quarter and the year a local date belongs to. */
    public static List<PeriodId> containing(LocalDate date) {
        return List.of(month(date.getYear(), date.getMonthValue()),
                quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1),
                year(date.getYear()));
    }

    /** The local date in Hai Phong of an instant: 2023-12-31T17:10:00Z is 1 January 2024 there. */
    public static LocalDate localDate(Instant instant) {
        return instant.atZone(HAI_PHONG).toLocalDate();
    }

    public LocalDate start() {
        return firstMonth().atDay(1);
    }

    /** Last day, inclusive. */
    public LocalDate end() {
        return lastMonth().atEndOfMonth();
    }

    public YearMonth firstMonth() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, index);
            case QUARTER -> YearMonth.of(year, (index - 1) * 3 + 1);
            case YEAR -> YearMonth.of(year, 1);
        };
    }

    public YearMonth lastMonth() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, index);
            case QUARTER -> YearMonth.of(year, index * 3);
            case YEAR -> YearMonth.of(year, 12);
        };
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** Cùng kỳ — the same period a year earlier. */
    public PeriodId yearEarlier() {
        return new PeriodId(kind, year - 1, index);
    }

    /** The next period of the same kind. */
    public PeriodId next() {
        return switch (kind) {
            case MONTH -> month(firstMonth().plusMonths(1));
            case QUARTER -> index == 4 ? quarter(year + 1, 1) : quarter(year, index + 1);
            case YEAR -> year(year + 1);
        };
    }

    /** The period of the same kind that contains a month. */
    public static PeriodId of(PeriodKind kind, YearMonth month) {
        return switch (kind) {
            case MONTH -> month(month);
            case QUARTER -> quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(month.getYear());
        };
    }

    @Override
    public int compareTo(PeriodId o) {
        int c = start().compareTo(o.start());
        return c != 0 ? c : end().compareTo(o.end());
    }

    /** {@code 2023-04}, {@code 2023-Q2}, {@code 2023}; built by hand, not String.format: it is on the emission path. */
    @Override
    public String toString() {
        String y = year4(year);
        return switch (kind) {
            case MONTH -> index < 10 ? y + "-0" + index : y + "-" + index;
            case QUARTER -> y + "-Q" + index;
            case YEAR -> y;
        };
    }

    private static String year4(int year) {
        String y = Integer.toString(year);
        return y.length() >= 4 ? y : "0".repeat(4 - y.length()) + y;
    }
}
