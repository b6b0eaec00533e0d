package vn.investpulse.ingest.parse;

import java.util.Map;
import vn.investpulse.ingest.Reason;

/**
 * One row of an uploaded table, before validation.
 *
 * @param line    CSV: physical line where the record starts, the header being line 1; XLSX: the sheet's row
 *                number; JSON: array index + 1 (or the object's own {@code line})
 * @param values  cell text by canonical column name (absent or blank = missing)
 * @param rawText the row as received, for the dead-letter topic
 * @param problem set when the row could not even be read as a row (wrong number of columns, broken quoting)
 */
public record RawRow(long line, Map<String, String> values, String rawText, Reason problem) {

    public static RawRow ok(long line, Map<String, String> values, String rawText) {
        return new RawRow(line, values, rawText, null);
    }

    public static RawRow broken(long line, String rawText, Reason problem) {
        return new RawRow(line, Map.of(), rawText, problem);
    }

    /** The trimmed value of a column, or null when it is absent or blank. */
    public String value(String column) {
        String v = values.get(column);
        if (v == null) {
            return null;
        }
        String trimmed = v.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
