package vn.investpulse.processor.facts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;

/**
 * One series of figures: a source, a dimension and its value ("" for TOTAL). Its facts are stored per month, the days
 * inside ({@code figures.MonthDays}), under {@code FDI|ZONE|DEEP_C|2023-04}, so a prefix scan of {@link #prefix()}
 * returns its months in order and {@link #monthKey} finds one. A day of facts on its own (a change, a rebuilt day) is
 * named by {@link #factKey}: {@code FDI|ZONE|DEEP_C|2023-04-05}.
 */
public record DimKey(IndicatorSource source, Dimension dimension, String value) {

    public static final char SEPARATOR = '|';

    public DimKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(value, "value");
        if (value.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a dimension value cannot contain '|': " + value);
        }
        if ((dimension == Dimension.TOTAL) != value.isEmpty()) {
            throw new IllegalArgumentException("TOTAL has the empty value and only TOTAL does: " + dimension + " '" + value + "'");
        }
    }

    public static DimKey total(IndicatorSource source) {
        return new DimKey(source, Dimension.TOTAL, "");
    }

    /** The same dimension and value in another source, e.g. the ALL series an FDI series is part of. */
    public DimKey withSource(IndicatorSource other) {
        return new DimKey(other, dimension, value);
    }

    /** ALL is FDI + DDI: the stored series it is the sum of; a stored series is its own only part. */
    public java.util.List<DimKey> storedParts() {
        return source == IndicatorSource.ALL
                ? java.util.List.of(withSource(IndicatorSource.FDI), withSource(IndicatorSource.DDI))
                : java.util.List.of(this);
    }

    public String prefix() {
        return source + "|" + dimension + "|" + value + "|";
    }

    /** The name of this series' facts of a day. */
    public String factKey(LocalDate date) {
        return source + "|" + dimension + "|" + value + "|" + date; // one concatenation
    }

    /** The store key of this series' facts of a month, e.g. {@code FDI|TOTAL||2023-04}. */
    public String monthKey(YearMonth month) {
        int year = month.getYear();
        if (year < 1000 || year > 9999) {
            return source + "|" + dimension + "|" + value + "|" + month; // YearMonth's own form for other years
        }
        // Digits written directly: it runs ten times per event, and YearMonth.toString was most of it.
        int m = month.getMonthValue();
        return new StringBuilder(value.length() + 24).append(source.name()).append(SEPARATOR).append(dimension.name())
                .append(SEPARATOR).append(value).append(SEPARATOR).append(year).append('-')
                .append((char) ('0' + m / 10)).append((char) ('0' + m % 10)).toString();
    }

    /** The key prefix of every value of a dimension, e.g. {@code FDI|ZONE|}. */
    public static String dimensionPrefix(IndicatorSource source, Dimension dimension) {
        return source + "|" + dimension + "|";
    }

    public static DimKey parse(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length < 3) {
            throw new IllegalArgumentException("not a series key: " + text);
        }
        return new DimKey(IndicatorSource.valueOf(parts[0]), Dimension.valueOf(parts[1]), parts[2]);
    }

    /** The series of a fact or month key, e.g. {@code FDI|ZONE|DEEP_C|2023-04}. */
    public static DimKey ofFactKey(String factKey) {
        return parse(factKey.substring(0, factKey.lastIndexOf(SEPARATOR)));
    }

    /** The month of a day's fact key {@code FDI|ZONE|DEEP_C|2023-04-05}. */
    public static YearMonth monthOfFactKey(String factKey) {
        return YearMonth.from(dateOfFactKey(factKey));
    }

    public static LocalDate dateOfFactKey(String factKey) {
        return LocalDate.parse(factKey.substring(factKey.lastIndexOf(SEPARATOR) + 1));
    }

    /**
     * The month of a month key, read from its digits: it runs for every month an emission reads, and parsing the whole
     * text was a visible share of it.
     */
    public static YearMonth monthOfMonthKey(String monthKey) {
        int d = monthKey.lastIndexOf(SEPARATOR) + 1;
        if (monthKey.length() - d != 7 || monthKey.charAt(d + 4) != '-') {
            // A year outside 0000-9999: the slow, general way. YearMonth writes 12024-03 but reads only +12024-03.
            String text = monthKey.substring(d);
            return YearMonth.parse(Character.isDigit(text.charAt(0)) ? "+" + text : text);
        }
        return YearMonth.of(Integer.parseInt(monthKey, d, d + 4, 10), Integer.parseInt(monthKey, d + 5, d + 7, 10));
    }

    // Written out: a record's generated equals and hashCode go through method handles, and every fact change of an
    // event looks up its series.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DimKey k && source == k.source && dimension == k.dimension && value.equals(k.value);
    }

    @Override
    public int hashCode() {
        return (31 * source.hashCode() + dimension.hashCode()) * 31 + value.hashCode();
    }

    /** Text form without the trailing separator, e.g. {@code FDI|TOTAL|}. */
    @Override
    public String toString() {
        return source + "|" + dimension + "|" + value;
    }
}
