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

    /**
     * The same rows with their line numbers moved by {@code offset}: a client that splits a big file into
     * batches says where its batch starts, so rejections point at the original file's lines.
     */
    public ParsedTable shifted(long offset) {
        if (offset == 0) {
            return this;
        }
        return new ParsedTable(rows.stream()
                .map(r -> new RawRow(r.line() + offset, r.values(), r.rawText(), r.problem()))
                .toList(), ignoredColumns);
    }
}
