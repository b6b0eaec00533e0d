package vn.investpulse.ingest.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.investpulse.ingest.Reason;

/** A header row resolved against a {@link TableKind}: which position holds which canonical column. */
public final class Header {

    private final List<String> columns;   // canonical name per position, null = ignored
    private final List<String> ignored;

    private Header(List<String> columns, List<String> ignored) {
        this.columns = columns;
        this.ignored = ignored;
    }

    /**
     * @throws TableFormatException when a required column is missing or two headers name the same column
     */
    public static Header resolve(List<String> headerCells, TableKind kind) {
        List<String> columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String cell : headerCells) {
            String canonical = kind.canonical(cell);
            if (canonical == null) {
                if (cell != null && !cell.isBlank()) {
                    ignored.add(cell.strip());
                }
                columns.add(null);
                continue;
            }
            String previous = seen.putIfAbsent(canonical, cell);
            if (previous != null) {
                throw new TableFormatException(Reason.of(
                        "headers '" + previous + "' and '" + cell + "' both name the column " + canonical,
                        "tiêu đề '" + previous + "' và '" + cell + "' cùng chỉ cột " + canonical));
            }
            columns.add(canonical);
        }
        List<String> missing = kind.required().stream().filter(c -> !seen.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new TableFormatException(Reason.of(
                    "the header row lacks the column(s) " + String.join(", ", missing)
                            + " (expected " + String.join(",", kind.columns()) + ")",
                    "dòng tiêu đề thiếu cột " + String.join(", ", missing)
                            + " (cần có " + String.join(",", kind.columns()) + ")"));
        }
        return new Header(java.util.Collections.unmodifiableList(columns), List.copyOf(ignored));
    }

    /** Number of cells in the header row, recognised or not: every data row must have as many. */
    public int width() {
        return columns.size();
    }

    /** Canonical column at a position, or null when that header is ignored. */
    public String columnAt(int index) {
        return index < columns.size() ? columns.get(index) : null;
    }

    public List<String> ignored() {
        return ignored;
    }

    /** The values of a row by canonical column (ignored columns dropped). */
    public Map<String, String> values(List<String> cells) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cells.size() && i < columns.size(); i++) {
            String column = columns.get(i);
            if (column != null) {
                values.put(column, cells.get(i));
            }
        }
        return values;
    }

    static Reason wrongWidth(int expected, int found) {
        return Reason.of(
                "wrong number of columns: expected " + expected + " as in the header row, found " + found,
                "sai số cột: cần " + expected + " cột như dòng tiêu đề, có " + found + " cột");
    }
}
