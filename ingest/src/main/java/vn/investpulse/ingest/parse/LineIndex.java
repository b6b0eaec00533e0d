package vn.investpulse.ingest.parse;

import java.util.Arrays;

/**
 * Where each physical line of a text starts, counting line ends the way commons-csv does
 * ({@code \n}, {@code \r\n} or a lone {@code \r}), so its line numbers and ours agree.
 */
final class LineIndex {

    private final String text;
    private final int[] starts;   // starts[i] = offset of line i + 1
    private final int count;

    LineIndex(String text) {
        this.text = text;
        int[] found = new int[16];
        int n = 0;
        found[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean eol = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (eol) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(found, n);
        // A final line end does not open another line.
        this.count = n > 1 && starts[n - 1] == text.length() ? n - 1 : (text.isEmpty() ? 0 : n);
    }

    int count() {
        return count;
    }

    /** Offset where a 1-based line starts; the text length past the last line. */
    int start(int line) {
        return line - 1 < starts.length ? starts[line - 1] : text.length();
    }

    /** The text of one physical line without its line end. */
    String physicalLine(int line) {
        return CsvTableReader.stripEol(text.substring(start(line), start(line + 1)));
    }
}
