package vn.investpulse.ingest.validate;

import vn.investpulse.ingest.Reason;
import vn.investpulse.ingest.parse.RawRow;

/**
 * The verdict on one row: a record to publish under {@code key}, or the reason it was refused.
 *
 * @param id the row's identity for duplicate detection and reports: the event id for events, the key for
 *           reference data (may be null when the row lacks it)
 */
public record RowResult<T>(long line, String id, String key, T value, Reason reason, String rawText) {

    public static <T> RowResult<T> accepted(RawRow row, String id, String key, T value) {
        return new RowResult<>(row.line(), id, key, value, null, row.rawText());
    }

    public static <T> RowResult<T> rejected(RawRow row, String id, Reason reason) {
        return new RowResult<>(row.line(), id, null, null, reason, row.rawText());
    }

    public boolean isAccepted() {
        return reason == null;
    }
}
