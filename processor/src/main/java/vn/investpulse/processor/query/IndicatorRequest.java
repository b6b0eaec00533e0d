package vn.investpulse.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PeriodKind;

/**
 * Parses the query parameters of the indicator API into a series and periods. A malformed query throws
 * {@link IllegalArgumentException} with a reason a user can act on (the API answers 400 with it).
 */
public final class IndicatorRequest {

    private static final Pattern DIVISION = Pattern.compile("[A-U]\\d{2}");
    private static final Pattern SECTION = Pattern.compile("[A-U]");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Longest series served at once: 50 years of months. */
    public static final int MAX_PERIODS = 600;

    private IndicatorRequest() {
    }

    public static IndicatorSource source(Function<String, String> params) {
        String s = params.apply("source");
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("source is required: FDI, DDI or ALL");
        }
        try {
            return IndicatorSource.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source '" + s + "' is not FDI, DDI or ALL");
        }
    }

    /** The series: total, or one of zone=, sector= (a division C26 or a section letter C), section=, country=. */
    public static DimKey series(IndicatorSource source, Function<String, String> params) {
        List<DimKey> chosen = new ArrayList<>();
        for (var e : Map.of("zone", Dimension.ZONE, "sector", Dimension.SECTOR, "section", Dimension.SECTION,
                "country", Dimension.COUNTRY).entrySet()) {
            String v = params.apply(e.getKey());
            if (v == null || v.isBlank()) {
                continue;
            }
            String value = v.trim();
            Dimension d = e.getValue();
            if (d == Dimension.SECTOR || d == Dimension.SECTION) {
                value = value.toUpperCase(Locale.ROOT);
                if (SECTION.matcher(value).matches()) {
                    d = Dimension.SECTION;
                } else if (DIVISION.matcher(value).matches() && d == Dimension.SECTOR) {
                    d = Dimension.SECTOR;
                } else {
                    throw new IllegalArgumentException(e.getKey() + " '" + v + "' is not a VSIC division (C26) or section letter (C)");
                }
            } else if (d == Dimension.COUNTRY) {
                value = value.toUpperCase(Locale.ROOT);
                if (!value.matches("[A-Z]{2}")) {
                    throw new IllegalArgumentException("country '" + v + "' is not an ISO 3166-1 alpha-2 code such as KR");
                }
            } else if (!CODE.matcher(value).matches()) {
                throw new IllegalArgumentException("zone '" + v + "' is not a zone code such as DEEP_C");
            }
            chosen.add(new DimKey(source, d, value));
        }
        if (chosen.size() > 1) {
            throw new IllegalArgumentException("give at most one of zone, sector, section, country");
        }
        return chosen.isEmpty() ? DimKey.total(source) : chosen.get(0);
    }

    public static PeriodId period(Function<String, String> params) {
        return PeriodId.parse(params.apply("period"));
    }

    public static PeriodKind granularity(Function<String, String> params) {
        String g = params.apply("granularity");
        if (g == null || g.isBlank()) {
            throw new IllegalArgumentException("granularity is required: month, quarter or year");
        }
        return switch (g.trim().toLowerCase(Locale.ROOT)) {
            case "month" -> PeriodKind.MONTH;
            case "quarter" -> PeriodKind.QUARTER;
            case "year" -> PeriodKind.YEAR;
            default -> throw new IllegalArgumentException("granularity '" + g + "' is not month, quarter or year");
        };
    }

    /** The periods from {@code from} to {@code to} inclusive, both of the granularity's kind. */
    public static List<PeriodId> periods(PeriodKind kind, Function<String, String> params) {
        String fromText = params.apply("from");
        String toText = params.apply("to");
        if (fromText == null || toText == null) {
            throw new IllegalArgumentException("from and to are required, e.g. from=2023-01&to=2023-12");
        }
        PeriodId from = PeriodId.parse(fromText, kind);
        PeriodId to = PeriodId.parse(toText, kind);
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        List<PeriodId> out = new ArrayList<>();
        for (PeriodId p = from; p.compareTo(to) <= 0; p = p.next()) {
            if (out.size() == MAX_PERIODS) {
                throw new IllegalArgumentException("at most " + MAX_PERIODS + " periods per request");
            }
            out.add(p);
        }
        return out;
    }

    /** by=zone|sector|section|country */
    public static Dimension breakdownDimension(Function<String, String> params) {
        String by = params.apply("by");
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("by is required: zone, sector, section or country");
        }
        return switch (by.trim().toLowerCase(Locale.ROOT)) {
            case "zone" -> Dimension.ZONE;
            case "sector" -> Dimension.SECTOR;
            case "section" -> Dimension.SECTION;
            case "country" -> Dimension.COUNTRY;
            default -> throw new IllegalArgumentException("by '" + by + "' is not zone, sector, section or country");
        };
    }
}
