package vn.investpulse.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.investpulse.ingest.Reason;

/**
 * Reads an RFC 4180 CSV (UTF-8, optional BOM, header row) into rows that keep their physical line number
 * (the header is line 1; a record with a quoted line break keeps the line it starts on) and their raw text.
 *
 * <p>Broken quoting never loses the rest of the file: the record where commons-csv gives up is reported as
 * one bad row and reading resumes on the next physical line.
 */
public final class CsvTableReader {

    /** Empty lines are kept as records here and skipped below, so line numbers stay physical. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private CsvTableReader() {
    }

    public static ParsedTable read(byte[] body, TableKind kind) {
        return read(decodeUtf8(body), kind);
    }

    public static ParsedTable read(String text, TableKind kind) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Pass pass = new Pass(csv, new LineIndex(csv), kind);
        int line = 1;
        while (line <= pass.lines.count()) {
            int resumeAt = pass.readFrom(line);
            if (resumeAt <= line) {
                break;
            }
            line = resumeAt;
        }
        if (pass.header == null) {
            throw new TableFormatException(Reason.of(
                    "the CSV is empty: expected a header row " + String.join(",", kind.columns()),
                    "tệp CSV rỗng: cần dòng tiêu đề " + String.join(",", kind.columns())));
        }
        return new ParsedTable(pass.rows, pass.header.ignored());
    }

    /** One reading of the text; restarted after a record commons-csv cannot parse. */
    private static final class Pass {
        private final String csv;
        private final LineIndex lines;
        private final TableKind kind;
        private final List<RawRow> rows = new ArrayList<>();
        private Header header;

        Pass(String csv, LineIndex lines, TableKind kind) {
            this.csv = csv;
            this.lines = lines;
            this.kind = kind;
        }

        /** Reads from a physical line to the end (returns count + 1) or to a broken record (returns the line after it). */
        int readFrom(int startLine) {
            int base = lines.start(startLine);
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv.substring(base)))
                    .setFormat(FORMAT).get()) {
                Iterator<CSVRecord> records = parser.iterator();
                long eolsBefore = 0;
                Pending pending = null;
                while (true) {
                    int recordLine = startLine + (int) eolsBefore;
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            finish(pending, csv.length());
                            return lines.count() + 1;
                        }
                        record = records.next();
                    } catch (RuntimeException e) {
                        finish(pending, lines.start(recordLine));
                        rows.add(RawRow.broken(recordLine, lines.physicalLine(recordLine), brokenQuoting(e)));
                        return recordLine + 1;
                    }
                    int start = base + (int) record.getCharacterPosition();
                    finish(pending, start);
                    pending = new Pending(recordLine, start, record.toList());
                    eolsBefore = parser.getCurrentLineNumber();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A record's raw text ends where the next one starts, so it is only known then. */
        private void finish(Pending record, int end) {
            if (record == null) {
                return;
            }
            String raw = stripEol(csv.substring(record.start, Math.max(record.start, end)));
            List<String> cells = record.cells;
            if (header == null) {
                if (!cells.stream().allMatch(String::isBlank)) {
                    header = Header.resolve(cells, kind);
                }
                return;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                return;                     // a blank line, or an all-empty row a spreadsheet left behind
            }
            if (cells.size() != header.width()) {
                rows.add(RawRow.broken(record.line, raw, Header.wrongWidth(header.width(), cells.size())));
            } else {
                rows.add(RawRow.ok(record.line, header.values(cells), raw));
            }
        }
    }

    private record Pending(int line, int start, List<String> cells) {
    }

    static String stripEol(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static Reason brokenQuoting(Exception e) {
        String detail = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return Reason.of(
                "malformed CSV quoting (a quoted field must end with a quote followed by a comma or the line end): " + detail,
                "sai định dạng CSV ở dấu ngoặc kép (trường trong ngoặc kép phải kết thúc bằng dấu \" rồi dấu phẩy hoặc hết dòng)");
    }

    /** Decodes strictly: a file saved in another encoding must be refused, not imported as mojibake. */
    public static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new TableFormatException(Reason.of(
                    "the body is not valid UTF-8: save the file as 'CSV UTF-8'",
                    "nội dung không phải UTF-8 hợp lệ: hãy lưu tệp dạng 'CSV UTF-8'"), e);
        }
    }
}
