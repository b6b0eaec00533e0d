package vn.investpulse.alerts.rules;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which zones (khu kinh tế, khu công nghiệp — economic zones and industrial parks) get their own alerts,
 * besides the TOTAL of the whole Authority. A zone only ever gets an alert when it has its own plan.
 *
 * @param all   every zone with its own plan ({@code *})
 * @param codes the zone codes listed, when not {@code all}; empty with {@code all == false} means TOTAL only
 */
public record ZoneSelection(boolean all, Set<String> codes) {

    public static final String ALL = "*";
    public static final String NONE = "NONE";

    public ZoneSelection {
        codes = Set.copyOf(codes);
    }

    /** Parses {@code *}, {@code NONE}, or a comma-separated list of zone codes. */
    public static ZoneSelection parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equals(ALL)) {
            return new ZoneSelection(true, Set.of());
        }
        if (trimmed.equalsIgnoreCase(NONE)) {
            return new ZoneSelection(false, Set.of());
        }
        Set<String> codes = new TreeSet<>();
        for (String part : trimmed.split(",")) {
            String code = part.trim();
            if (code.isEmpty()) {
                continue;
            }
            if (code.equals(ALL) || !code.matches("[A-Za-z0-9_\\-]+")) {
                throw new IllegalArgumentException("'" + code + "' is not a zone code; use * (all zones), NONE, or codes like DEEP_C,VSIP");
            }
            codes.add(code.toUpperCase(Locale.ROOT));
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("no zone code given; use * (all zones), NONE, or codes like DEEP_C,VSIP");
        }
        return new ZoneSelection(false, codes);
    }

    public boolean includes(String zoneCode) {
        return all || codes.contains(zoneCode.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return all ? ALL : codes.isEmpty() ? NONE : String.join(",", codes);
    }
}
