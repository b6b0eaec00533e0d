package vn.investpulse.alerts.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import vn.investpulse.schemas.CapitalSource;

/**
 * The alert rules as configured: threshold percentages, the pace factor, and which sources and zones
 * are watched. Validated on construction, so an instance is always usable.
 *
 * @param thresholds percentages of the annual plan (kế hoạch năm), strictly ascending, positive, at most 2 decimals
 * @param paceFactor share of the linear pace below which a year is behind plan, in (0, 1]
 * @param sources    capital sources watched
 * @param zones      zones watched besides TOTAL
 */
public record AlertRules(List<BigDecimal> thresholds, BigDecimal paceFactor, Set<CapitalSource> sources, ZoneSelection zones) {

    public static final List<BigDecimal> DEFAULT_THRESHOLDS = parseThresholds("50,75,100,150,200");
    public static final BigDecimal DEFAULT_PACE_FACTOR = new BigDecimal("0.8");

    public AlertRules {
        Objects.requireNonNull(zones, "zones");
        thresholds = List.copyOf(checkThresholds(thresholds));
        checkPaceFactor(paceFactor);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one capital source (FDI, DDI) must be watched");
        }
        sources = Set.copyOf(sources);
    }

    public static AlertRules defaults() {
        return new AlertRules(DEFAULT_THRESHOLDS, DEFAULT_PACE_FACTOR, Set.of(CapitalSource.FDI, CapitalSource.DDI),
                ZoneSelection.parse(ZoneSelection.ALL));
    }

    /** Parses "50,75,100" into percentages at scale 2, checking they are positive and strictly ascending. */
    public static List<BigDecimal> parseThresholds(String text) {
        List<BigDecimal> parsed = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            try {
                parsed.add(new BigDecimal(item));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "' is not a percentage; write decimals with '.', e.g. 50,75,100,150,200");
            }
        }
        return checkThresholds(parsed);
    }

    public static Set<CapitalSource> parseSources(String text) {
        Set<CapitalSource> sources = new TreeSet<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            try {
                sources.add(CapitalSource.valueOf(item.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + item + "' is not a capital source; use FDI, DDI or FDI,DDI");
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one capital source (FDI, DDI) must be watched");
        }
        return sources;
    }

    private static List<BigDecimal> checkThresholds(List<BigDecimal> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("at least one threshold is needed, e.g. 50,75,100,150,200");
        }
        List<BigDecimal> scaled = new ArrayList<>();
        BigDecimal previous = null;
        for (BigDecimal value : values) {
            if (value.signum() <= 0) {
                throw new IllegalArgumentException("threshold " + value.toPlainString() + " must be positive");
            }
            if (value.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("threshold " + value.toPlainString() + " has more than 2 decimals");
            }
            if (previous != null && value.compareTo(previous) <= 0) {
                throw new IllegalArgumentException("thresholds must be strictly ascending: " + value.toPlainString()
                        + " follows " + previous.toPlainString());
            }
            previous = value;
            scaled.add(value.setScale(2, RoundingMode.UNNECESSARY));
        }
        return scaled;
    }

    private static void checkPaceFactor(BigDecimal factor) {
        Objects.requireNonNull(factor, "paceFactor");
        if (factor.signum() <= 0 || factor.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("pace factor must be in (0, 1], got " + factor.toPlainString());
        }
    }
}
