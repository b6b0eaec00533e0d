package vn.investpulse.ingest.parse;

import vn.investpulse.ingest.Reason;

/**
 * The upload as a whole cannot be read (no header, required column missing, not UTF-8, not a JSON array,
 * not an XLSX file): nothing in it can be trusted row by row, so the request is refused with this reason.
 */
public final class TableFormatException extends RuntimeException {

    private final Reason reason;

    public TableFormatException(Reason reason) {
        super(reason.en());
        this.reason = reason;
    }

    public TableFormatException(Reason reason, Throwable cause) {
        super(reason.en(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
