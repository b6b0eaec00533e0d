package vn.investpulse.processor.facts;

import java.time.YearMonth;
import java.util.Objects;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;

/**
 * One series of figures: a source, a dimension and its value ("" for TOTAL). Its month facts are stored
 * under {@code FDI|ZONE|DEEP_C|2023-04}, so a prefix scan of {@link #prefix()} returns its months in order.
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

    public String prefix() {
        return source + "|" + dimension + "|" + value + "|";
    }

    /** The store key of this series' facts of a month. */
    public String factKey(YearMonth month) {
        return prefix() + month;
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

    /** The series of a fact key {@code FDI|ZONE|DEEP_C|2023-04}. */
    public static DimKey ofFactKey(String factKey) {
        return parse(factKey.substring(0, factKey.lastIndexOf(SEPARATOR)));
    }

    public static YearMonth monthOfFactKey(String factKey) {
        return YearMonth.parse(factKey.substring(factKey.lastIndexOf(SEPARATOR) + 1));
    }

    /** Text form without the trailing separator, e.g. {@code FDI|TOTAL|}. */
    @Override
    public String toString() {
        return source + "|" + dimension + "|" + value;
    }
}
