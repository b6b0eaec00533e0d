package vn.investpulse.ingest.parse;

import java.util.List;

/**
 * The rows of an upload, in order, and the header columns that were not recognised (ignored, and reported
 * back so a typo in a header does not go unnoticed).
 */
public record ParsedTable(List<RawRow> rows, List<String> ignoredColumns) {

    public ParsedTable {
        rows = List.copyOf(rows);
        ignoredColumns = List.copyOf(ignoredColumns);
    }
}
