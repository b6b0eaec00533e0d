package vn.investpulse.processor.facts;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct short text that many entries repeat (zone, sector, country and currency codes): a
 * register of a million entries holds a few hundred distinct ones. Bounded, so that a flood of distinct values (they
 * are checked before, but still) costs at most this table, never a leak: past the bound a text is kept as it is.
 */
final class Names {

    static final int MAX = 65_536;
    private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

    private Names() {
    }

    static String shared(String text) {
        if (text == null) {
            return null;
        }
        String known = SHARED.get(text);
        if (known != null) {
            return known;
        }
        if (SHARED.size() >= MAX) {
            return text;
        }
        known = SHARED.putIfAbsent(text, text);
        return known == null ? text : known;
    }
}
