package vn.investpulse.ingest.validate;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * VSIC 2018 (Hệ thống ngành kinh tế Việt Nam, Quyết định 27/2018/QĐ-TTg): sections A–U and the two-digit
 * divisions each holds. A sector code is a section letter followed by its division, e.g. C26 (electronics),
 * H52 (warehousing and logistics); the letter must be the division's own section.
 */
public final class Vsic {

    /** First division of each section → its section letter; a section runs to the next one's first division. */
    private static final TreeMap<Integer, Character> SECTION_STARTS = new TreeMap<>();
    /** Divisions that do not exist inside a section's range. */
    private static final java.util.Set<Integer> GAPS = java.util.Set.of(4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89);
    private static final int LAST_DIVISION = 99;

    static {
        Map<Character, Integer> first = Map.ofEntries(
                Map.entry('A', 1), Map.entry('B', 5), Map.entry('C', 10), Map.entry('D', 35), Map.entry('E', 36),
                Map.entry('F', 41), Map.entry('G', 45), Map.entry('H', 49), Map.entry('I', 55), Map.entry('J', 58),
                Map.entry('K', 64), Map.entry('L', 68), Map.entry('M', 69), Map.entry('N', 77), Map.entry('O', 84),
                Map.entry('P', 85), Map.entry('Q', 86), Map.entry('R', 90), Map.entry('S', 94), Map.entry('T', 97),
                Map.entry('U', 99));
        first.forEach((letter, division) -> SECTION_STARTS.put(division, letter));
    }

    private Vsic() {
    }

    /** The section letter of a division, or empty when the division does not exist in VSIC 2018. */
    public static Optional<Character> sectionOf(int division) {
        if (division < 1 || division > LAST_DIVISION || GAPS.contains(division)) {
            return Optional.empty();
        }
        return Optional.of(SECTION_STARTS.floorEntry(division).getValue());
    }

    /** Divisions of a section, e.g. C → 10..33, for messages. */
    public static String range(char section) {
        Integer from = null;
        Integer to = null;
        for (int d = 1; d <= LAST_DIVISION; d++) {
            if (sectionOf(d).filter(s -> s == section).isPresent()) {
                from = from == null ? d : from;
                to = d;
            }
        }
        return from == null ? "" : String.format("%c%02d–%c%02d", section, from, section, to);
    }

    public static boolean sectionExists(char section) {
        return SECTION_STARTS.containsValue(section);
    }
}
