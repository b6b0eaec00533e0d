package vn.investpulse.ingest.parse;

import java.text.Normalizer;

/** Folds header names (and enum-like values) so matching ignores case, Vietnamese diacritics, spaces and punctuation. */
public final class HeaderNames {

    private HeaderNames() {
    }

    /**
     * {@code "Số GCNĐKĐT"} → {@code "sogcndkdt"}, {@code "event_id"} and {@code "eventId"} → {@code "eventid"}.
     * Đ/đ is not a combining mark in Unicode, so it is mapped to d explicitly.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        // Values are folded once per row (event types, sources): skip the Unicode work for plain ASCII.
        String folded = isAscii(text) ? text
                : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").replace('Đ', 'D').replace('đ', 'd');
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = Character.toLowerCase(folded.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
