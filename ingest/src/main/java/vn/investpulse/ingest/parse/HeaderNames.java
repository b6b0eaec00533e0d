package vn.investpulse.ingest.parse;

import java.text.Normalizer;
import java.util.Locale;

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
        String decomposed = Normalizer.normalize(text.replace('\uFEFF', ' '), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('Đ', 'D').replace('đ', 'd');
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
