package vn.investpulse.ingest.validate;

import vn.investpulse.ingest.parse.RawRow;
import vn.investpulse.ingest.parse.TableKind;

/** Turns a parsed row of one {@link TableKind} into a record to publish, or a reason. Never throws on bad data. */
public interface RowValidator<T> {

    TableKind kind();

    RowResult<T> validate(RawRow row, RowContext context);
}
